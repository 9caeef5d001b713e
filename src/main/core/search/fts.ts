import type { Database } from 'better-sqlite3'
import { cachedStatement } from '../db/statements'
import { indexArticleNotes, notesTable, removeNotesRow } from './notes-index'
import { indexForms } from './tokenize'
import type { IndexForms } from './tokenize'

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
 *
 * Tags live here only, not in the full table: renaming a tag, merging or bulk tagging then
 * rewrites these small rows (indexArticlesMetadata), not whole bodies (10–25 s for a parent over
 * ~20k articles at 100k). An article matches a query through its full row or through this one.
 */
export const metadataTable = 'search_meta'

export const ftsTokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '.,'`

export const createFtsTableSql = `
  CREATE VIRTUAL TABLE ${ftsTable} USING fts5(
    title, byline, site, body, title_chars, body_chars,
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
 * bm25 column weights (title, byline, site, body, title_chars, body_chars): a title hit outweighs
 * ten body hits. The `*_chars` columns hold single CJK characters (see cjkCharacters).
 */
export const columnWeights = [10, 2, 2, 1, 10, 1] as const
export const metadataColumnWeights = [10, 2, 2, 4, 10, 2] as const

/** The index tables, for commands that treat them alike (delete-all, optimize, automerge). */
export const indexTables = [ftsTable, metadataTable, notesTable] as const

/** The tables holding a row for every article (the notes table holds only annotated ones). */
export const everyArticleTables = [ftsTable, metadataTable] as const

interface MetadataSourceRow {
  id: number
  title: string
  byline: string | null
  site: string | null
  siteName: string | null
  tags: string | null
}

interface IndexSourceRow extends MetadataSourceRow {
  text: string | null
}

const tagNamesSelect = `(SELECT group_concat(t.name, ' ') FROM article_tags at
  JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags`

export const indexSourceSelect = `
  SELECT a.id, a.title, a.byline, a.site, a.site_name AS siteName, c.text, ${tagNamesSelect}
  FROM articles a LEFT JOIN article_contents c ON c.article_id = a.id`

const metadataSourceSelect = `
  SELECT a.id, a.title, a.byline, a.site, a.site_name AS siteName, ${tagNamesSelect}
  FROM articles a`

interface MetadataForms {
  title: IndexForms
  byline: IndexForms
  site: IndexForms
  tags: IndexForms
  /** The CJK characters of byline, site and tags. */
  characters: string
}

function metadataForms(row: MetadataSourceRow): MetadataForms {
  const title = indexForms(row.title)
  const [byline, site, tags] = [
    row.byline,
    [row.site, row.siteName].filter(Boolean).join(' '),
    row.tags
  ].map(indexForms)
  const characters = [byline, site, tags]
    .map((forms) => forms.characters)
    .filter(Boolean)
    .join(' ')
  return { title, byline, site, tags, characters }
}

const insertMetadataSql = `INSERT OR REPLACE INTO ${metadataTable}
  (rowid, title, byline, site, tags, title_chars, body_chars) VALUES (?, ?, ?, ?, ?, ?, ?)`

function metadataValues(id: number, forms: MetadataForms): (number | string)[] {
  const { title, byline, site, tags, characters } = forms
  return [id, title.tokens, byline.tokens, site.tokens, tags.tokens, title.characters, characters]
}

export function writeIndexRow(db: Database, row: IndexSourceRow): void {
  const forms = metadataForms(row)
  const body = indexForms(row.text)
  // The body's row leaves the tags out (see metadataTable); its characters too.
  const smallCharacters = [forms.byline.characters, forms.site.characters]
  cachedStatement(
    db,
    `INSERT OR REPLACE INTO ${ftsTable}
       (rowid, title, byline, site, body, title_chars, body_chars)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    forms.title.tokens,
    forms.byline.tokens,
    forms.site.tokens,
    body.tokens,
    forms.title.characters,
    [...smallCharacters, body.characters].filter(Boolean).join(' ')
  )
  cachedStatement(db, insertMetadataSql).run(...metadataValues(row.id, forms))
  indexArticleNotes(db, row.id)
}

/**
 * Re-indexes the small fields of these articles (title, byline, site, tags) in search_meta only:
 * enough after a change to their tags, which the body's row does not hold. Reads and writes in
 * batches with one statement each: a parent's rename touches tens of thousands of articles.
 */
export function indexArticlesMetadata(db: Database, ids: number[]): void {
  // FTS5 rewrites a segment once a tenth of its rows are deleted ('deletemerge', checked at every
  // flush of pending rows): a large batch replacing rows paid that several times (2–3× the
  // batch's time). Off for the batch, the segment is rewritten once, when the transaction commits.
  const large = ids.length >= 1000
  if (large) setDeleteMerge(db, 0)
  const select = db.prepare(
    `${metadataSourceSelect} WHERE a.id IN (SELECT value FROM json_each(?))`
  )
  const insert = db.prepare(insertMetadataSql)
  for (let start = 0; start < ids.length; start += 1000) {
    const batch = ids.slice(start, start + 1000)
    const rows = select.all(JSON.stringify(batch)) as MetadataSourceRow[]
    for (const row of rows) insert.run(...metadataValues(row.id, metadataForms(row)))
    const found = new Set(rows.map((row) => row.id))
    for (const id of batch) if (!found.has(id)) removeArticleFromIndex(db, id)
  }
  if (large) setDeleteMerge(db, defaultDeleteMerge)
}

/** FTS5's default share of deleted rows, in percent, that makes a segment be rewritten. */
const defaultDeleteMerge = 10

function setDeleteMerge(db: Database, percent: number): void {
  // An FTS5 configuration value: an integer literal (a bound value fails). Transactional.
  db.exec(
    `INSERT INTO ${metadataTable} (${metadataTable}, rank) VALUES ('deletemerge', ${Math.trunc(percent)})`
  )
}

/**
 * (Re)indexes one article from its stored row, text and tags; removes it from the index when the
 * article no longer exists. Synchronous, so capture can call it inside its own write transaction.
 */
export function indexArticle(db: Database, id: number): void {
  const row = cachedStatement(db, `${indexSourceSelect} WHERE a.id = ?`).get(id) as
    IndexSourceRow | undefined
  if (row) writeIndexRow(db, row)
  else removeArticleFromIndex(db, id)
}

export function removeArticleFromIndex(db: Database, id: number): void {
  for (const table of [ftsTable, metadataTable]) {
    db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(id)
  }
  removeNotesRow(db, id)
}

/** Reads the rows of a batch after `afterId`, for a rebuild that pages by id. */
export function indexSourceBatch(db: Database, afterId: number, size: number): IndexSourceRow[] {
  return db
    .prepare(`${indexSourceSelect} WHERE a.id > ? ORDER BY a.id LIMIT ?`)
    .all(afterId, size) as IndexSourceRow[]
}
