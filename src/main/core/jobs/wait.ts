import type { JobInfo } from '../../../shared/types'
import type { Library } from '../library'
import { jobInfos } from './queries'

const terminal = new Set(['done', 'failed', 'cancelled'])

/**
 * How often a waiter reads the table. Another Folio process (the app, `folio serve`, a second
 * CLI) may run the jobs, and its events never reach this one; 250 ms is one indexed read per
 * wait, and a person sees no lag.
 */
export const defaultWaitPollMs = 250

export interface WaitOptions {
  /** Called with a job each time its status, stage or attempts change (progress, retries). */
  onUpdate?(job: JobInfo): void
  pollMs?: number
  /** What the waiting process knows of a job beyond its row (a failure it could not store). */
  known?(job: JobInfo): JobInfo | null
}

/** What a job's row says that a waiter reports on: a change of it is worth telling. */
function stateOf(job: JobInfo): string {
  return `${job.status} ${job.stage ?? ''} ${job.attempts}`
}

/**
 * Resolves with the jobs once each is done, failed or cancelled, whichever process ran them:
 * this process's events say when to look at once, and the table is read every `pollMs` for
 * what other processes did. The poll's timer is not unref'd: it keeps a waiting CLI alive while
 * its jobs wait for a retry, which no other handle would.
 */
export function waitForJobs(
  library: Library,
  ids: number[],
  options: WaitOptions = {}
): Promise<JobInfo[]> {
  const { db } = library
  const seen = new Map<number, string>()
  const ended = new Map<number, JobInfo>()
  const watched = new Set(ids)
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | null = null
    let stopListening = (): void => undefined
    const finish = (): void => {
      if (timer) clearInterval(timer)
      timer = null
      stopListening()
      resolve(ids.flatMap((id) => ended.get(id) ?? []))
    }
    const check = (): void => {
      if (!db.open) return finish()
      const unfinished = ids.filter((id) => !ended.has(id))
      const jobs = jobInfos(db, unfinished).map((row) => options.known?.(row) ?? row)
      for (const job of jobs) {
        if (terminal.has(job.status)) ended.set(job.id, job)
        const state = stateOf(job)
        if (seen.get(job.id) === state) continue
        seen.set(job.id, state)
        options.onUpdate?.(job)
      }
      // A job deleted meanwhile is not waited for (it can never end).
      const present = new Set(jobs.map((job) => job.id))
      for (const id of unfinished) if (!present.has(id)) watched.delete(id)
      if ([...watched].every((id) => ended.has(id))) finish()
    }
    stopListening = library.onEvent((event) => {
      if (event.type === 'job.progress' && watched.has(event.job.id)) check()
    })
    timer = setInterval(check, options.pollMs ?? defaultWaitPollMs)
    check()
  })
}
