import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Database, Transaction } from 'better-sqlite3'
import { z } from 'zod'
import { importFormats, importOutcomes } from '../../../../shared/contract'
import { FolioError } from '../../../../shared/errors'
import type { ImportReport, ImportRowReport, JobResult } from '../../../../shared/types'
import { jobKind } from '../../jobs/kinds'
import type { JobRunContext, RegisteredKind } from '../../jobs/kinds'
import { setJobPayload, setJobResult } from '../../jobs/queries'
import type { Job } from '../../jobs/queries'
import type { Write, WriteEffects } from '../../write'
import { detectFormat } from './detect'
import { ImportFileError } from './item'
import type { ImportItem, ImportRow } from './item'
import { parseFile } from './parse'
import type { ParseOptions } from './parse'
import { storeItem } from './store'
import type { StoredRow, StoreOptions } from './store'

export const importPayload = z.object({
  path: z.string(),
  tags: z.array(z.string()),
  fetch: z.boolean(),
  /** When the import was asked for: rows with no save time are dated from it. */
  startedAt: z.number(),
  /** The rows written so far, stored with each batch: where a resumed import starts. */
  report: z
    .object({
      format: z.enum(importFormats),
      path: z.string(),
      counts: z.object({
        imported: z.number(),
        merged: z.number(),
        skipped: z.number(),
        failed: z.number()
      }),
      rows: z.array(
        z.object({
          row: z.number(),
          url: z.string().nullable(),
          outcome: z.enum(importOutcomes),
          reason: z.string().nullable()
        })
      ),
      captures: z.number()
    })
    .optional()
})

export type ImportPayload = z.infer<typeof importPayload>

export interface ImportOptions extends ParseOptions {
  /** Rows written per transaction (and per stored report): 500 keeps each under ~50 ms. */
  batchSize?: number
}

function startingReport(payload: ImportPayload, format: ImportReport['format']): ImportReport {
  const previous = payload.report
  if (previous && previous.path === payload.path) return previous
  const path = payload.path
  return {
    format,
    path,
    counts: { imported: 0, merged: 0, skipped: 0, failed: 0 },
    rows: [],
    captures: 0
  }
}

interface BatchEffects {
  articles: Set<number>
  tagsOf: Set<number>
  notesOf: Set<number>
  changed: Set<number>
  tags: boolean
}

type StoreRow = (item: ImportItem, row: number, options: StoreOptions) => StoredRow

const savepoints = new WeakMap<Database, Transaction<StoreRow>>()

/** storeItem in a savepoint, made once per database (better-sqlite3 prepares its statements). */
function savepointOf(db: Database): Transaction<StoreRow> {
  let savepoint = savepoints.get(db)
  if (!savepoint) {
    savepoint = db.transaction((item: ImportItem, row: number, options: StoreOptions) =>
      storeItem(db, item, row, options)
    )
    savepoints.set(db, savepoint)
  }
  return savepoint
}

/** One row written in its own savepoint, so a row that fails leaves nothing half-written. */
function writeRow(
  db: Database,
  row: ImportRow,
  options: StoreOptions,
  effects: BatchEffects
): ImportRowReport & { captured: boolean } {
  if ('error' in row)
    return { row: row.row, url: row.url, outcome: 'failed', reason: row.error, captured: false }
  try {
    const stored = savepointOf(db)(row.item, row.row, options)
    const { articleId } = stored
    if (stored.effects.reindex) effects.articles.add(articleId)
    if (stored.effects.tags) effects.tagsOf.add(articleId)
    if (stored.effects.notes) effects.notesOf.add(articleId)
    if (stored.effects.changed) effects.changed.add(articleId)
    effects.tags ||= stored.effects.tags
    const { outcome, reason } = stored
    return { row: row.row, url: row.item.url, outcome, reason, captured: stored.effects.captured }
  } catch (error) {
    if (!(error instanceof FolioError)) throw error
    return {
      row: row.row,
      url: row.item.url,
      outcome: 'failed',
      reason: error.message,
      captured: false
    }
  }
}

/**
 * Writes a batch of rows and the report so far (in the job's payload) in one transaction: after
 * a crash, the rows written are exactly the report's, and the import resumes after its last row.
 */
function writeBatch(
  write: Write,
  job: { id: number; payload: ImportPayload },
  batch: ImportRow[],
  report: ImportReport
): void {
  const { tags, fetch, startedAt } = job.payload
  const options: StoreOptions = { tags, fetch, startedAt }
  write(
    (db) => {
      const effects: BatchEffects = {
        articles: new Set(),
        tagsOf: new Set(),
        notesOf: new Set(),
        changed: new Set(),
        tags: false
      }
      for (const row of batch) {
        const { captured, ...entry } = writeRow(db, row, options, effects)
        if (captured) report.captures += 1
        report.rows.push(entry)
        report.counts[entry.outcome] += 1
      }
      setJobPayload(db, job.id, { ...job.payload, report })
      return effects
    },
    // A re-indexed article's tags and notes are indexed with it: not a second time.
    (effects): WriteEffects => ({
      articles: [...effects.articles],
      tagsOf: [...effects.tagsOf].filter((id) => !effects.articles.has(id)),
      notesOf: [...effects.notesOf].filter((id) => !effects.articles.has(id)),
      changed: [...effects.changed],
      tags: effects.tags
    })
  )
}

function resultOf(report: ImportReport): JobResult {
  return { done: report.rows.length - report.counts.failed, failed: [], import: report }
}

/** Rows so far over the share of the file read: the total is an estimate until the end. */
function estimatedTotal(done: number, fraction: number): number {
  return fraction > 0 ? Math.max(done, Math.round(done / fraction)) : done + 1
}

async function runImport(
  write: Write,
  job: Job,
  payload: ImportPayload,
  context: JobRunContext,
  options: ImportOptions
): Promise<JobResult> {
  const detected = await detectFormat(payload.path, options.maxExpandedBytes)
  const report = startingReport(payload, detected.format)
  const written = report.rows.length
  const parsed = parseFile(payload.path, detected, options)
  let batch: ImportRow[] = []
  const flush = (): void => {
    const rows = batch
    batch = []
    if (rows.length > 0) writeBatch(write, { id: job.id, payload }, rows, report)
  }
  try {
    for await (const row of parsed.rows) {
      if (row.row <= written) continue
      batch.push(row)
      if (batch.length < (options.batchSize ?? 500)) continue
      flush()
      context.progress(report.rows.length, estimatedTotal(report.rows.length, parsed.fraction()))
      await nextTurn()
      if (context.signal.aborted) throw new FolioError('cancelled', 'Cancelled.')
    }
  } catch (error) {
    if (error instanceof ImportFileError) flush()
    // A failed or cancelled import shows what it did before it stopped.
    write(
      (db) => setJobResult(db, job.id, resultOf(report)),
      () => ({})
    )
    if (error instanceof ImportFileError) throw new FolioError('invalid_input', error.message)
    throw error
  }
  flush()
  context.progress(report.rows.length, report.rows.length)
  return resultOf(report)
}

/**
 * The `import` job kind (issue 16): the metadata phase, rows in batches, each batch one
 * transaction with the report so far; new articles get their capture jobs (the content phase)
 * in the same transactions, and the queue takes them once this job is done.
 */
export function importKind(write: Write, options: ImportOptions = {}): RegisteredKind {
  return jobKind({
    kind: 'import',
    payload: importPayload,
    async run(job, payload, context) {
      try {
        return await runImport(write, job, payload, context, options)
      } catch (error) {
        if (error instanceof ImportFileError) throw new FolioError('invalid_input', error.message)
        throw error
      }
    }
  })
}
