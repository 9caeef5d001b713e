import type { Database } from 'better-sqlite3'
import { indexForms } from './tokenize'

/**
 * The full-text index: an FTS5 table over our own tokens (see tokenize.ts), one row per article,
 * rowid = article id.
 *
 * Contentless (`content=''`): the plain text already lives in `article_contents.text`, and the
 * snippets are cut from there; an external-content table would need a second, tokenised copy of
 * every body (about the size of the text again) only to let FTS5 re-read it on delete.
 * `contentless_delete=1` (SQLite >= 3.43) lets us delete and replace rows by rowid.
 *
 * The FTS5 tokenizer only has to split our space-joined tokens back apart, so it must not cut
 * inside one: `categories` keeps combining marks (Devanagari vowel signs, kana voicing) inside a
 * token, `tokenchars '.,'` keeps decimals (`3.14`) whole and `remove_diacritics 0` leaves the
 * folding to us (so `が` never becomes `か`).
 */
export const ftsTable = 'search_fts'

/**
 * The small fields again, in their own FTS5 table: the "title and metadata first" tier. Asked of
 * the full table with a column filter, a common word (`the`) walked its whole body doclist to
 * find the few title hits (17–42 ms at 100k); here the doclists hold titles only.
 * `body_chars` holds the characters of byline, site and tags, so one MATCH expression fits both.
 */
export const metadataTable = 'search_meta'

export const ftsTokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '.,'`

export const createFtsTableSql = `
  CREATE VIRTUAL TABLE ${ftsTable} USING fts5(
    title, byline, site, tags, body, title_chars, body_chars,
    content = '', contentless_delete = 1,
    tokenize = "${ftsTokenizer}"
  )`

// Prefix indexes for 1–3 characters serve search-as-you-type (quick-index.ts): without them
// `pr*` merged every title term starting with `pr` (16 ms at 100k); titles are small, so the
// extra entries cost little.
export const createMetadataTableSql = `
  CREATE VIRTUAL TABLE ${metadataTable} USING fts5(
    title, byline, site, tags, title_chars, body_chars,
    content = '', contentless_delete = 1, prefix = '1 2 3',
    tokenize = "${ftsTokenizer}"
  )`

/**
 * bm25 column weights (title, byline, site, tags, body, title_chars, body_chars): a title hit
 * outweighs ten body hits. The `*_chars` columns hold single CJK characters (see cjkCharacters).
 */
export const columnWeights = [10, 2, 2, 4, 1, 10, 1] as const
export const metadataColumnWeights = [10, 2, 2, 4, 10, 2] as const

/** Both index tables, for commands that treat them alike (delete-all, optimize, automerge). */
export const indexTables = [ftsTable, metadataTable] as const

interface IndexSourceRow {
  id: number
  title: string
  byline: string | null
  site: string | null
  siteName: string | null
  text: string | null
  tags: string | null
}

export const indexSourceSelect = `
  SELECT a.id, a.title, a.byline, a.site, a.site_name AS siteName, c.text,
    (SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = a.id) AS tags
  FROM articles a LEFT JOIN article_contents c ON c.article_id = a.id`

export function writeIndexRow(db: Database, row: IndexSourceRow): void {
  const site = [row.site, row.siteName].filter(Boolean).join(' ')
  const title = indexForms(row.title)
  const body = indexForms(row.text)
  const [byline, siteForms, tags] = [row.byline, site, row.tags].map(indexForms)
  const smallCharacters = [byline, siteForms, tags]
    .map((forms) => forms.characters)
    .filter(Boolean)
    .join(' ')
  db.prepare(
    `INSERT OR REPLACE INTO ${ftsTable}
       (rowid, title, byline, site, tags, body, title_chars, body_chars)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    title.tokens,
    byline.tokens,
    siteForms.tokens,
    tags.tokens,
    body.tokens,
    title.characters,
    [smallCharacters, body.characters].filter(Boolean).join(' ')
  )
  db.prepare(
    `INSERT OR REPLACE INTO ${metadataTable}
       (rowid, title, byline, site, tags, title_chars, body_chars)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    title.tokens,
    byline.tokens,
    siteForms.tokens,
    tags.tokens,
    title.characters,
    smallCharacters
  )
}

/**
 * (Re)indexes one article from its stored row, text and tags; removes it from the index when the
 * article no longer exists. Synchronous, so capture can call it inside its own write transaction.
 */
export function indexArticle(db: Database, id: number): void {
  const row = db.prepare(`${indexSourceSelect} WHERE a.id = ?`).get(id) as
    IndexSourceRow | undefined
  if (row) writeIndexRow(db, row)
  else removeArticleFromIndex(db, id)
}

export function removeArticleFromIndex(db: Database, id: number): void {
  for (const table of indexTables) db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(id)
}

/** Reads the rows of a batch after `afterId`, for a rebuild that pages by id. */
export function indexSourceBatch(db: Database, afterId: number, size: number): IndexSourceRow[] {
  return db
    .prepare(`${indexSourceSelect} WHERE a.id > ? ORDER BY a.id LIMIT ?`)
    .all(afterId, size) as IndexSourceRow[]
}
