import type { ParsedInput } from '../../../shared/contract'
import type { JobInfo } from '../../../shared/types'
import type { EngineContext } from '../context'
import { jobInfo, listJobs } from './queries'

/** The jobs domain (DESIGN.md §2): every long task, of every kind. */

export function list({ db }: EngineContext, input: ParsedInput<'jobs.list'>): JobInfo[] {
  return listJobs(db, input).map(jobInfo)
}

export function cancel({ jobs }: EngineContext, input: ParsedInput<'jobs.cancel'>) {
  return { cancelled: jobs.cancel(input.ids) }
}

export function retry({ jobs }: EngineContext, input: ParsedInput<'jobs.retry'>) {
  return { retried: jobs.retry(input.ids) }
}
