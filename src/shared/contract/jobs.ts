import { z } from 'zod'
import { operation, returns } from './define'
import type { ExportedFile, ImportReport } from './library'

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export type JobStatus = (typeof jobStatuses)[number]

/** The kinds of long work the queue runs; import and export register theirs the same way. */
export const jobKinds = ['capture', 'reextract', 'reindex', 'export', 'import'] as const
export type JobKind = (typeof jobKinds)[number]

/** Where a running capture is: queued → fetching → extracting → images → saving → done/failed. */
export type CaptureStage = 'queued' | 'fetching' | 'extracting' | 'images' | 'saving' | 'done'

/** A job's stage: a capture's steps, or `working` for the kinds that count their progress. */
export type JobStage = CaptureStage | 'working'

export interface JobProgress {
  done: number
  total: number
}

export interface JobInfo {
  id: number
  kind: JobKind
  /** What the job is about, for a person: a URL or file path, "3 articles", "the search index". */
  input: string
  status: JobStatus
  stage: JobStage | null
  /** Counted progress of a long job (re-extraction, re-indexing); null for a capture. */
  progress: JobProgress | null
  /** What a finished job reports (a re-extraction's counts and failures); null before. */
  result: JobResult | null
  attempts: number
  articleId: number | null
  error: { code: string; message: string } | null
  createdAt: number
  updatedAt: number
}

/** What a finished re-extraction or re-index reports. */
export interface JobResult {
  /** Articles the job went through successfully. */
  done: number
  /** Articles it could not handle, each with the reason. */
  failed: { id: number; error: { code: string; message: string } }[]
  /** The file an export wrote. */
  file?: ExportedFile
  /**
   * Articles a re-extraction of every article passed over: those with no stored page (a failed
   * capture, one still pending). Absent in results written before it existed.
   */
  skipped?: number[]
  /** What an import did, row by row. */
  import?: ImportReport
}

const jobIds = z.array(z.number().int().positive()).min(1).max(100_000)

export const jobOperations = {
  'jobs.list': operation({
    input: z
      .object({
        status: z.enum(jobStatuses).optional(),
        kind: z.enum(jobKinds).optional(),
        /** Only these jobs (a CLI waiting for its own). */
        ids: z.array(z.number().int().positive()).max(100_000).optional(),
        limit: z.number().int().min(1).max(100_000).default(100)
      })
      .strict(),
    output: returns<JobInfo[]>()
  }),
  'jobs.cancel': operation({
    input: z.object({ ids: jobIds }).strict(),
    output: returns<{ cancelled: number[] }>()
  }),
  'jobs.retry': operation({
    input: z.object({ ids: jobIds }).strict(),
    output: returns<{ retried: number[] }>()
  })
}
