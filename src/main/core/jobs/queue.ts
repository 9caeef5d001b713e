import { FolioError } from '../../../shared/errors'
import type { CaptureStage, JobInfo } from '../../../shared/types'
import {
  cancelQueuedJobs,
  claimNextJob,
  finishJob,
  getJob,
  insertJob,
  jobInfo,
  nextDueTime,
  requeueJobs,
  requeueOrphanedJobs,
  setJobStage
} from '../db/queries/jobs'
import type { CapturePayload, Job } from '../db/queries/jobs'
import type { Library } from '../library'

export interface JobContext {
  signal: AbortSignal
  stage(stage: CaptureStage): void
}

export type JobHandler = (job: Job, context: JobContext) => Promise<void>

export interface JobQueueOptions {
  /** Captures in flight at once; 4 keeps two cores busy while others wait on the network. */
  concurrency?: number
  /** Tries per job for transient failures (timeouts, resets, 5xx). */
  maxAttempts?: number
  /** First retry delay; each next one waits 4 times longer (2 s, 8 s, 32 s by default). */
  retryBaseMs?: number
  isTransient?(error: unknown): boolean
  /** Called once a job has failed for good, to record the failure on its article. */
  onFailed?(job: Job, error: FolioError): void
  log?(message: string): void
}

export interface JobQueue {
  start(): void
  /** Stops taking jobs and aborts running ones; they resume at the next start. */
  stop(): Promise<void>
  enqueue(payload: CapturePayload, articleId: number): JobInfo
  cancel(ids: number[]): number[]
  retry(ids: number[]): number[]
  /** Resolves with the jobs once each is done, failed or cancelled. */
  waitFor(ids: number[]): Promise<JobInfo[]>
}

const terminal = new Set(['done', 'failed', 'cancelled'])

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function asFolioError(error: unknown): FolioError {
  if (error instanceof FolioError) return error
  return new FolioError(
    'internal',
    `The capture failed unexpectedly: ${(error as Error).message ?? String(error)}`
  )
}

/**
 * The persisted capture queue (DESIGN.md §3, STYLE.md rule 7): jobs live in the `jobs` table, so
 * a batch of thousands costs memory only for the few in flight, and a crash loses nothing.
 */
export function createJobQueue(
  library: Library,
  handler: JobHandler,
  options: JobQueueOptions = {}
): JobQueue {
  const { db } = library
  const concurrency = options.concurrency ?? 4
  const maxAttempts = options.maxAttempts ?? 4
  const retryBaseMs = options.retryBaseMs ?? 2000
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>()
  let started = false
  let timer: NodeJS.Timeout | null = null

  function publish(id: number): void {
    const job = getJob(db, id)
    if (job) library.emit({ type: 'job.progress', job: jobInfo(job) })
  }

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (!started) return
    const due = nextDueTime(db)
    if (due === null) return
    timer = setTimeout(pump, Math.max(0, due - Date.now()))
    timer.unref()
  }

  function pump(): void {
    if (!started) return
    while (running.size < concurrency) {
      const job = claimNextJob(db, process.pid)
      if (!job) break
      publish(job.id)
      run(job)
    }
    schedule()
  }

  function run(job: Job): void {
    const controller = new AbortController()
    const context: JobContext = {
      signal: controller.signal,
      stage(stage) {
        setJobStage(db, job.id, stage)
        publish(job.id)
      }
    }
    const done = handler(job, context)
      .then(() => finishJob(db, job.id, { status: 'done' }))
      .catch((error: unknown) => settleFailure(job, asFolioError(error), controller.signal))
      .catch((error: unknown) =>
        options.log?.(`folio: job ${job.id} could not be recorded: ${String(error)}`)
      )
      .finally(() => {
        running.delete(job.id)
        if (db.open) {
          publish(job.id)
          pump()
        }
      })
    running.set(job.id, { controller, done })
  }

  function settleFailure(job: Job, error: FolioError, signal: AbortSignal): void {
    if (!db.open) return
    if (signal.aborted && !started) return // stopping: the job stays `running` and resumes later
    if (signal.aborted) {
      finishJob(db, job.id, { status: 'cancelled', code: 'cancelled', message: 'Cancelled.' })
      return
    }
    const transient = options.isTransient?.(error) ?? false
    if (transient && job.attempts < maxAttempts) {
      const delay = retryBaseMs * 4 ** (job.attempts - 1)
      finishJob(db, job.id, {
        status: 'queued',
        code: error.code,
        message: error.message,
        nextAttemptAt: Date.now() + delay
      })
      return
    }
    finishJob(db, job.id, { status: 'failed', code: error.code, message: error.message })
    options.onFailed?.(job, error)
  }

  return {
    start() {
      if (started) return
      started = true
      const resumed = requeueOrphanedJobs(db, isProcessAlive)
      if (resumed > 0)
        options.log?.(
          `folio: resuming ${resumed} capture${resumed === 1 ? '' : 's'} left unfinished`
        )
      pump()
    },
    async stop() {
      started = false
      if (timer) clearTimeout(timer)
      for (const { controller } of running.values()) controller.abort()
      await Promise.allSettled([...running.values()].map((entry) => entry.done))
    },
    enqueue(payload, articleId) {
      const job = insertJob(db, payload, articleId)
      library.emit({ type: 'job.progress', job: jobInfo(job) })
      if (started) queueMicrotask(pump)
      return jobInfo(job)
    },
    cancel(ids) {
      const cancelled = cancelQueuedJobs(db, ids)
      cancelled.forEach(publish)
      for (const id of ids) running.get(id)?.controller.abort()
      return [...cancelled, ...ids.filter((id) => running.has(id))]
    },
    retry(ids) {
      const requeued = requeueJobs(db, ids)
      requeued.forEach(publish)
      if (started) pump()
      return requeued
    },
    waitFor(ids) {
      return new Promise((resolve) => {
        const remaining = new Set(
          ids.filter((id) => {
            const job = getJob(db, id)
            return job !== null && !terminal.has(job.status)
          })
        )
        const finish = (): void => {
          stopListening()
          resolve(
            ids
              .map((id) => getJob(db, id))
              .filter((job): job is Job => job !== null)
              .map(jobInfo)
          )
        }
        const stopListening = library.onEvent((event) => {
          if (event.type !== 'job.progress' || !terminal.has(event.job.status)) return
          if (remaining.delete(event.job.id) && remaining.size === 0) finish()
        })
        if (remaining.size === 0) finish()
      })
    }
  }
}
