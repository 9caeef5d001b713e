import { z } from 'zod'
import { operation, returns } from './define'
import { articleId, tagName } from './articles'

/** Formats `library.export` writes (DESIGN.md §6b); the archive, Markdown and EPUB come later. */
export const exportFormats = ['json', 'csv', 'netscape', 'bibtex', 'ris', 'csl-json'] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface BackupResult {
  /** The absolute path of the copy. */
  path: string
  bytes: number
}

/** What `folio check` looks at, one name per kind of problem. */
export const checkAreas = ['integrity', 'index', 'assets', 'tags', 'orphans'] as const
export type CheckArea = (typeof checkAreas)[number]

export interface CheckProblem {
  area: CheckArea
  /** A sentence for a person: what is wrong, and what to do about it when repair cannot. */
  message: string
  /** True when `repair` rebuilds it (derived data); false when it needs the user. */
  repairable: boolean
}

export interface CheckReport {
  /** Problems found before any repair. */
  problems: CheckProblem[]
  /** What a repair did, a sentence each; empty without `repair`. */
  repaired: string[]
  /** Problems still there after the repair (all of them without `repair`). */
  remaining: CheckProblem[]
}

export interface ExportStarted {
  jobId: number
  /** How many articles the selection holds when the job is queued. */
  articles: number
}

/** What a finished export reports, beside the job's counts (`JobResult.file`). */
export interface ExportedFile {
  format: ExportFormat
  articles: number
  path: string
  bytes: number
}

/** The articles an export covers: the ones named, a tag (and beneath it), a search, or all. */
export const exportSelection = z
  .object({
    ids: z.array(articleId).min(1).max(100_000).optional(),
    tag: tagName.optional(),
    search: z.string().min(1).max(2000).optional()
  })
  .strict()
  .refine((selection) => Object.values(selection).filter((v) => v !== undefined).length <= 1, {
    message: 'choose the articles one way: ids, a tag or a search (or none for the whole library)'
  })

export type ExportSelection = z.infer<typeof exportSelection>

/** The files `library.import` reads, told apart by their content (issue 16). */
export const importFormats = [
  'url-list',
  'netscape',
  'pocket-zip',
  'pocket-csv',
  'pocket-html',
  'pocket-json',
  'instapaper-csv'
] as const
export type ImportFormat = (typeof importFormats)[number]

/**
 * What became of one row of an import: `imported` as a new article, `merged` into an article the
 * library (or an earlier row) had, `skipped` when that article already held all of it, `failed`.
 */
export const importOutcomes = ['imported', 'merged', 'skipped', 'failed'] as const
export type ImportOutcome = (typeof importOutcomes)[number]

export interface ImportRowReport {
  /** The row's number in the file, from 1 (across the parts of a multi-part export). */
  row: number
  url: string | null
  outcome: ImportOutcome
  /** Why a row failed, was skipped or merged, for a person; null for a plain import. */
  reason: string | null
}

export interface ImportReport {
  format: ImportFormat
  path: string
  counts: Record<ImportOutcome, number>
  rows: ImportRowReport[]
  /** Capture jobs queued to fetch the new articles' pages (0 with `fetch: false`). */
  captures: number
}

export interface ImportStarted {
  jobId: number
}

const filePath = z.string().min(1).max(4096)

export const libraryOperations = {
  /** Copies the live library to a file on this machine, so only local code may ask for it. */
  'library.backup': operation({
    input: z.object({ path: filePath, force: z.boolean().default(false) }).strict(),
    output: returns<BackupResult>(),
    callers: ['cli']
  }),
  'library.check': operation({
    input: z.object({ repair: z.boolean().default(false) }).strict(),
    output: returns<CheckReport>()
  }),
  /**
   * Queues an `export` job writing to a path on this machine: local code only. The interface
   * will get its own operation that answers with the file's bytes (a download) instead.
   */
  'library.export': operation({
    input: z
      .object({
        format: z.enum(exportFormats),
        path: filePath,
        selection: exportSelection.default({}),
        force: z.boolean().default(false)
      })
      .strict(),
    output: returns<ExportStarted>(),
    callers: ['cli']
  }),
  /**
   * Queues an `import` job reading a file on this machine (a Pocket, Instapaper or bookmarks
   * export): local code only. The interface will send the file's bytes through its own operation.
   */
  'library.import': operation({
    input: z
      .object({
        path: filePath,
        /** Tags added to every imported article. */
        tags: z.array(tagName).max(100).default([]),
        /** Queue a capture per new article to fetch its page (false: metadata only). */
        fetch: z.boolean().default(true)
      })
      .strict(),
    output: returns<ImportStarted>(),
    callers: ['cli']
  })
}
