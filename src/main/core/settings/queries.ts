import type { Database } from 'better-sqlite3'
import { randomBytes } from 'node:crypto'

export function getSetting(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value ?? null
}

export function setSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  ).run(key, value)
}

/**
 * The library's secret for the local server: 32 random bytes, made once and kept in the library
 * so a paired browser extension keeps working across restarts.
 */
export function serverToken(db: Database): string {
  const existing = getSetting(db, 'server.token')
  if (existing) return existing
  const token = randomBytes(32).toString('base64url')
  setSetting(db, 'server.token', token)
  return token
}
