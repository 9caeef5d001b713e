import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'

export interface Migration {
  /** Equal to its position in the list, starting at 1; stored as `PRAGMA user_version`. */
  version: number
  name: string
  up(db: Database): void
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database up to the newest migration, all pending steps in one transaction, so a
 * crash leaves the library at its old version, never half-migrated. A database written by a
 * newer Folio is refused rather than guessed at.
 */
export function migrate(db: Database, migrations: readonly Migration[], file = 'library'): number {
  const latest = migrations.length
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`
      )
    }
  })
  const refuseNewer = (current: number): void => {
    if (current <= latest) return
    throw new FolioError(
      'library_too_new',
      `The library at ${file} uses schema version ${current}, but this Folio understands versions up to ${latest}. ` +
        'Update Folio to open it; the library was not changed.'
    )
  }
  const current = schemaVersion(db)
  refuseNewer(current)
  if (current === latest) return current
  // BEGIN IMMEDIATE, and the version read again inside: two Folio processes opening a new
  // library at once would otherwise both migrate it, and the second fail on tables that exist.
  db.transaction(() => {
    const locked = schemaVersion(db)
    refuseNewer(locked)
    for (const migration of migrations.slice(locked)) {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
  }).immediate()
  return latest
}
