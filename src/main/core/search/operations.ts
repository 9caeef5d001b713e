import type { ParsedInput } from '../../../shared/contract'
import type { SearchPage } from '../../../shared/types'
import type { EngineContext } from '../context'

/** The search domain (DESIGN.md §4). */

export function query({ search }: EngineContext, input: ParsedInput<'search.query'>): SearchPage {
  return search.query(input.query, input)
}

export function reindex({ search, db }: EngineContext): { jobId: number; articles: number } {
  const job = search.reindex()
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
  return { jobId: job.id, articles }
}
