import type { Database } from 'better-sqlite3'
import { cachedStatement as prepared } from '../../db/statements'
import { FolioError } from '../../../../shared/errors'
import type { ImportOutcome } from '../../../../shared/types'
import { tagKey } from '../../../../shared/tags'
import { siteOf } from '../../../../shared/web'
import { normalizeUrl } from '../../capture/url'
import { importedHighlight } from '../../highlights/operations'
import { articleText, insertHighlight } from '../../highlights/queries'
import { insertJob } from '../../jobs/queries'
import { normalizeTagName } from '../../tags/queries'
import type { ImportItem } from './item'

/** How the rows of one import are written: its own tags, whether to fetch, its start time. */
export interface StoreOptions {
  tags: string[]
  fetch: boolean
  /** When the import started: rows without a save time get it, less their row number in ms. */
  startedAt: number
}

export interface StoredRow {
  outcome: Exclude<ImportOutcome, 'failed'>
  reason: string | null
  articleId: number
  /** What search and the open windows must learn of it. */
  effects: { reindex: boolean; tags: boolean; notes: boolean; changed: boolean; captured: boolean }
}

interface ExistingRow {
  id: number
  title: string
  saved_at: number
  state: string
  favorite: number
  note: string | null
}

/** Links the article to these tags (normalised names), making the ones the library lacks. */
function linkTags(db: Database, articleId: number, names: string[]): void {
  const now = Date.now()
  for (const name of names) {
    const found = prepared(db, 'SELECT id FROM tags WHERE name = ?').pluck().get(name) as
      number | undefined
    const tagId =
      found ??
      Number(
        prepared(db, 'INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, now)
          .lastInsertRowid
      )
    prepared(db, 'INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)').run(
      articleId,
      tagId
    )
  }
}

/**
 * Tag names as the library keeps them, one per name up to ASCII case (the names' NOCASE
 * collation); a name it cannot keep (over 200 characters) is left out.
 */
function keptTags(names: string[]): string[] {
  const kept = new Map<string, string>()
  for (const name of names) {
    try {
      const normalized = normalizeTagName(name)
      if (!kept.has(tagKey(normalized))) kept.set(tagKey(normalized), normalized)
    } catch (error) {
      if (!(error instanceof FolioError)) throw error
    }
  }
  return [...kept.values()]
}

function insertItem(
  db: Database,
  item: ImportItem,
  urls: { url: string; urlKey: string },
  savedAt: number
): number {
  const row = prepared(
    db,
    `INSERT INTO articles (url, url_key, title, site, saved_at, updated_at, state, favorite, note,
         capture_status)
       VALUES (@url, @urlKey, @title, @site, @savedAt, @now, @state, @favorite, @note, 'pending')
       RETURNING id`
  ).get({
    ...urls,
    title: item.title,
    site: siteOf(urls.url),
    savedAt,
    now: Date.now(),
    state: item.state,
    favorite: item.favorite ? 1 : 0,
    note: item.note?.trim() ? item.note : null
  }) as { id: number }
  return row.id
}

/** Adds the quotes the article does not hold yet; returns how many were added. */
function addHighlights(db: Database, articleId: number, item: ImportItem): number {
  if (item.highlights.length === 0) return 0
  const known = new Set(
    prepared(db, 'SELECT quote FROM highlights WHERE article_id = ?')
      .pluck()
      .all(articleId) as string[]
  )
  const text = articleText(db, articleId) ?? null
  let added = 0
  for (const highlight of item.highlights) {
    if (highlight.quote.trim() === '' || known.has(highlight.quote)) continue
    known.add(highlight.quote)
    const made = importedHighlight(text, {
      articleId,
      quote: highlight.quote,
      note: highlight.note
    })
    insertHighlight(db, made, highlight.createdAt ?? Date.now())
    added += 1
  }
  return added
}

/** Tags of `names` the article does not carry yet. */
function missingTags(db: Database, articleId: number, names: string[]): string[] {
  const carried = new Set(
    (
      prepared(
        db,
        'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?'
      )
        .pluck()
        .all(articleId) as string[]
    ).map(tagKey)
  )
  return names.filter((name) => !carried.has(tagKey(name)))
}

/**
 * Merges a row into the article that has its address (Karakeep's `deduplicateBookmarks`): tags
 * joined, the earliest save time, archived or starred if either copy is; the user's title, note
 * and highlights stay, a missing title or note is filled in, new quotes are added.
 */
function mergeItem(
  db: Database,
  existing: ExistingRow,
  item: ImportItem,
  tags: string[],
  savedAt: number
): StoredRow {
  const changes: string[] = []
  const set = (sql: string, value: unknown): void =>
    void prepared(db, `UPDATE articles SET ${sql} = ?, updated_at = ? WHERE id = ?`).run(
      value,
      Date.now(),
      existing.id
    )
  if (savedAt < existing.saved_at) {
    set('saved_at', savedAt)
    changes.push('an earlier save time')
  }
  if (item.state === 'archived' && existing.state !== 'archived') {
    set('state', 'archived')
    changes.push('archived')
  }
  if (item.favorite && existing.favorite === 0) {
    set('favorite', 1)
    changes.push('starred')
  }
  if (existing.title === '' && item.title !== '') {
    set('title', item.title)
    changes.push('its title')
  }
  if (existing.note === null && item.note?.trim()) {
    set('note', item.note)
    changes.push('a note')
  }
  const newTags = missingTags(db, existing.id, tags)
  if (newTags.length > 0) {
    linkTags(db, existing.id, newTags)
    changes.push(`tags ${newTags.join(', ')}`)
  }
  const highlights = addHighlights(db, existing.id, item)
  if (highlights > 0) changes.push(`${highlights} highlight${highlights === 1 ? '' : 's'}`)
  const known = `already in the library as article ${existing.id}`
  return {
    outcome: changes.length > 0 ? 'merged' : 'skipped',
    reason: changes.length > 0 ? `${known}; added ${changes.join(', ')}` : known,
    articleId: existing.id,
    effects: {
      reindex: changes.includes('its title'),
      tags: newTags.length > 0,
      notes: highlights > 0 || changes.includes('a note'),
      changed: changes.length > 0,
      captured: false
    }
  }
}

/**
 * Writes one row: a new article (pending, with its capture queued in the same transaction, so a
 * crash never leaves an article without its fetch), or a merge into the one with its address.
 * Throws the URL's error (`invalid_url`, `unsupported_scheme`) for a row that is not a web page.
 */
export function storeItem(
  db: Database,
  item: ImportItem,
  row: number,
  options: StoreOptions
): StoredRow {
  const urls = normalizeUrl(item.url)
  const tags = keptTags([...item.tags, ...options.tags])
  const savedAt = item.savedAt ?? options.startedAt - row
  const existing = prepared(
    db,
    'SELECT id, title, saved_at, state, favorite, note FROM articles WHERE url_key = ?'
  ).get(urls.urlKey) as ExistingRow | undefined
  if (existing) return mergeItem(db, existing, item, tags, savedAt)
  const articleId = insertItem(db, item, urls, savedAt)
  if (tags.length > 0) linkTags(db, articleId, tags)
  const highlights = addHighlights(db, articleId, item)
  if (options.fetch) {
    insertJob(db, {
      kind: 'capture',
      label: urls.url,
      payload: { source: 'url', url: urls.url },
      articleId
    })
  }
  return {
    outcome: 'imported',
    reason: null,
    articleId,
    effects: {
      reindex: true,
      tags: tags.length > 0,
      notes: highlights > 0 || Boolean(item.note?.trim()),
      changed: true,
      captured: options.fetch
    }
  }
}
