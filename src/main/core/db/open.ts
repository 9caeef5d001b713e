import Database from 'better-sqlite3'
import type { Database as SqliteDatabase } from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { FolioError } from '../../../shared/errors'
import { migrate } from './migrate'
import type { Migration } from './migrate'
import { migrations as allMigrations } from './migrations'

export interface OpenDatabaseOptions {
  /** A better-sqlite3 build for another runtime's ABI (Electron), see scripts/prepare-electron.js. */
  nativeBinding?: string
  /** For migration tests: open with only the first N migrations. */
  migrations?: readonly Migration[]
}

export const databaseFileName = 'library.db'

/** Blocks this thread for `ms` (opening is synchronous, and the wait is short and rare). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Switches to WAL. SQLite answers "database is locked" to this switch at once, without the busy
 * timeout, while another process is opening the same new library; such a race is over within
 * moments, so the switch is tried again for up to 10 s before the error stands.
 */
function switchToWal(db: SqliteDatabase): void {
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      db.pragma('journal_mode = WAL')
      return
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY')
      if (!busy || Date.now() > deadline) throw error
      sleepSync(50 + Math.random() * 100)
    }
  }
}

export function openDatabase(dir: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, databaseFileName)
  let db: SqliteDatabase
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (error) {
    throw new FolioError(
      'library_unavailable',
      `Folio could not open the library at ${file}: ${(error as Error).message}`
    )
  }
  try {
    // Another Folio process (the CLI beside the app) may hold the write lock for a moment; set
    // first, so that even switching a new library to WAL waits for it rather than failing.
    db.pragma('busy_timeout = 5000')
    switchToWal(db)
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    migrate(db, options.migrations ?? allMigrations, file)
  } catch (error) {
    db.close()
    if (error instanceof FolioError) throw error
    throw new FolioError(
      'library_unavailable',
      `Folio could not open the library at ${file}: ${(error as Error).message}`
    )
  }
  return db
}
