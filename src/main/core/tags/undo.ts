import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'
import type { TagUndo } from '../../../shared/types'
import { articleIdsOfTags, linksOfTags } from './queries'
import type { TagRow } from './queries'

/** The rows and links of these tags as they are now: what `restoreTags` puts back. */
export function snapshotTags(db: Database, rows: TagRow[]): TagUndo {
  const unique = new Map(rows.map((row) => [row.id, row]))
  const tags = [...unique.values()].map(({ id, name, createdAt }) => ({ id, name, createdAt }))
  return { tags, links: linksOfTags(db, [...unique.keys()]) }
}

/**
 * Ids of the snapshot's tags that still exist. A row with a snapshot id but another creation time
 * is a new tag that reused the id of a deleted one (SQLite hands out the largest id again).
 */
function existingTagIds(db: Database, undo: TagUndo): Set<number> {
  const rows = db
    .prepare(
      `SELECT id, name, created_at AS createdAt FROM tags
       WHERE id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(undo.tags.map((tag) => tag.id))) as TagRow[]
  const createdAt = new Map(undo.tags.map((tag) => [tag.id, tag.createdAt]))
  for (const row of rows) {
    if (row.createdAt !== createdAt.get(row.id)) throw madeSince(row.name)
  }
  return new Set(rows.map((row) => row.id))
}

function madeSince(name: string): FolioError {
  return new FolioError(
    'invalid_input',
    `The tag "${name}" was made after this change, so the change cannot be undone. ` +
      `Rename or delete "${name}" first.`
  )
}

/** Refuses when a tag outside the snapshot now holds one of its names. */
function refuseTakenNames(db: Database, undo: TagUndo): void {
  const ids = new Set(undo.tags.map((tag) => tag.id))
  const holderOf = db.prepare('SELECT id, name FROM tags WHERE name = ?')
  for (const tag of undo.tags) {
    const holder = holderOf.get(tag.name) as { id: number; name: string } | undefined
    if (holder && !ids.has(holder.id)) throw madeSince(holder.name)
  }
}

/**
 * Puts the tags of a snapshot back exactly: same ids, names, creation times and links. Links made
 * to these tags since the snapshot are replaced by the snapshot's, and links to articles deleted
 * since are skipped. Returns the articles whose tags changed. Call inside a transaction.
 */
export function restoreTags(db: Database, undo: TagUndo): number[] {
  const ids = undo.tags.map((tag) => tag.id)
  const existing = existingTagIds(db, undo)
  refuseTakenNames(db, undo)
  const affected = new Set([
    ...articleIdsOfTags(db, ids),
    ...undo.links.map(([article]) => article)
  ])
  db.prepare('DELETE FROM article_tags WHERE tag_id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(ids)
  )
  // Out of the way first: two snapshot tags may be swapping names (a rename `a` → `b` → `a`).
  // A leading space marks a parked name: normalised names never start with one.
  const park = db.prepare('UPDATE tags SET name = ? WHERE id = ?')
  for (const id of existing) park.run(` restoring ${id}`, id)
  const update = db.prepare('UPDATE tags SET name = ?, created_at = ? WHERE id = ?')
  const insert = db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?)')
  for (const tag of undo.tags) {
    if (existing.has(tag.id)) update.run(tag.name, tag.createdAt, tag.id)
    else insert.run(tag.id, tag.name, tag.createdAt)
  }
  const link = db.prepare(
    `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
     SELECT id, ? FROM articles WHERE id = ?`
  )
  for (const [articleId, tagId] of undo.links) link.run(tagId, articleId)
  return [...affected].sort((left, right) => left - right)
}
