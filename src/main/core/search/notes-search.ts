import type { Database } from 'better-sqlite3'
import type { SqlCondition } from './filters'
import { notesColumnWeights, notesTable } from './notes-index'
import type { Candidate } from './scoring'

/**
 * `in:highlights`: the words in the quotes of an article's highlights or in its notes only
 * (search_notes, migration 0006). That table holds only articles with highlights or a note, so
 * scoring every match by bm25 stays cheap; at most `count` are returned, best (or newest) first.
 */
export function searchNotes(
  db: Database,
  expression: string,
  filters: SqlCondition,
  sort: 'relevance' | 'date',
  count: number
): { candidates: Candidate[]; total: number } {
  const weights = notesColumnWeights.join(', ')
  const order = sort === 'date' ? 'a.saved_at DESC, a.id DESC' : 'score DESC, a.id DESC'
  const candidates = db
    .prepare(
      `SELECT ${notesTable}.rowid AS id, -bm25(${notesTable}, ${weights}) AS score
       FROM ${notesTable} JOIN articles a ON a.id = ${notesTable}.rowid
       WHERE ${notesTable} MATCH ? AND ${filters.sql}
       ORDER BY ${order} LIMIT ?`
    )
    .all(expression, ...filters.params, count) as Candidate[]
  return { candidates, total: candidates.length }
}
