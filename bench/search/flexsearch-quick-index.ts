import type { Database } from 'better-sqlite3'
import FlexSearch from 'flexsearch'
import type { Document as FlexDocument, DocumentData, Id } from 'flexsearch'
import type { QuickIndex } from '../../src/main/core/search/quick-index'
import { readSearchState, writeSearchState } from '../../src/main/core/search/rebuild'
import { tokenize, tokenizerVersion } from '../../src/main/core/search/tokenize'

/** The FlexSearch index keeps itself in memory: it must be loaded, told of changes and saved. */
export interface FlexQuickIndex extends QuickIndex {
  add(id: number): void
  update(id: number): void
  remove(id: number): void
  save(): void
  load(): void
  size(): number
}

/**
 * The measured alternative to src/main/core/search/quick-index.ts (see bench/search.ts): search-as-you-type over the
 * small fields (title, byline, site, tags, url) in an in-memory FlexSearch Document index with
 * prefix matching (`tokenize: 'forward'`), fed by our tokenizer so CJK and diacritics behave as
 * in the full-text index, persisted in `search_state` (one row per exported chunk).
 *
 * Not the default: at 100k articles loading it took 0.7–2.8 s and 110–190 MB of heap, against
 * the budget of "well under a second" and 200 MB for the whole engine, while FTS5 prefix queries
 * on `search_meta` need neither. It answers in 0.05 ms instead of 0.1–10 ms, if that ever matters.
 */
interface QuickDocument extends DocumentData {
  id: number
  title: string
  byline: string
  site: string
  tags: string
  url: string
}

const fields = ['title', 'byline', 'site', 'tags', 'url'] as const
const chunkKeyPrefix = 'quick:'
const stampKey = 'quick_stamp'

function encode(text: string): string[] {
  return tokenize(text, 'index').map((token) => token.text)
}

function createDocumentIndex(): FlexDocument<QuickDocument> {
  return new FlexSearch.Document<QuickDocument>({
    document: {
      id: 'id',
      index: fields.map((field) => ({ field, tokenize: 'forward' as const, encode }))
    }
  })
}

const quickSource = `
  SELECT a.id, a.title, coalesce(a.byline, '') AS byline,
    coalesce(a.site, '') || ' ' || coalesce(a.site_name, '') AS site,
    -- Without the scheme: every article would carry the prefixes of 'https' for nothing.
    substr(a.url, instr(a.url, '://') + 3) AS url,
    coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = a.id), '') AS tags
  FROM articles a`

/** What the saved index must agree with: tokenizer version, article count and last change. */
function currentStamp(db: Database): string {
  const row = db
    .prepare(
      'SELECT count(*) AS count, coalesce(max(updated_at), 0) AS latest, coalesce(max(id), 0) AS top FROM articles'
    )
    .get() as { count: number; latest: number; top: number }
  return `${tokenizerVersion}:${row.count}:${row.latest}:${row.top}`
}

/** `save()` writes into `search_state`; `load()` reads it back, or rebuilds when it is stale. */
export function createFlexSearchQuickIndex(db: Database): FlexQuickIndex {
  let index = createDocumentIndex()
  const held = new Set<number>()

  function readDocument(id: number): QuickDocument | undefined {
    return db.prepare(`${quickSource} WHERE a.id = ?`).get(id) as QuickDocument | undefined
  }

  function put(id: number): void {
    const document = readDocument(id)
    if (!document) return remove(id)
    if (held.has(id)) index.update(document)
    else index.add(document)
    held.add(id)
  }

  function remove(id: number): void {
    if (!held.delete(id)) return
    index.remove(id)
  }

  function rebuild(): void {
    index = createDocumentIndex()
    held.clear()
    for (const document of db.prepare(quickSource).iterate() as Iterable<QuickDocument>) {
      index.add(document)
      held.add(document.id)
    }
  }

  function search(text: string, limit = 20): number[] {
    if (!text.trim()) return []
    const results = index.search(text, { limit, merge: true, suggest: false }) as { id: Id }[]
    return results.map((result) => Number(result.id)).slice(0, limit)
  }

  function save(): void {
    const chunks: [string, string][] = []
    index.export((key, data) => {
      chunks.push([key, data])
    })
    db.transaction(() => {
      db.prepare('DELETE FROM search_state WHERE key LIKE ?').run(`${chunkKeyPrefix}%`)
      for (const [key, data] of chunks) writeSearchState(db, chunkKeyPrefix + key, data)
      writeSearchState(db, `${chunkKeyPrefix}ids`, JSON.stringify([...held]))
      writeSearchState(db, stampKey, currentStamp(db))
    })()
  }

  function load(): void {
    if (readSearchState(db, stampKey) !== currentStamp(db)) {
      rebuild()
      return
    }
    index = createDocumentIndex()
    held.clear()
    const rows = db
      .prepare('SELECT key, value FROM search_state WHERE key LIKE ?')
      .all(`${chunkKeyPrefix}%`) as { key: string; value: string }[]
    for (const row of rows) {
      const key = row.key.slice(chunkKeyPrefix.length)
      if (key === 'ids') (JSON.parse(row.value) as number[]).forEach((id) => held.add(id))
      else index.import(key, row.value)
    }
  }

  return { add: put, update: put, remove, search, save, load, size: () => held.size }
}
