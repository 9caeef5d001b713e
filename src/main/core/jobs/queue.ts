import type { Database } from 'better-sqlite3'
import type { FolioError } from '../../../shared/errors'
import type { JobInfo, JobKind } from '../../../shared/types'
import { storageFailure } from '../db/storage-errors'
import type { Library } from '../library'
import type { RegisteredKind } from './kinds'
import {
  cancelQueuedJobs,
  claimNextJob,
  getJob,
  insertJob,
  jobInfo,
  leaseRenewalMs,
  nextDueTime,
  renewLeases,
  requeueJobs,
  requeueOrphanedJobs
} from './queries'
import type { ClaimScope, Job, NewJob } from './queries'
import { runJob } from './run'
import type { RunScope } from './run'
import { waitForJobs } from './wait'
import type { WaitOptions } from './wait'

export interface JobQueueOptions {
  /** Jobs in flight at once; 4 keeps two cores busy while captures wait on the network. */
  concurrency?: number
  /** Tries per job for transient failures (timeouts, resets, 5xx). */
  maxAttempts?: number
  /** First retry delay; each next one waits 4 times longer (2 s, 8 s, 32 s by default). */
  retryBaseMs?: number
  /** The longest wait before a retry; unbounded (beyond the backoff) unless set. */
  maxRetryDelayMs?: number
  log?(message: string): void
}

export interface StartOptions {
  /**
   * Runs only these jobs (a `folio save` runs the captures it queued and leaves the rest to the
   * app, `folio serve` or `folio jobs resume`); every job of the registered kinds otherwise.
   */
  only?: readonly number[]
}

export interface JobQueue {
  /** Adds a kind of job this process can run; only registered kinds are taken from the table. */
  register(kind: RegisteredKind): void
  start(options?: StartOptions): void
  readonly started: boolean
  /** Stops taking jobs and aborts running ones; they resume at the next start. */
  stop(): Promise<void>
  enqueue(job: NewJob): JobInfo
  cancel(ids: number[]): number[]
  retry(ids: number[]): number[]
  /** Resolves with the jobs once each is done, failed or cancelled, whoever runs them. */
  waitFor(ids: number[], options?: WaitOptions): Promise<JobInfo[]>
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

interface Loop {
  /** Takes due jobs while slots are free, then sleeps until the next one is due. */
  pump(): void
  /** Aborts running jobs and waits for them to settle (they stay `running` when stopping). */
  abort(ids?: number[]): Promise<void>
  isRunning(id: number): boolean
  runningIds(): number[]
}

/**
 * A queue that cannot write its library (a full disk) takes no job for this long, rather than
 * claim one after another it cannot finish; then it tries again (space may have been freed).
 */
const haltMs = 30_000

/**
 * With nothing due, the loop still looks at the table this often: other Folio processes queue
 * jobs (and give back the ones they were running when they stop) without telling this one.
 */
const idlePollMs = 2000

/** The claim-and-run loop: at most `concurrency` jobs of the registered kinds at once. */
function createLoop(
  scope: RunScope,
  claim: () => ClaimScope,
  concurrency: number,
  log?: (message: string) => void
): Loop {
  const { db } = scope
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>()
  let timer: NodeJS.Timeout | null = null

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (scope.stopping()) return
    const paused = scope.pausedUntil() - Date.now()
    const due = paused > 0 ? null : nextDueTime(db, claim())
    const delay =
      paused > 0
        ? paused
        : due === null
          ? idlePollMs
          : Math.min(idlePollMs, Math.max(0, due - Date.now()))
    // Unref'd: an idle queue alone never keeps a process alive; a waiting CLI's poll does.
    timer = setTimeout(pump, delay)
    timer.unref()
  }

  function run(job: Job): void {
    const controller = new AbortController()
    const done = runJob(scope, job, controller.signal)
      .catch((error: unknown) =>
        log?.(`folio: job ${job.id} could not be recorded: ${String(error)}`)
      )
      .finally(() => {
        running.delete(job.id)
        if (db.open) {
          scope.publish(job.id)
          pump()
        }
      })
    running.set(job.id, { controller, done })
  }

  /** The next due job, claimed; null when there is none or the library cannot be written. */
  function claimNext(): Job | null {
    try {
      return claimNextJob(db, process.pid, claim())
    } catch (error) {
      const failure = storageFailure(error, scope.dir)
      if (!failure) throw error
      scope.halt(failure, null)
      return null
    }
  }

  function pump(): void {
    if (scope.stopping()) return
    while (running.size < concurrency && Date.now() >= scope.pausedUntil()) {
      const job = claimNext()
      if (!job) break
      scope.publish(job.id)
      run(job)
    }
    schedule()
  }

  return {
    pump,
    async abort(ids) {
      if (!ids && timer) clearTimeout(timer)
      const chosen = [...running.entries()].filter(([id]) => !ids || ids.includes(id))
      for (const [, { controller }] of chosen) controller.abort()
      await Promise.allSettled(chosen.map(([, entry]) => entry.done))
    },
    isRunning: (id) => running.has(id),
    runningIds: () => [...running.keys()]
  }
}

/**
 * Every `leaseRenewalMs` while started: renews the leases of the jobs this process runs, and
 * gives back to the queue those whose runner is gone (a process that died while others wait).
 */
function keepLeases(db: Database, loop: Loop, log?: (message: string) => void): () => void {
  const check = { isAlive: isProcessAlive, runsHere: loop.isRunning }
  const timer = setInterval(() => {
    try {
      renewLeases(db, loop.runningIds())
      const resumed = requeueOrphanedJobs(db, check)
      if (resumed > 0) {
        log?.(`folio: resuming ${resumed} job${resumed === 1 ? '' : 's'} whose process is gone`)
        loop.pump()
      }
    } catch {
      // A library that cannot be written now (a full disk) is met again by the next claim.
    }
  }, leaseRenewalMs)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * A queue that cannot write to its library (a full disk) pauses instead of re-claiming the same
 * job over and over, and remembers the failures it could not write down, so that a waiting
 * command still hears of them.
 */
function createHalt(library: Library, log?: (message: string) => void) {
  let halt: { error: FolioError; until: number } | null = null
  /** Jobs whose failure could not be written (a full disk): their row still says `running`. */
  const unrecorded = new Map<number, JobInfo>()
  return {
    pausedUntil: (): number => halt?.until ?? 0,
    halt(error: FolioError, job: Job | null): void {
      if (!halt) log?.(`folio: ${error.message}`)
      halt = { error, until: Date.now() + haltMs }
      if (!job) return
      const info: JobInfo = {
        ...jobInfo(job),
        status: 'failed',
        stage: null,
        error: error.toInfo()
      }
      unrecorded.set(job.id, info)
      library.emit({ type: 'job.progress', job: info })
    },
    /** What the queue knows of a job beyond its row: a failure it could not write down. */
    knownOutcome(job: JobInfo, mine: boolean): JobInfo | null {
      const failed = unrecorded.get(job.id)
      if (failed) return failed
      if (!halt || !mine || job.status !== 'queued') return null
      return { ...job, status: 'failed', stage: null, error: halt.error.toInfo() }
    }
  }
}

/**
 * The persisted job queue (DESIGN.md §2, STYLE.md rule 7): jobs of every registered kind live in
 * the `jobs` table, so a batch of thousands costs memory only for the few in flight, and a crash
 * loses nothing.
 */
export function createJobQueue(library: Library, options: JobQueueOptions = {}): JobQueue {
  const { db } = library
  const kinds = new Map<JobKind, RegisteredKind>()
  let started = false
  let only: readonly number[] | null = null
  let stopLeases = (): void => undefined
  const halting = createHalt(library, options.log)
  const publish = (id: number): void => {
    const job = getJob(db, id)
    if (job) library.emit({ type: 'job.progress', job: jobInfo(job) })
  }
  const scope: RunScope = {
    db,
    kinds,
    maxAttempts: options.maxAttempts ?? 4,
    retryBaseMs: options.retryBaseMs ?? 2000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? Number.POSITIVE_INFINITY,
    dir: library.dir,
    stopping: () => !started,
    publish,
    pausedUntil: halting.pausedUntil,
    halt: halting.halt
  }
  /** What this queue knows of a job beyond its row: a failure it could not write down. */
  const knownOutcome = (job: JobInfo): JobInfo | null => {
    const mine = started && (only === null || only.includes(job.id))
    return halting.knownOutcome(job, mine)
  }
  const claim = (): ClaimScope => ({ kinds: [...kinds.keys()], only })
  const loop = createLoop(scope, claim, options.concurrency ?? 4, options.log)

  return {
    register: (kind) => void kinds.set(kind.kind, kind),
    get started() {
      return started
    },
    start(startOptions = {}) {
      if (started) return
      started = true
      only = startOptions.only ?? null
      const resumed = requeueOrphanedJobs(db, { isAlive: isProcessAlive, runsHere: loop.isRunning })
      stopLeases = keepLeases(db, loop, options.log)
      if (resumed > 0)
        options.log?.(`folio: resuming ${resumed} job${resumed === 1 ? '' : 's'} left unfinished`)
      loop.pump()
    },
    async stop() {
      started = false
      stopLeases()
      await loop.abort()
    },
    enqueue(newJob) {
      const job = insertJob(db, newJob)
      library.emit({ type: 'job.progress', job: jobInfo(job) })
      if (started) queueMicrotask(loop.pump)
      return jobInfo(job)
    },
    cancel(ids) {
      const cancelled = cancelQueuedJobs(db, ids)
      cancelled.forEach(publish)
      const runningIds = ids.filter(loop.isRunning)
      void loop.abort(runningIds)
      return [...cancelled, ...runningIds]
    },
    retry(ids) {
      const requeued = requeueJobs(db, ids)
      requeued.forEach(publish)
      if (started) loop.pump()
      return requeued
    },
    waitFor: (ids, waitOptions) =>
      waitForJobs(library, ids, { ...waitOptions, known: knownOutcome })
  }
}
