import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'

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
  const existing = db.prepare('SELECT id FROM tags WHERE name = ?').get(normalized) as
    { id: number } | undefined
  if (existing) return existing.id
  return Number(
    db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(normalized, now)
      .lastInsertRowid
  )
}

export function addTagsToArticle(db: Database, articleId: number, names: string[]): void {
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
  for (const name of names) link.run(articleId, ensureTag(db, name))
}

/** The row of `tags` as SQLite returns it. */
export interface TagRow {
  id: number
  name: string
  createdAt: number
}

/** Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * SQL over a tag name column matching `name` and every tag beneath it (`research` matches
 * `research/llm`), with its two bound values. Both `=` on the NOCASE column and LIKE ignore ASCII
 * case, so the hierarchy agrees with the unique index on names.
 */
export function subtreeCondition(column: string, name: string): { sql: string; params: string[] } {
  return {
    sql: `(${column} = ? OR ${column} LIKE ? ESCAPE '\\')`,
    params: [name, `${likeLiteral(name)}/%`]
  }
}

export function findTag(db: Database, name: string): TagRow | undefined {
  return db
    .prepare('SELECT id, name, created_at AS createdAt FROM tags WHERE name = ?')
    .get(name) as TagRow | undefined
}

/** The tag called `name` and every tag beneath it. */
export function tagSubtree(db: Database, name: string): TagRow[] {
  const condition = subtreeCondition('name', name)
  return db
    .prepare(`SELECT id, name, created_at AS createdAt FROM tags WHERE ${condition.sql}`)
    .all(...condition.params) as TagRow[]
}

/** A node of the tag tree with its stored counts (migration 0004). */
export interface TagNodeRow {
  /** The node's name as stored: the spelling of the tag that made it. */
  node: string
  /** The tag of this name; null for an implicit parent (`a` of `a/b` when no tag is `a`). */
  id: number | null
  name: string | null
  /** Articles carrying the tag itself. */
  count: number | null
  /** Articles carrying it or a tag beneath it. */
  total: number
}

/**
 * Every node of the tag tree with its counts, in tree order (`a`, `a/b`, `a/b/c`, `a b`: with `/`
 * replaced by the lowest character, plain order is tree order), ignoring ASCII case as NOCASE
 * does. The counts are stored, kept by triggers, so this never counts links.
 */
export function tagTree(db: Database): TagNodeRow[] {
  return db
    .prepare(
      `SELECT n.name AS node, t.id, t.name, t.article_count AS count, n.total
       FROM tag_nodes n LEFT JOIN tags t ON t.name = n.name
       ORDER BY replace(lower(n.name), '/', char(1))`
    )
    .all() as TagNodeRow[]
}

/** Ids of the articles carrying any of these tags. */
export function articleIdsOfTags(db: Database, tagIds: number[]): number[] {
  if (tagIds.length === 0) return []
  const rows = db
    .prepare(
      `SELECT DISTINCT article_id AS id FROM article_tags
       WHERE tag_id IN (SELECT value FROM json_each(?)) ORDER BY article_id`
    )
    .all(JSON.stringify(tagIds)) as { id: number }[]
  return rows.map((row) => row.id)
}

/** Every (article, tag) link of these tags, as `[articleId, tagId]` pairs. */
export function linksOfTags(db: Database, tagIds: number[]): [number, number][] {
  if (tagIds.length === 0) return []
  const rows = db
    .prepare(
      `SELECT article_id AS articleId, tag_id AS tagId FROM article_tags
       WHERE tag_id IN (SELECT value FROM json_each(?)) ORDER BY tag_id, article_id`
    )
    .all(JSON.stringify(tagIds)) as { articleId: number; tagId: number }[]
  return rows.map((row) => [row.articleId, row.tagId])
}

/** Gives every article of tag `fromId` the tag `toId`, then deletes tag `fromId`. */
export function mergeTagInto(db: Database, fromId: number, toId: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
     SELECT article_id, ? FROM article_tags WHERE tag_id = ?`
  ).run(toId, fromId)
  db.prepare('DELETE FROM tags WHERE id = ?').run(fromId)
}

/**
 * Renames the tree's nodes at and beneath `from` to lie at and beneath `to`, when no node is there
 * yet: a whole subtree moving to a free place takes its nodes and their stored totals along, so
 * the renames of its tags that follow only move their links on the nodes above (the tags_rename
 * trigger of migration 0004). Without it the counts come out the same, only slower.
 */
export function moveTagNodes(db: Database, from: string, to: string): void {
  const source = subtreeCondition('name', from)
  const target = subtreeCondition('name', to)
  db.prepare(
    `UPDATE tag_nodes SET name = ? || substr(name, ?) WHERE ${source.sql}
     AND NOT EXISTS (SELECT 1 FROM tag_nodes WHERE ${target.sql})`
  ).run(to, [...from].length + 1, ...source.params, ...target.params)
}

export function setTagName(db: Database, id: number, name: string): void {
  db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(name, id)
}

/** Deletes tags by id; their links go with them (ON DELETE CASCADE). */
export function deleteTagsById(db: Database, ids: number[]): void {
  db.prepare('DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(ids)
  )
}

/** Article ids among `ids` that do not exist. */
export function missingArticleIds(db: Database, ids: number[]): number[] {
  const rows = db
    .prepare(`SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM articles)`)
    .all(JSON.stringify(ids)) as { id: number }[]
  return rows.map((row) => row.id)
}
