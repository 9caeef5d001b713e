import type { ParsedInput } from '../../../shared/contract'
import type { ExportStarted } from '../../../shared/types'
import type { EngineContext } from '../context'
import { selectArticles } from './export/records'
import { outputPath } from './output-file'

/**
 * Import and export (DESIGN.md §6b). An export is a job: this checks the target at once (so a
 * mistake is told before any work: it exists, or its folder does not), counts the selection and queues the `export` job.
 */
export function exportLibrary(
  { db, jobs, search }: EngineContext,
  input: ParsedInput<'library.export'>
): ExportStarted {
  const path = outputPath(input.path, input.force)
  const selection = selectArticles(db, 'export_count', input.selection, search)
  const articles = selection.count
  selection.drop()
  const label = `${input.format} export of ${articles} article${articles === 1 ? '' : 's'} to ${path}`
  const job = jobs.enqueue({
    kind: 'export',
    label,
    payload: { format: input.format, path, selection: input.selection, force: input.force },
    articleId: null
  })
  return { jobId: job.id, articles }
}
