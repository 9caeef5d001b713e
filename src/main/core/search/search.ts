import type { Database } from 'better-sqlite3'
import { isEmptyQuery, parseQuery } from '../../../shared/query'
import type { ParsedQuery } from '../../../shared/query'
import type { SearchHit as SharedSearchHit, SearchPage } from '../../../shared/types'
import { filterConditions, joinConditions } from './filters'
import type { SqlCondition } from './filters'
import { ftsTable, metadataColumnWeights, metadataTable } from './fts'
import { buildMatch, withoutExcluded } from './match'
import { notesTable, notesText } from './notes-index'
import { searchNotes } from './notes-search'
import type { MatchExpressions } from './match'
import type { QuickIndex } from './quick-index'
import { scoreCandidates } from './scoring'
import type { Candidate } from './scoring'
import { makeSnippet } from './snippet'

export interface SearchOptions {
  limit?: number
  offset?: number
  /** `relevance`: metadata hits first, then body hits by bm25, then newest. `date`: newest saved. */
  sort?: 'relevance' | 'date'
  /**
   * Search-as-you-type: quick-index hits (title, byline, site, tags, with the last word as
   * a prefix) come first, then the full-text hits of the words as typed. The body is not searched
   * by prefix: a two-letter prefix over every body expands to thousands of terms (p99 110 ms at
   * 10k articles).
   */
  asYouType?: boolean
}

/** The contract's shapes (src/shared/types.ts): what every door returns for a search. */
export type SearchHit = SharedSearchHit
export type SearchResult = SearchPage

/**
 * Counting stops at 1000, and bm25 ranks only the newest 200 matches per tier: a very common word
 * matches tens of thousands of articles at 100k, and scoring all of them took 90–180 ms at p99
 * (22 ms for `the` at 10k), while 200 candidates cost 1–4 ms (35 ms for the phrase "of the").
 */
export const totalCap = 1000
const candidateCap = 200
const metadataBonus = 1000

/**
 * The ids of the newest matches in one index table, newest first, at most `count`. One pass
 * serves both the total (up to 1001) and the candidates: for a phrase of common words with few
 * matches FTS5 reads the whole doclists, and doing that twice (count, then candidates) was the p99
 * (80–140 ms at 100k).
 */
function newestMatchIds(
  db: Database,
  table: string,
  expression: string,
  filters: SqlCondition,
  count: number
): number[] {
  return db
    .prepare(
      `SELECT ${table}.rowid FROM ${table} JOIN articles a ON a.id = ${table}.rowid
       WHERE ${table} MATCH ? AND ${filters.sql}
       ORDER BY ${table}.rowid DESC LIMIT ?`
    )
    .pluck()
    .all(expression, ...filters.params, count) as number[]
}

// Queries of more parts than this do not look for tag words among them: 2^n splits.
const mixedPartsLimit = 4

/**
 * Articles whose tags hold some of the query's parts and whose full row holds the rest
 * (`research transformer` with `research` a tag): the body's row leaves the tags out, so neither
 * row alone matches. Only parts that are words of some tag are tried on the tags (one cheap
 * lookup each), so a query without tag words costs nothing more.
 */
function mixedMatchIds(
  db: Database,
  match: MatchExpressions,
  filters: SqlCondition,
  count: number
): number[] {
  const { parts } = match
  if (parts.length < 2 || parts.length > mixedPartsLimit) return []
  const inTags = (expression: string): string => `{tags} : (${expression})`
  // Column-filtered parts (single CJK characters) cannot be filtered again.
  const onSomeTag = db.prepare(
    `SELECT 1 FROM ${metadataTable} WHERE ${metadataTable} MATCH ? LIMIT 1`
  )
  const tagParts = parts.filter(
    (part) => !part.includes('{') && onSomeTag.get(inTags(part)) !== undefined
  )
  const ids = new Set<number>()
  // Every non-empty set of tag parts, with at least one part left for the full row.
  for (let mask = 1; mask < 1 << tagParts.length; mask++) {
    const chosen = tagParts.filter((_, index) => mask & (1 << index))
    const rest = parts.filter((part) => !chosen.includes(part))
    if (rest.length === 0) continue
    const rows = db
      .prepare(
        `SELECT ${ftsTable}.rowid FROM ${ftsTable} JOIN articles a ON a.id = ${ftsTable}.rowid
         WHERE ${ftsTable} MATCH ? AND ${filters.sql}
           AND a.id IN (SELECT rowid FROM ${metadataTable} WHERE ${metadataTable} MATCH ?)
         ORDER BY ${ftsTable}.rowid DESC LIMIT ?`
      )
      .pluck()
      .all(andParts(rest, match.negative), ...filters.params, inTags(chosen.join(' AND ')), count)
    for (const id of rows as number[]) ids.add(id)
  }
  return [...ids]
}

function andParts(parts: string[], negative: string | null): string {
  return withoutExcluded(parts.join(' AND '), negative)
}

/**
 * An article matches through its full row (title, byline, site, body), its small row (title,
 * byline, site, tags; see metadataTable), or tags and full row together (mixedMatchIds): the ids
 * of all, newest first, up to totalCap + 1.
 */
function allMatchIds(
  db: Database,
  expression: string,
  mixedIds: number[],
  filters: SqlCondition,
  count: number
): number[] {
  const ids = new Set([
    ...newestMatchIds(db, ftsTable, expression, filters, count),
    ...newestMatchIds(db, metadataTable, expression, filters, count),
    ...newestMatchIds(db, notesTable, expression, filters, count),
    ...mixedIds
  ])
  return [...ids].sort((left, right) => right - left).slice(0, count)
}

/** The same over the small fields only (search_meta), with bm25. */
function metadataCandidates(
  db: Database,
  positive: string,
  filters: SqlCondition,
  count: number
): Candidate[] {
  const weights = metadataColumnWeights.join(', ')
  return db
    .prepare(
      `SELECT ${metadataTable}.rowid AS id, -bm25(${metadataTable}, ${weights}) AS score
       FROM ${metadataTable} JOIN articles a ON a.id = ${metadataTable}.rowid
       WHERE ${metadataTable} MATCH ? AND ${filters.sql}
       ORDER BY ${metadataTable}.rowid DESC LIMIT ?`
    )
    .all(positive, ...filters.params, count) as Candidate[]
}

/**
 * Matches newest saved first. No bm25 here: SQLite computes result columns before sorting, so a
 * score would be paid for every match of a common word, not for the page.
 */
function newestMatches(
  db: Database,
  expression: string,
  mixedIds: number[],
  filters: SqlCondition,
  count: number
): Candidate[] {
  return db
    .prepare(
      `SELECT a.id, 0 AS score FROM articles a
       WHERE (a.id IN (SELECT rowid FROM ${ftsTable} WHERE ${ftsTable} MATCH ?)
         OR a.id IN (SELECT rowid FROM ${metadataTable} WHERE ${metadataTable} MATCH ?)
         OR a.id IN (SELECT rowid FROM ${notesTable} WHERE ${notesTable} MATCH ?)
         OR a.id IN (SELECT value FROM json_each(?)))
         AND ${filters.sql}
       ORDER BY a.saved_at DESC, a.id DESC LIMIT ?`
    )
    .all(
      expression,
      expression,
      expression,
      JSON.stringify(mixedIds),
      ...filters.params,
      count
    ) as Candidate[]
}

/**
 * Leaves out the articles whose full or small row holds an excluded word: as a filter, so every
 * kind of query (words, filters only, quick hits) excludes alike.
 */
function exclusion(negative: string | null): SqlCondition[] {
  if (negative === null) return []
  return [
    {
      sql: `a.id NOT IN (SELECT rowid FROM ${ftsTable} WHERE ${ftsTable} MATCH ?)
        AND a.id NOT IN (SELECT rowid FROM ${metadataTable} WHERE ${metadataTable} MATCH ?)
        AND a.id NOT IN (SELECT rowid FROM ${notesTable} WHERE ${notesTable} MATCH ?)`,
      params: [negative, negative, negative]
    }
  ]
}

function byScore(left: Candidate, right: Candidate): number {
  // Ties (and equal bm25) fall back to the newer article: ids grow with saving.
  return right.score - left.score || right.id - left.id
}

interface Ranking {
  candidates: Candidate[]
  /** Matches of the whole query, counted up to totalCap + 1. */
  total: number
}

/** Metadata hits first (bm25), then the body hits (bm25), each over bounded candidates. */
function rankedCandidates(
  db: Database,
  match: MatchExpressions,
  positive: string,
  filters: SqlCondition,
  quickIds: number[],
  wanted: number
): Ranking {
  const quick = new Set(quickIds)
  // Deep pages need more candidates than the usual first page.
  const count = Math.max(candidateCap, wanted)
  const metadata = metadataCandidates(db, positive, filters, count)
  for (const candidate of metadata) quick.delete(candidate.id)
  const metadataIds = new Set(metadata.map((candidate) => candidate.id))
  const expression = withoutExcluded(positive, match.negative)
  const fullRow = newestMatchIds(db, ftsTable, expression, filters, Math.max(totalCap + 1, count))
  const mixed = mixedMatchIds(db, match, filters, Math.max(totalCap + 1, count))
  // Words in a highlight's note or the article's note (search_notes) find the article too.
  const notes = newestMatchIds(db, notesTable, expression, filters, Math.max(totalCap + 1, count))
  const extra = [...mixed, ...notes]
  const ids =
    extra.length === 0 ? fullRow : [...new Set([...fullRow, ...extra])].sort((l, r) => r - l)
  const newest = ids.slice(0, count)
  const body = scoreCandidates(db, newest, match.patterns).filter(
    (candidate) => !metadataIds.has(candidate.id) && !quick.has(candidate.id)
  )
  const candidates = [
    ...[...quick].map((id) => ({ id, score: metadataBonus * 2 })),
    ...metadata
      .map((candidate) => ({ ...candidate, score: candidate.score + metadataBonus }))
      .sort(byScore),
    ...body.sort(byScore)
  ]
  // Matches through the small row only (tags) count too; asked again only when there are more
  // of them than the candidates hold.
  const metadataMatches =
    metadata.length < count
      ? metadataIds
      : newestMatchIds(db, metadataTable, expression, filters, totalCap + 1)
  const total = new Set([...ids, ...metadataMatches]).size
  return { candidates, total: Math.max(total, candidates.length) }
}

/** Articles matching only filters and exclusions (no words): newest first. */
function filteredOnly(db: Database, filters: SqlCondition): Ranking {
  const candidates = db
    .prepare(
      `SELECT a.id, 0 AS score FROM articles a WHERE ${filters.sql}
       ORDER BY a.saved_at DESC, a.id DESC LIMIT ?`
    )
    .all(...filters.params, totalCap + 1) as Candidate[]
  return { candidates, total: candidates.length }
}

/** Relevance (metadata tier, then body by bm25) or date order for a query with words. */
function matchingWords(
  db: Database,
  quickIndex: QuickIndex | null,
  query: ParsedQuery,
  match: MatchExpressions,
  positive: string,
  filters: SqlCondition,
  { limit = 20, offset = 0, sort = 'relevance', asYouType = false }: SearchOptions
): Ranking {
  if (sort === 'date') {
    const expression = withoutExcluded(positive, match.negative)
    const mixed = mixedMatchIds(db, match, filters, totalCap + 1)
    const candidates = newestMatches(db, expression, mixed, filters, offset + limit)
    const counted = allMatchIds(db, expression, mixed, filters, totalCap + 1).length
    return { candidates, total: Math.max(counted, candidates.length) }
  }
  const quickIds = asYouType && quickIndex ? verifiedQuickIds(db, quickIndex, query, filters) : []
  return rankedCandidates(db, match, positive, filters, quickIds, offset + limit)
}

export function searchArticles(
  db: Database,
  quickIndex: QuickIndex | null,
  text: string,
  options: SearchOptions = {}
): SearchResult {
  const { limit = 20, offset = 0 } = options
  const query = parseQuery(text)
  if (isEmptyQuery(query))
    return { items: [], total: 0, totalIsLowerBound: false, ignored: query.ignored }
  const match = buildMatch(query)
  const conditions = filterConditions(query.filters)
  // Words of punctuation only (`!!!`) have no tokens: without filters, list nothing, not everything.
  if (match.positive === null && match.negative === null && conditions.length === 0) {
    return {
      items: [],
      total: 0,
      totalIsLowerBound: false,
      ignored: [...query.ignored, text.trim()]
    }
  }
  const filters = joinConditions([...conditions, ...exclusion(match.negative)])
  const inHighlights = query.filters.inHighlights && match.positive !== null
  const { candidates, total } =
    match.positive === null
      ? filteredOnly(db, filters)
      : inHighlights
        ? searchNotes(db, match.positive, filters, options.sort ?? 'relevance', totalCap + 1)
        : matchingWords(db, quickIndex, query, match, match.positive, filters, options)
  const page = candidates.slice(offset, offset + limit)
  return {
    items: hydrate(db, page, match, inHighlights),
    total: Math.min(total, totalCap),
    totalIsLowerBound: total > totalCap,
    ignored: query.ignored
  }
}

/** Quick-index title prefix hits that also pass the filters and exclusions, in its order. */
function verifiedQuickIds(
  db: Database,
  quickIndex: QuickIndex,
  query: ParsedQuery,
  filters: SqlCondition
): number[] {
  if (query.phrases.length + query.orGroups.length > 0) return []
  const ids = quickIndex.search(query.terms.join(' '), 20)
  if (ids.length === 0) return []
  const passing = new Set(
    (
      db
        .prepare(
          `SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))
           AND ${filters.sql}`
        )
        .all(JSON.stringify(ids), ...filters.params) as { id: number }[]
    ).map((row) => row.id)
  )
  return ids.filter((id) => passing.has(id))
}

interface HitRow {
  id: number
  title: string
  url: string
  site: string | null
  savedAt: number
  publishedAt: number | null
  tags: string
  text: string | null
}

/** The hits of a page; `fromNotes` cuts snippets from the highlights and notes, not the body. */
function hydrate(
  db: Database,
  page: Candidate[],
  match: MatchExpressions,
  fromNotes = false
): SearchHit[] {
  if (page.length === 0) return []
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.url, a.site, a.saved_at AS savedAt, a.published_at AS publishedAt,
         (SELECT json_group_array(t.name) FROM article_tags at JOIN tags t ON t.id = at.tag_id
           WHERE at.article_id = a.id) AS tags,
         c.text
       FROM articles a LEFT JOIN article_contents c ON c.article_id = a.id
       WHERE a.id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(page.map((candidate) => candidate.id))) as HitRow[]
  const byId = new Map(rows.map((row) => [row.id, row]))
  return page.flatMap((candidate) => {
    const row = byId.get(candidate.id)
    if (!row) return []
    const snippet = makeSnippet(fromNotes ? notesText(db, row.id) : row.text, match.patterns)
    return [
      {
        id: row.id,
        title: row.title,
        url: row.url,
        site: row.site,
        savedAt: row.savedAt,
        publishedAt: row.publishedAt,
        tags: (JSON.parse(row.tags) as string[]).sort(),
        snippet: snippet.text,
        highlights: snippet.highlights,
        score: candidate.score
      }
    ]
  })
}
