import type { Database } from 'better-sqlite3'
import {
  createMetadataTableSql,
  ftsTable,
  indexTables,
  indexArticle,
  indexSourceBatch,
  metadataTable,
  removeArticleFromIndex,
  writeIndexRow
} from './fts'
import { tokenizerVersion } from './tokenize'

export interface RebuildProgress {
  done: number
  total: number
}

export type RebuildProgressListener = (progress: RebuildProgress) => void

/** The `search_state` key holding the tokenizer version the FTS index was built with. */
export const indexVersionKey = 'fts_index_version'

// 500 articles (about 6 MB of text) per transaction: a reader waits at most ~1 s, a crash loses
// one batch of work, and the WAL stays small.
const rebuildBatchSize = 500

export function readSearchState(db: Database, key: string): Buffer | string | number | null {
  const row = db.prepare('SELECT value FROM search_state WHERE key = ?').get(key) as
    { value: Buffer | string | number | null } | undefined
  return row?.value ?? null
}

export function writeSearchState(db: Database, key: string, value: Buffer | string | number): void {
  db.prepare(
    'INSERT INTO search_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  ).run(key, value)
}

export function storedIndexVersion(db: Database): number | null {
  const value = readSearchState(db, indexVersionKey)
  return value === null ? null : Number(value)
}

/**
 * Re-tokenises every article into a fresh index, one batch at a time: each step yields the
 * progress so far, so a job can let other work run between batches. The version is written
 * last, so a rebuild cut short by a crash is simply done again on the next start.
 */
export function* rebuildSteps(db: Database): Generator<RebuildProgress, void> {
  const { total } = db.prepare('SELECT count(*) AS total FROM articles').get() as { total: number }
  db.transaction(() => {
    db.prepare(`DELETE FROM search_state WHERE key = ?`).run(indexVersionKey)
    for (const table of indexTables) {
      db.prepare(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`).run()
    }
  })()
  // Bulk load: no incremental merging (each batch adds a segment), one 'optimize' at the end.
  setAutomerge(db, 0)
  let done = 0
  let lastId = 0
  yield { done, total }
  for (;;) {
    const rows = indexSourceBatch(db, lastId, rebuildBatchSize)
    if (rows.length === 0) break
    db.transaction(() => rows.forEach((row) => writeIndexRow(db, row)))()
    lastId = rows[rows.length - 1].id
    done += rows.length
    yield { done, total: Math.max(total, done) }
  }
  db.transaction(() => {
    // Merge the many small segments of a bulk load so the first queries are not slowed by them.
    for (const table of indexTables) {
      db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run()
    }
    setAutomerge(db, defaultAutomerge)
    writeSearchState(db, indexVersionKey, tokenizerVersion)
  })()
}

/** The whole rebuild at once, for a process that has nothing else to do meanwhile (the CLI). */
export function rebuildIndex(db: Database, onProgress?: RebuildProgressListener): void {
  for (const progress of rebuildSteps(db)) onProgress?.(progress)
}

// FTS5's default: merge once 4 segments of one level exist (incremental updates stay cheap).
const defaultAutomerge = 4

function setAutomerge(db: Database, segments: number): void {
  // An FTS5 configuration value, not data: it must be an integer literal (a bound value fails).
  for (const table of indexTables) {
    db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${Math.trunc(segments)})`)
  }
}

export interface IndexRepair {
  indexed: number
  removed: number
}

/**
 * Indexes articles the index lacks and drops index rows of articles that are gone: the check that
 * the index and the data agree (one pass over two integer primary keys, ~20 ms at 100k), so an
 * article saved by a crashed or older process is not missing from search until a full rebuild.
 */
export function repairIndex(db: Database): IndexRepair {
  const missing = db
    .prepare(`SELECT id FROM articles WHERE id NOT IN (SELECT id FROM ${ftsTable}_docsize)`)
    .pluck()
    .all() as number[]
  const orphans = db
    .prepare(`SELECT id FROM ${ftsTable}_docsize WHERE id NOT IN (SELECT id FROM articles)`)
    .pluck()
    .all() as number[]
  db.transaction(() => {
    missing.forEach((id) => indexArticle(db, id))
    orphans.forEach((id) => removeArticleFromIndex(db, id))
  })()
  return { indexed: missing.length, removed: orphans.length }
}

/**
 * Libraries made by a development build of migration 0002 (before it had `search_meta`) get the
 * table here; true when it was missing.
 */
function createMissingMetadataTable(db: Database): boolean {
  const exists = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(metadataTable)
  if (exists) return false
  db.exec(createMetadataTableSql)
  return true
}

/**
 * A library with no articles and no index version (just created) has a current, empty index:
 * mark it so, before anything is saved, or its first articles would ask for a rebuild.
 */
export function markNewIndexCurrent(db: Database): void {
  if (storedIndexVersion(db) !== null || db.prepare('SELECT 1 FROM articles LIMIT 1').get()) return
  writeSearchState(db, indexVersionKey, tokenizerVersion)
}

/** True when the index was made by this tokenizer version and a rebuild is not half done. */
export function isIndexCurrent(db: Database): boolean {
  if (createMissingMetadataTable(db)) return false
  return storedIndexVersion(db) === tokenizerVersion
}

/**
 * Rebuilds when the index was made by another tokenizer version (or a rebuild never finished);
 * otherwise repairs rows that disagree with the articles. True when it rebuilt.
 */
export function ensureIndexCurrent(db: Database, onProgress?: RebuildProgressListener): boolean {
  if (isIndexCurrent(db)) {
    repairIndex(db)
    return false
  }
  rebuildIndex(db, onProgress)
  return true
}
