import type { Database } from 'better-sqlite3'
import type { ExportSelection } from '../../../../shared/types'
import type { ArticleRow } from '../../articles/queries'
import { articleSummaryFromRow, tagsOfArticles } from '../../articles/queries'
import type { SearchService } from '../../search/service'
import { normalizeTagName } from '../../tags/queries'
import { totalCap } from '../../search/search'

/**
 * One article as every export format sees it. Highlights and notes join here when they arrive
 * (migration 0006): `readRecords` loads a page's highlights in one more query, and each format
 * writes them after the article's own fields.
 */
export interface ExportRecord {
  id: number
  url: string
  canonicalUrl: string | null
  title: string
  byline: string | null
  site: string | null
  siteName: string | null
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  publishedAt: number | null
  savedAt: number
  updatedAt: number
  readAt: number | null
  state: 'unread' | 'read' | 'archived'
  favorite: boolean
  wordCount: number
  readingMinutes: number
  readingProgress: number
  captureStatus: 'pending' | 'ready' | 'failed'
  tags: string[]
}

// 500 articles a page: their metadata is ~0.5 MB, so a 100k-article export holds one page at a time.
export const exportPageSize = 500

/** The articles of one export, kept as ids in a temporary table of this connection. */
export interface Selection {
  readonly table: string
  readonly count: number
  drop(): void
}

/**
 * Puts the ids an export covers into `temp.<name>`: the ones named that exist, a tag and
 * everything beneath it, a search's matches (up to its 1,000-match cap), or every article.
 */
export function selectArticles(
  db: Database,
  name: string,
  selection: ExportSelection,
  search: SearchService
): Selection {
  const table = `temp.${name}`
  db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`)
  const insert = `INSERT OR IGNORE INTO ${table} (id)`
  if (selection.ids) {
    db.prepare(
      `${insert} SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))`
    ).run(JSON.stringify(selection.ids))
  } else if (selection.tag !== undefined) {
    db.prepare(
      `${insert} SELECT article_id FROM article_nodes
       WHERE node_id = (SELECT id FROM tag_nodes WHERE name = ?)`
    ).run(normalizeTagName(selection.tag))
  } else if (selection.search !== undefined) {
    const page = search.query(selection.search, { limit: totalCap, sort: 'date' })
    db.prepare(`${insert} SELECT value FROM json_each(?)`).run(
      JSON.stringify(page.items.map((hit) => hit.id))
    )
  } else {
    db.exec(`${insert} SELECT id FROM articles`)
  }
  const count = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  return { table, count, drop: () => db.exec(`DROP TABLE IF EXISTS ${table}`) }
}

function recordFromRow(row: ArticleRow, tags: string[]): ExportRecord {
  const summary = articleSummaryFromRow(row, tags)
  return {
    id: summary.id,
    url: summary.url,
    canonicalUrl: row.canonical_url,
    title: summary.title,
    byline: summary.byline,
    site: summary.site,
    siteName: summary.siteName,
    lang: summary.lang,
    dir: row.dir,
    excerpt: summary.excerpt,
    publishedAt: summary.publishedAt,
    savedAt: summary.savedAt,
    updatedAt: row.updated_at,
    readAt: row.read_at,
    state: summary.state,
    favorite: summary.favorite,
    wordCount: summary.wordCount,
    readingMinutes: summary.readingMinutes,
    readingProgress: summary.readingProgress,
    captureStatus: summary.captureStatus,
    tags
  }
}

/** The selected articles after `afterId`, a page at a time, in id order, with their tags. */
export function readRecords(
  db: Database,
  selection: Selection,
  afterId: number,
  filter: { sql: string; params: unknown[] } = { sql: '1', params: [] }
): ExportRecord[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM ${selection.table} s JOIN articles a ON a.id = s.id
       WHERE s.id > ? AND ${filter.sql} ORDER BY s.id LIMIT ?`
    )
    .all(afterId, ...filter.params, exportPageSize) as ArticleRow[]
  const tags = tagsOfArticles(
    db,
    rows.map((row) => row.id)
  )
  return rows.map((row) => recordFromRow(row, tags.get(row.id) ?? []))
}

/** Every page of the selection (or of the part `filter` keeps), in id order. */
export function* recordPages(
  db: Database,
  selection: Selection,
  filter?: { sql: string; params: unknown[] }
): Generator<ExportRecord[]> {
  let afterId = 0
  for (;;) {
    const page = readRecords(db, selection, afterId, filter)
    if (page.length === 0) return
    yield page
    afterId = page[page.length - 1].id
  }
}
