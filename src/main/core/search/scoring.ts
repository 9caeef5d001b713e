import type { Database } from 'better-sqlite3'
import { columnWeights, ftsTable } from './fts'
import type { TokenPattern } from './match'

/**
 * bm25 scores for a bounded set of candidates, without paying for very common words.
 *
 * FTS5's bm25 computes each phrase's IDF by scanning that phrase's whole doclist once per query:
 * for `the` at 100k articles that alone took 11–38 ms, even when only 200 rows were scored. A word
 * in more than `commonDocuments` articles has an IDF near zero, so it barely moves the ranking:
 * the score uses only the rarer words of the query (as an OR, over the candidates' rowid range),
 * and when every word is common the candidates keep their newest-first order.
 */
export interface Candidate {
  id: number
  score: number
}

// 2000 articles: 2% of a 100k library (IDF ≈ 3.9 → the word contributes little); counting that
// far reads about 2000 doclist entries (< 1 ms).
const commonDocuments = 2000
const cacheLimit = 10_000

// Document counts change slowly and only steer the ranking, so a per-connection cache is fine.
const documentCounts = new WeakMap<Database, Map<string, number>>()

/** Articles containing `token`, counted up to commonDocuments + 1. */
function documentCount(db: Database, token: string): number {
  let cache = documentCounts.get(db)
  if (!cache) documentCounts.set(db, (cache = new Map()))
  const cached = cache.get(token)
  if (cached !== undefined) return cached
  const count = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${ftsTable} WHERE ${ftsTable} MATCH ? LIMIT ?)`)
    .pluck()
    .get(`"${token}"`, commonDocuments + 1) as number
  if (cache.size >= cacheLimit) cache.clear()
  cache.set(token, count)
  return count
}

/** The rarer tokens of the query's patterns as an OR expression, or null when all are common. */
export function scoringExpression(db: Database, patterns: TokenPattern[]): string | null {
  const tokens = new Set<string>()
  for (const pattern of patterns) {
    // Prefix and single-character patterns are not one term of the index: leave them out.
    if (pattern.prefix || pattern.character) continue
    for (const token of pattern.tokens) tokens.add(token)
  }
  const rare = [...tokens].filter((token) => documentCount(db, token) <= commonDocuments)
  return rare.length === 0 ? null : rare.map((token) => `"${token}"`).join(' OR ')
}

/**
 * Scores `newest` (ids, newest first) by bm25 over the rarer words. FTS5 seeks its doclists to
 * the rowid range, so this reads only the candidates' rows.
 */
export function scoreCandidates(
  db: Database,
  newest: number[],
  patterns: TokenPattern[]
): Candidate[] {
  if (newest.length === 0) return []
  const expression = scoringExpression(db, patterns)
  // All words common: newest first, as the scores of the tier.
  if (expression === null) return newest.map((id, index) => ({ id, score: -index / newest.length }))
  const weights = columnWeights.join(', ')
  const scores = new Map(
    (
      db
        .prepare(
          `SELECT rowid AS id, -bm25(${ftsTable}, ${weights}) AS score FROM ${ftsTable}
           WHERE ${ftsTable} MATCH ? AND rowid BETWEEN ? AND ?`
        )
        .all(expression, newest[newest.length - 1], newest[0]) as Candidate[]
    ).map((row) => [row.id, row.score])
  )
  return newest.map((id) => ({ id, score: scores.get(id) ?? 0 }))
}
