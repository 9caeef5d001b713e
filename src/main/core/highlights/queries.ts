import type { Database } from 'better-sqlite3'
import type {
  Highlight,
  HighlightColor,
  HighlightPage,
  HighlightStatus,
  HighlightUndo
} from '../../../shared/types'
import { likeLiteral } from '../search/filters'
import { normalizeTagName } from '../tags/queries'
import type { Selector } from './anchor'

/** The row of `highlights` as SQLite returns it (migration 0006). */
interface HighlightRow {
  id: number
  article_id: number
  color: HighlightColor
  note: string | null
  quote: string
  prefix: string
  suffix: string
  start_offset: number | null
  end_offset: number | null
  status: HighlightStatus
  created_at: number
  updated_at: number
}

interface ListedRow extends HighlightRow {
  title: string
  url: string
  site: string | null
  byline: string | null
  published_at: number | null
  saved_at: number
  article_note: string | null
}

function highlightFromRow(row: HighlightRow): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    color: row.color,
    note: row.note,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start_offset,
    end: row.end_offset,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

/** The plain text of an article: undefined when there is no such article, null before capture. */
export function articleText(db: Database, articleId: number): string | null | undefined {
  const row = db
    .prepare(
      `SELECT c.text FROM articles a LEFT JOIN article_contents c ON c.article_id = a.id
       WHERE a.id = ?`
    )
    .get(articleId) as { text: string | null } | undefined
  return row === undefined ? undefined : row.text
}

export interface NewHighlight {
  articleId: number
  color: HighlightColor
  note: string | null
  selector: Selector
  status: HighlightStatus
}

export function insertHighlight(db: Database, input: NewHighlight, now = Date.now()): Highlight {
  const row = db
    .prepare(
      `INSERT INTO highlights (article_id, color, note, quote, prefix, suffix, start_offset,
         end_offset, status, created_at, updated_at)
       VALUES (@articleId, @color, @note, @quote, @prefix, @suffix, @start, @end, @status, @now, @now)
       RETURNING *`
    )
    .get({
      articleId: input.articleId,
      color: input.color,
      note: input.note,
      ...input.selector,
      status: input.status,
      now
    }) as HighlightRow
  return highlightFromRow(row)
}

export function getHighlight(db: Database, id: number): Highlight | null {
  const row = db.prepare('SELECT * FROM highlights WHERE id = ?').get(id) as
    HighlightRow | undefined
  return row ? highlightFromRow(row) : null
}

/** An article's highlights in reading order; the orphaned ones last, oldest first. */
export function highlightsOfArticle(db: Database, articleId: number): Highlight[] {
  const rows = db
    .prepare(
      `SELECT * FROM highlights WHERE article_id = ?
       ORDER BY status = 'orphaned', start_offset, end_offset, id`
    )
    .all(articleId) as HighlightRow[]
  return rows.map(highlightFromRow)
}

export interface HighlightFilters {
  articleId?: number
  tag?: string
  site?: string
  color?: HighlightColor
  limit: number
  offset: number
}

function filterSql(filters: HighlightFilters): { where: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filters.articleId !== undefined) {
    where.push('h.article_id = @articleId')
    params.articleId = filters.articleId
  }
  if (filters.tag !== undefined) {
    // The articles at or beneath the tag's node (migration 0004), as articles.list filters.
    where.push(`h.article_id IN (SELECT article_id FROM article_nodes
      WHERE node_id = (SELECT id FROM tag_nodes WHERE name = @tag))`)
    params.tag = normalizeTagName(filters.tag)
  }
  if (filters.site !== undefined) {
    const site = filters.site
      .trim()
      .toLowerCase()
      .replace(/^www\./, '')
    where.push(`(lower(a.site) = @site OR lower(a.site) LIKE @subdomains ESCAPE '\\')`)
    Object.assign(params, { site, subdomains: `%.${likeLiteral(site)}` })
  }
  if (filters.color !== undefined) {
    where.push('h.color = @color')
    params.color = filters.color
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params }
}

/** One article's highlights in reading order, or the library's newest first, with each article. */
export function listHighlights(db: Database, filters: HighlightFilters): HighlightPage {
  const { where, params } = filterSql(filters)
  const order =
    filters.articleId !== undefined
      ? `h.status = 'orphaned', h.start_offset, h.end_offset, h.id`
      : 'h.created_at DESC, h.id DESC'
  const rows = db
    .prepare(
      `SELECT h.*, a.title, a.url, a.site, a.byline, a.published_at, a.saved_at,
         a.note AS article_note
       FROM highlights h JOIN articles a ON a.id = h.article_id ${where}
       ORDER BY ${order} LIMIT @limit OFFSET @offset`
    )
    .all({ ...params, limit: filters.limit, offset: filters.offset }) as ListedRow[]
  const total = db
    .prepare(`SELECT count(*) FROM highlights h JOIN articles a ON a.id = h.article_id ${where}`)
    .pluck()
    .get(params) as number
  const items = rows.map((row) => ({
    ...highlightFromRow(row),
    article: {
      id: row.article_id,
      title: row.title,
      url: row.url,
      site: row.site,
      byline: row.byline,
      publishedAt: row.published_at,
      savedAt: row.saved_at,
      note: row.article_note
    }
  }))
  return { items, total }
}

export function updateHighlight(
  db: Database,
  id: number,
  change: { color?: HighlightColor; note?: string | null },
  now = Date.now()
): Highlight | null {
  const row = db
    .prepare(
      `UPDATE highlights SET
         color = coalesce(@color, color),
         note = CASE WHEN @setNote THEN @note ELSE note END,
         updated_at = @now
       WHERE id = @id RETURNING *`
    )
    .get({
      id,
      color: change.color ?? null,
      setNote: change.note === undefined ? 0 : 1,
      note: change.note?.trim() ? change.note : null,
      now
    }) as HighlightRow | undefined
  return row ? highlightFromRow(row) : null
}

/** Moves a highlight to where re-anchoring placed it, or marks it orphaned (selector null). */
export function setHighlightAnchor(
  db: Database,
  id: number,
  selector: Selector | null,
  now = Date.now()
): void {
  if (selector === null) {
    db.prepare(`UPDATE highlights SET status = 'orphaned', updated_at = ? WHERE id = ?`).run(
      now,
      id
    )
    return
  }
  db.prepare(
    `UPDATE highlights SET quote = @quote, prefix = @prefix, suffix = @suffix,
       start_offset = @start, end_offset = @end, status = 'anchored', updated_at = @now
     WHERE id = @id`
  ).run({ id, ...selector, now })
}

export function deleteHighlights(
  db: Database,
  ids: number[]
): { deleted: number[]; notFound: number[]; articles: number[]; undo: HighlightUndo } {
  const unique = [...new Set(ids)]
  const rows = db
    .prepare(`SELECT * FROM highlights WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(unique)) as HighlightRow[]
  db.prepare('DELETE FROM highlights WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(rows.map((row) => row.id))
  )
  const found = new Set(rows.map((row) => row.id))
  return {
    deleted: rows.map((row) => row.id),
    notFound: unique.filter((id) => !found.has(id)),
    articles: [...new Set(rows.map((row) => row.article_id))],
    undo: { highlights: rows.map(highlightFromRow) }
  }
}

/**
 * Puts deleted highlights back as they were, with their ids (a new id if one was taken since).
 * Highlights of articles deleted since are skipped.
 */
export function restoreHighlights(
  db: Database,
  undo: HighlightUndo
): { restored: number[]; skipped: number[]; articles: number[] } {
  const articleExists = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck()
  const idTaken = db.prepare('SELECT 1 FROM highlights WHERE id = ?').pluck()
  const insert = db.prepare(
    `INSERT INTO highlights (id, article_id, color, note, quote, prefix, suffix, start_offset,
       end_offset, status, created_at, updated_at)
     VALUES (@id, @articleId, @color, @note, @quote, @prefix, @suffix, @start, @end, @status,
       @createdAt, @updatedAt)
     RETURNING id`
  )
  const restored: number[] = []
  const skipped: number[] = []
  const articles = new Set<number>()
  for (const highlight of undo.highlights) {
    if (!articleExists.get(highlight.articleId)) {
      skipped.push(highlight.id)
      continue
    }
    const id = idTaken.get(highlight.id) ? null : highlight.id
    const row = insert.get({ ...highlight, id }) as { id: number }
    restored.push(row.id)
    articles.add(highlight.articleId)
  }
  return { restored, skipped, articles: [...articles] }
}
