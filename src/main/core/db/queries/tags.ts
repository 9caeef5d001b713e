import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../../shared/errors'

/** Tag names above 200 characters are pasted text, not names. */
export const maxTagNameLength = 200

/** Trims, collapses inner whitespace and tidies the `/` hierarchy separators of a tag name. */
export function normalizeTagName(name: string): string {
  const normalized = name
    .normalize('NFC')
    .split('/')
    .map((part) => part.replace(/\s+/gu, ' ').trim())
    .filter((part) => part.length > 0)
    .join('/')
  if (normalized.length === 0) throw new FolioError('invalid_input', 'A tag needs a name.')
  if (normalized.length > maxTagNameLength) {
    throw new FolioError(
      'invalid_input',
      `The tag "${normalized.slice(0, 40)}…" is ${normalized.length} characters long; names can have up to ${maxTagNameLength}.`
    )
  }
  return normalized
}

/** The id of the tag with this name (any case), created when missing. */
export function ensureTag(db: Database, name: string, now = Date.now()): number {
  const normalized = normalizeTagName(name)
  const existing = db.prepare('SELECT id FROM tags WHERE name = ?').get(normalized) as { id: number } | undefined
  if (existing) return existing.id
  return Number(db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(normalized, now).lastInsertRowid)
}

export function addTagsToArticle(db: Database, articleId: number, names: string[]): void {
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
  for (const name of names) link.run(articleId, ensureTag(db, name))
}
