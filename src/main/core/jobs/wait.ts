import type { JobInfo } from '../../../shared/types'
import type { Library } from '../library'
import { getJob, jobInfo } from './queries'
import type { Job } from './queries'

const terminal = new Set(['done', 'failed', 'cancelled'])

/**
 * Resolves with the jobs once each is done, failed or cancelled, whichever process ran them:
 * the events of this process tell when to look, the table tells the outcome.
 */
export function waitForJobs(library: Library, ids: number[]): Promise<JobInfo[]> {
  const { db } = library
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
