import type { Database } from 'better-sqlite3'
import type { TagInfo } from '../../src/shared/types'

/** ASCII letters lower-cased, as SQLite's NOCASE compares names. */
const key = (name: string): string => name.replace(/[A-Z]/g, (letter) => letter.toLowerCase())

/**
 * `name → own/total` for every node of the tree, counted from scratch from the rows of `tags` and
 * `article_tags` alone: a node is a tag's name or a name above one; its total counts each article
 * with a tag at or beneath it once.
 */
export function recountTags(db: Database): Record<string, string> {
  const tags = db.prepare('SELECT id, name FROM tags').all() as { id: number; name: string }[]
  const links = db.prepare('SELECT article_id, tag_id FROM article_tags').raw().all() as [
    number,
    number
  ][]
  const own = new Map<string, number>()
  const reached = new Map<string, Set<number>>()
  const nameOf = new Map(tags.map((tag) => [tag.id, tag.name]))
  for (const { name } of tags) {
    const parts = name.split('/')
    own.set(key(name), 0)
    for (let depth = 1; depth <= parts.length; depth += 1) {
      reached.set(key(parts.slice(0, depth).join('/')), new Set())
    }
  }
  for (const [articleId, tagId] of links) {
    const name = nameOf.get(tagId)!
    own.set(key(name), (own.get(key(name)) ?? 0) + 1)
    const parts = name.split('/')
    for (let depth = 1; depth <= parts.length; depth += 1) {
      reached.get(key(parts.slice(0, depth).join('/')))!.add(articleId)
    }
  }
  const counts: Record<string, string> = {}
  for (const [node, articles] of [...reached].sort(([left], [right]) => (left < right ? -1 : 1))) {
    counts[node] = `${own.get(node) ?? 0}/${articles.size}`
  }
  return counts
}

/** The same picture of what `tags.list` shows. */
export function listedCounts(tree: TagInfo[]): Record<string, string> {
  const counts: Record<string, string> = {}
  for (const node of [...tree].sort((left, right) => (key(left.name) < key(right.name) ? -1 : 1))) {
    counts[key(node.name)] = `${node.count}/${node.total}`
  }
  return counts
}
