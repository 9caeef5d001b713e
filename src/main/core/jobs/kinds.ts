import type { z } from 'zod'
import type { FolioError } from '../../../shared/errors'
import type { JobKind, JobResult, JobStage } from '../../../shared/types'
import type { Job } from './queries'

/** What a running job may tell the queue, and how it learns it should stop. */
export interface JobRunContext {
  signal: AbortSignal
  stage(stage: JobStage): void
  /** Counted progress (`done` of `total`), stored and announced at most a few times a second. */
  progress(done: number, total: number): void
}

/**
 * One kind of long work (STYLE.md rule 7): the schema its stored payload must match, and how to
 * run it. Capture, re-extract and re-index register theirs; import and export will too.
 */
export interface JobKindSpec<Payload> {
  kind: JobKind
  payload: z.ZodType<Payload>
  run(job: Job, payload: Payload, context: JobRunContext): Promise<JobResult | void>
  /**
   * Payload fields too big or too private to keep once the job is done (a rendered page's HTML,
   * a file's bytes): removed then, so the library holds what it saved only once.
   */
  bulkyFields?: readonly string[]
  /** Failures worth another try later (a timeout, a reset, a 5xx); the others fail the job. */
  isTransient?(error: unknown): boolean
  /** How long the failure asked to wait before another try (a server's Retry-After). */
  retryAfterMs?(error: unknown): number | null
  /** Called once a job has failed for good (a capture records the reason on its article). */
  onFailed?(job: Job, error: FolioError): void
}

/** A kind as the queue keeps it, its payload type no longer known. */
export interface RegisteredKind {
  kind: JobKind
  payload: z.ZodType
  run(job: Job, payload: unknown, context: JobRunContext): Promise<JobResult | void>
  bulkyFields?: readonly string[]
  isTransient?(error: unknown): boolean
  retryAfterMs?(error: unknown): number | null
  onFailed?(job: Job, error: FolioError): void
}

/** Forgets the payload type: the queue parses the payload with the kind's own schema first. */
export function jobKind<Payload>(spec: JobKindSpec<Payload>): RegisteredKind {
  return spec as RegisteredKind
}
