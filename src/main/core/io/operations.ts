import type { ParsedInput } from '../../../shared/contract'
import { resolve } from 'node:path'
import { FolioError } from '../../../shared/errors'
import type { ExportStarted, ImportStarted } from '../../../shared/types'
import { normalizeTagName } from '../tags/queries'
import type { EngineContext } from '../context'
import { selectArticles } from './export/records'
import { ImportFileError } from './import/item'
import type { ImportPayload } from './import/run'
import { fileSize } from './import/source'
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

/**
 * Queues an `import` job (issue 16) after checking what can be told at once: the file exists
 * and the tags are names. The job detects the format and reads the file; its report comes with it.
 */
export function importLibrary(
  { jobs }: EngineContext,
  input: ParsedInput<'library.import'>
): ImportStarted {
  const path = resolve(input.path)
  try {
    fileSize(path)
  } catch (error) {
    if (error instanceof ImportFileError) throw new FolioError('not_found', error.message)
    throw error
  }
  const payload: ImportPayload = {
    path,
    tags: input.tags.map(normalizeTagName),
    fetch: input.fetch,
    startedAt: Date.now()
  }
  const job = jobs.enqueue({ kind: 'import', label: `import of ${path}`, payload, articleId: null })
  return { jobId: job.id }
}
