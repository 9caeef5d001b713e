import Database from 'better-sqlite3'
import type { Database as SqliteDatabase } from 'better-sqlite3'
import { closeSync, fsyncSync, openSync, statSync } from 'node:fs'
import { FolioError } from '../../../shared/errors'
import type { BackupResult } from '../../../shared/types'
import {
  outputPath,
  publishFile,
  removeQuietly,
  temporaryPathFor,
  writeFailed
} from '../io/output-file'

/** Flushes a finished file to the disk before it gets its final name. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Opens the copy on its own and asks SQLite whether it is whole (a few ms per 10 MB). */
function verifyCopy(path: string, schemaVersion: number): void {
  const copy = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const check = copy.pragma('quick_check', { simple: true })
    const version = copy.pragma('user_version', { simple: true })
    if (check !== 'ok' || version !== schemaVersion) {
      throw new FolioError(
        'write_failed',
        `The copy did not read back as a whole library (${String(check)}); nothing was kept.`
      )
    }
  } finally {
    copy.close()
  }
}

/**
 * Copies the open library into one file while it stays in use (DESIGN.md §6b). `VACUUM INTO`
 * reads one snapshot in a single read transaction, which WAL lets writers (the app, `folio
 * serve`) go on beside; unlike the online backup API it never restarts when another connection
 * writes meanwhile, and the copy comes out compacted. It is written under a temporary name in the
 * target's folder, read back, synced, and only then given its final name.
 */
export function backupLibrary(db: SqliteDatabase, path: string, force: boolean): BackupResult {
  const target = outputPath(path, force)
  const temporary = temporaryPathFor(target)
  try {
    db.prepare('VACUUM INTO ?').run(temporary)
    verifyCopy(temporary, db.pragma('user_version', { simple: true }) as number)
    syncFile(temporary)
    publishFile(temporary, target, force)
  } catch (error) {
    removeQuietly(temporary)
    removeQuietly(`${temporary}-journal`)
    throw writeFailed(target, error)
  }
  return { path: target, bytes: statSync(target).size }
}
