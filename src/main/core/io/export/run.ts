import type { Database } from 'better-sqlite3'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { z } from 'zod'
import { exportFormats, exportSelection } from '../../../../shared/contract'
import { FolioError } from '../../../../shared/errors'
import type { ExportedFile, ExportFormat, JobResult } from '../../../../shared/types'
import { jobKind } from '../../jobs/kinds'
import type { RegisteredKind } from '../../jobs/kinds'
import type { SearchService } from '../../search/service'
import { OutputFile } from '../output-file'
import type { WriteBytes } from '../output-file'
import type { Exporter } from './format'
import { selectArticles } from './records'

/** Loads a format's writer when an export needs it (citation-js only for citations). */
async function loadExporter(format: ExportFormat): Promise<Exporter> {
  switch (format) {
    case 'json':
      return (await import('./json')).exportJson
    case 'csv':
      return (await import('./csv')).exportCsv
    case 'netscape':
      return (await import('./netscape')).exportNetscape
    case 'bibtex':
      return (await import('./bibtex')).exportBibtex
    case 'ris':
      return (await import('./ris')).exportRis
    case 'csl-json':
      return (await import('./csl-json')).exportCslJson
  }
}

export const exportPayload = z.object({
  format: z.enum(exportFormats),
  path: z.string(),
  selection: exportSelection,
  force: z.boolean()
})

export type ExportPayload = z.infer<typeof exportPayload>

export interface ExportRun {
  /** A unique name for the selection's temporary table (the job's id). */
  name: string
  search: SearchService
  signal?: AbortSignal
  progress?(done: number, total: number): void
  /** For tests: writes that fail as a full disk would. */
  writeBytes?: WriteBytes
}

/**
 * Writes one export: the selection's ids into a temporary table, then the format's pages into a
 * temporary file beside the target, renamed when complete. Between pages it yields to other work
 * and checks for cancellation; any failure removes the temporary file.
 */
export async function writeExport(
  db: Database,
  payload: ExportPayload,
  run: ExportRun
): Promise<ExportedFile> {
  const exporter = await loadExporter(payload.format)
  const selection = selectArticles(db, `export_${run.name}`, payload.selection, run.search)
  let file: OutputFile | null = null
  try {
    file = new OutputFile(payload.path, { force: payload.force, writeBytes: run.writeBytes })
    run.progress?.(0, selection.count)
    for (const done of exporter(db, selection, file)) {
      if (run.signal?.aborted) throw new FolioError('cancelled', 'Cancelled.')
      run.progress?.(Math.min(done, selection.count), selection.count)
      await nextTurn()
    }
    const bytes = file.commit()
    return { format: payload.format, articles: selection.count, path: file.path, bytes }
  } catch (error) {
    file?.discard()
    throw error
  } finally {
    selection.drop()
  }
}

/** The `export` job kind: one export written with counted progress. */
export function exportKind(db: Database, search: SearchService): RegisteredKind {
  return jobKind({
    kind: 'export',
    payload: exportPayload,
    async run(job, payload, context): Promise<JobResult> {
      const file = await writeExport(db, payload, {
        name: String(job.id),
        search,
        signal: context.signal,
        progress: context.progress
      })
      return { done: file.articles, failed: [], file }
    }
  })
}
