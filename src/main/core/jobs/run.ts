import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'
import { storageFailure } from '../db/storage-errors'
import type { JobKind, JobResult } from '../../../shared/types'
import type { JobRunContext, RegisteredKind } from './kinds'
import { dropPayloadFields, finishJob, releaseJob, setJobProgress, setJobStage } from './queries'
import type { Job } from './queries'

/** What running one job needs from its queue. */
export interface RunScope {
  db: Database
  /** The library's folder, which a storage failure names. */
  dir: string
  kinds: ReadonlyMap<JobKind, RegisteredKind>
  /** Tries per job for transient failures (timeouts, resets, 5xx). */
  maxAttempts: number
  /** First retry delay; each next one waits 4 times longer (2 s, 8 s, 32 s by default). */
  retryBaseMs: number
  /** The longest wait before a retry (the CLI caps it so a `save` reports within a minute). */
  maxRetryDelayMs: number
  /** True once the queue is stopping: an aborted job then goes back to the queue. */
  stopping(): boolean
  /** Announces the job's new state. */
  publish(id: number): void
  /** The library cannot be written (a full disk): even this job's failure could not be stored. */
  halt(error: FolioError, job: Job | null): void
  /** Until when the queue takes no job, after a halt. */
  pausedUntil(): number
}

// Progress is stored and announced at most every 250 ms: a re-extraction of 100k articles would
// otherwise write 100k rows and send as many events.
const progressIntervalMs = 250

/** Any error as a FolioError; a full disk or unwritable library named as such. */
export function asFolioError(error: unknown, job: Job, dir: string): FolioError {
  if (error instanceof FolioError) return error
  const what = job.input ? `"${job.input}"` : `the ${job.kind} job ${job.id}`
  const storage = storageFailure(error, dir, what)
  if (storage) return storage
  return new FolioError(
    'internal',
    `The ${job.kind} job failed unexpectedly: ${(error as Error).message ?? String(error)}`
  )
}

function contextFor(scope: RunScope, job: Job, signal: AbortSignal): JobRunContext {
  let lastProgress = 0
  return {
    signal,
    stage(stage) {
      setJobStage(scope.db, job.id, stage)
      scope.publish(job.id)
    },
    progress(done, total) {
      const now = Date.now()
      if (done < total && now - lastProgress < progressIntervalMs) return
      lastProgress = now
      setJobProgress(scope.db, job.id, { done, total })
      scope.publish(job.id)
    }
  }
}

/** Runs a claimed job with its kind, after checking its stored payload against the kind's schema. */
async function execute(scope: RunScope, job: Job, signal: AbortSignal): Promise<JobResult | void> {
  const spec = scope.kinds.get(job.kind)
  if (!spec) throw new FolioError('internal', `This Folio cannot run ${job.kind} jobs.`)
  const payload = spec.payload.safeParse(job.payload)
  if (!payload.success) {
    throw new FolioError('internal', `The stored task of ${job.kind} job ${job.id} is unreadable.`)
  }
  return spec.run(job, payload.data, contextFor(scope, job, signal))
}

/** Records how a job that threw ended: cancelled, queued again for a retry, or failed. */
function settleFailure(scope: RunScope, job: Job, error: FolioError, signal: AbortSignal): void {
  const { db } = scope
  if (!db.open) return
  if (signal.aborted && scope.stopping()) return releaseJob(db, job.id)
  if (signal.aborted) {
    finishJob(db, job.id, { status: 'cancelled', code: 'cancelled', message: 'Cancelled.' })
    return
  }
  const spec = scope.kinds.get(job.kind)
  const transient = spec?.isTransient?.(error) ?? false
  if (transient && job.attempts < scope.maxAttempts) {
    // The server's Retry-After when it asks for longer than the backoff, within the same cap.
    const backoff = scope.retryBaseMs * 4 ** (job.attempts - 1)
    const asked = spec?.retryAfterMs?.(error) ?? 0
    const delay = Math.min(Math.max(backoff, asked), scope.maxRetryDelayMs)
    finishJob(db, job.id, {
      status: 'queued',
      code: error.code,
      message: error.message,
      nextAttemptAt: Date.now() + delay
    })
    return
  }
  const given = transient
    ? new FolioError(error.code, `${error.message} Folio tried ${job.attempts} times.`)
    : error
  finishJob(db, job.id, { status: 'failed', code: given.code, message: given.message })
  spec?.onFailed?.(job, given)
}

/**
 * Runs one job to its end and records the outcome. When even a failure cannot be written (the
 * disk is full), the queue is told to halt, never to take the job again; rejects only when the
 * outcome could not be recorded for another reason.
 */
export async function runJob(scope: RunScope, job: Job, signal: AbortSignal): Promise<void> {
  try {
    try {
      const result = await execute(scope, job, signal)
      const bulky = scope.kinds.get(job.kind)?.bulkyFields ?? []
      scope.db.transaction(() => {
        finishJob(scope.db, job.id, { status: 'done', result: result ?? undefined })
        dropPayloadFields(scope.db, job.id, bulky)
      })()
    } catch (error) {
      settleFailure(scope, job, asFolioError(error, job, scope.dir), signal)
    }
  } catch (error) {
    const failure = asFolioError(error, job, scope.dir)
    if (failure.code !== 'storage_full' && failure.code !== 'library_unavailable') throw error
    scope.halt(failure, job)
  }
}
