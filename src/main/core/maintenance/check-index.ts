import type { Database } from 'better-sqlite3'
import type { CheckProblem } from '../../../shared/types'
import { everyArticleTables, indexTables } from '../search/fts'
import { isIndexCurrent } from '../search/rebuild'

/** What the two search tables lack or hold beyond the articles. */
export interface IndexDifference {
  /** Articles missing from either table. */
  missing: number[]
  /** Index rows of articles that are gone. */
  stale: number[]
  /** The index was built by another tokenizer version, or a rebuild never finished. */
  outdated: boolean
}

/**
 * Compares the ids of the FTS tables (their `_docsize` shadow tables hold one row per indexed
 * article; the notes table only for annotated ones) with the articles: two passes over integer keys, ~20 ms at 100k articles.
 */
export function indexDifference(db: Database): IndexDifference {
  const missing = new Set<number>()
  const stale = new Set<number>()
  for (const table of everyArticleTables) {
    const docs = `${table}_docsize`
    for (const id of db
      .prepare(`SELECT id FROM articles WHERE id NOT IN (SELECT id FROM ${docs})`)
      .pluck()
      .all() as number[])
      missing.add(id)
  }
  for (const table of indexTables) {
    const docs = `${table}_docsize`
    for (const id of db
      .prepare(`SELECT id FROM ${docs} WHERE id NOT IN (SELECT id FROM articles)`)
      .pluck()
      .all() as number[])
      stale.add(id)
  }
  const ascending = (ids: Set<number>): number[] => [...ids].sort((left, right) => left - right)
  return { missing: ascending(missing), stale: ascending(stale), outdated: !isIndexCurrent(db) }
}

export function listed(ids: readonly (number | string)[]): string {
  const shown = ids.slice(0, 10).join(', ')
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown
}

export function indexProblems(difference: IndexDifference): CheckProblem[] {
  const problems: CheckProblem[] = []
  const { missing, stale, outdated } = difference
  if (outdated) {
    problems.push({
      area: 'index',
      message: 'The search index was built by another version of Folio and needs rebuilding.',
      repairable: true
    })
  }
  if (missing.length > 0) {
    const count = missing.length === 1 ? '1 article is' : `${missing.length} articles are`
    problems.push({
      area: 'index',
      message: `${count} missing from the search index (${listed(missing)}), so search cannot find them.`,
      repairable: true
    })
  }
  if (stale.length > 0) {
    const count = stale.length === 1 ? '1 entry' : `${stale.length} entries`
    problems.push({
      area: 'index',
      message: `The search index holds ${count} for articles that are gone (${listed(stale)}).`,
      repairable: true
    })
  }
  return problems
}
