import { FolioError } from '../../../shared/errors'
import type { JobInfo, JobKind, JobResult } from '../../../shared/types'
import type { Library } from '../library'
import type { JobRunContext, RegisteredKind } from './kinds'
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
  setJobProgress,
  setJobStage
} from './queries'
import type { Job, NewJob } from './queries'

export interface JobQueueOptions {
  /** Jobs in flight at once; 4 keeps two cores busy while captures wait on the network. */
  concurrency?: number
  /** Tries per job for transient failures (timeouts, resets, 5xx). */
  maxAttempts?: number
  /** First retry delay; each next one waits 4 times longer (2 s, 8 s, 32 s by default). */
  retryBaseMs?: number
  log?(message: string): void
}

export interface JobQueue {
  /** Adds a kind of job this process can run; only registered kinds are taken from the table. */
  register(kind: RegisteredKind): void
  start(): void
  readonly started: boolean
  /** Stops taking jobs and aborts running ones; they resume at the next start. */
  stop(): Promise<void>
  enqueue(job: NewJob): JobInfo
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

function asFolioError(error: unknown, kind: JobKind): FolioError {
  if (error instanceof FolioError) return error
  return new FolioError(
    'internal',
    `The ${kind} job failed unexpectedly: ${(error as Error).message ?? String(error)}`
  )
}

// Progress is stored and announced at most every 250 ms: a re-extraction of 100k articles would
// otherwise write 100k rows and send as many events.
const progressIntervalMs = 250

/**
 * The persisted job queue (DESIGN.md §2, STYLE.md rule 7): jobs of every registered kind live in
 * the `jobs` table, so a batch of thousands costs memory only for the few in flight, and a crash
 * loses nothing.
 */
export function createJobQueue(library: Library, options: JobQueueOptions = {}): JobQueue {
  const { db } = library
  const concurrency = options.concurrency ?? 4
  const maxAttempts = options.maxAttempts ?? 4
  const retryBaseMs = options.retryBaseMs ?? 2000
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>()
  const kinds = new Map<JobKind, RegisteredKind>()
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
    const due = nextDueTime(db, [...kinds.keys()])
    if (due === null) return
    timer = setTimeout(pump, Math.max(0, due - Date.now()))
    timer.unref()
  }

  function pump(): void {
    if (!started) return
    while (running.size < concurrency) {
      const job = claimNextJob(db, process.pid, [...kinds.keys()])
      if (!job) break
      publish(job.id)
      run(job)
    }
    schedule()
  }

  function contextFor(job: Job, signal: AbortSignal): JobRunContext {
    let lastProgress = 0
    return {
      signal,
      stage(stage) {
        setJobStage(db, job.id, stage)
        publish(job.id)
      },
      progress(done, total) {
        const now = Date.now()
        if (done < total && now - lastProgress < progressIntervalMs) return
        lastProgress = now
        setJobProgress(db, job.id, { done, total })
        publish(job.id)
      }
    }
  }

  async function execute(job: Job, signal: AbortSignal): Promise<JobResult | void> {
    const spec = kinds.get(job.kind)
    if (!spec) throw new FolioError('internal', `This Folio cannot run ${job.kind} jobs.`)
    const payload = spec.payload.safeParse(job.payload)
    if (!payload.success) {
      throw new FolioError(
        'internal',
        `The stored task of ${job.kind} job ${job.id} is unreadable.`
      )
    }
    return spec.run(job, payload.data, contextFor(job, signal))
  }

  function run(job: Job): void {
    const controller = new AbortController()
    const done = execute(job, controller.signal)
      .then((result) => finishJob(db, job.id, { status: 'done', result: result ?? undefined }))
      .catch((error: unknown) =>
        settleFailure(job, asFolioError(error, job.kind), controller.signal)
      )
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
    const spec = kinds.get(job.kind)
    const transient = spec?.isTransient?.(error) ?? false
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
    spec?.onFailed?.(job, error)
  }

  return {
    register(kind) {
      kinds.set(kind.kind, kind)
    },
    get started() {
      return started
    },
    start() {
      if (started) return
      started = true
      const resumed = requeueOrphanedJobs(db, isProcessAlive)
      if (resumed > 0)
        options.log?.(`folio: resuming ${resumed} job${resumed === 1 ? '' : 's'} left unfinished`)
      pump()
    },
    async stop() {
      started = false
      if (timer) clearTimeout(timer)
      for (const { controller } of running.values()) controller.abort()
      await Promise.allSettled([...running.values()].map((entry) => entry.done))
    },
    enqueue(newJob) {
      const job = insertJob(db, newJob)
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
