import type { Database } from 'better-sqlite3'
import type { TagInfo } from '../../../shared/types'
import { tagCounts } from '../db/queries/tags'
import type { TagCountRow } from '../db/queries/tags'
import { tagKey, tagSeparator } from './names'

interface TreeNode {
  name: string
  id: number | null
  count: number
}

/**
 * Every node of the tree, keyed by `tagKey`: the rows, and the parents their names imply. A node
 * is only ever added with all its ancestors, so the walk up a name stops at the first known one.
 */
function collectNodes(rows: TagCountRow[]): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>()
  for (const row of rows) {
    const key = tagKey(row.name)
    const known = nodes.has(key)
    // A row's own spelling wins over the spelling a child's prefix gave an implicit parent.
    nodes.set(key, { name: row.name, id: row.id, count: row.count })
    if (known) continue
    for (
      let end = key.lastIndexOf(tagSeparator);
      end > 0;
      end = key.lastIndexOf(tagSeparator, end - 1)
    ) {
      const ancestor = key.slice(0, end)
      if (nodes.has(ancestor)) break
      nodes.set(ancestor, { name: row.name.slice(0, end), id: null, count: 0 })
    }
  }
  return nodes
}

function depthOf(key: string): number {
  let depth = 0
  for (
    let index = key.indexOf(tagSeparator);
    index >= 0;
    index = key.indexOf(tagSeparator, index + 1)
  ) {
    depth += 1
  }
  return depth
}

/**
 * The whole tag tree with counts, in tree order (`a`, `a/b`, `a/b/c`, `a b`), from the counts the
 * database keeps (tags.article_count, tag_nodes.total: migration 0004).
 */
export function listTags(db: Database): TagInfo[] {
  const counts = tagCounts(db)
  const nodes = collectNodes(counts.tags)
  const totals = new Map(counts.nodes.map((node) => [tagKey(node.name), node.total]))
  const list: { order: string; info: TagInfo }[] = []
  for (const [key, node] of nodes) {
    const cut = key.lastIndexOf(tagSeparator)
    list.push({
      // With the separator as the lowest character, plain string order is tree order.
      order: key.replaceAll(tagSeparator, '\u0001'),
      info: {
        name: node.name,
        label: node.name.slice(cut + 1),
        // The parent's spelling as the tree shows it, which may differ in case from this prefix.
        parent: cut < 0 ? null : (nodes.get(key.slice(0, cut))?.name ?? null),
        depth: depthOf(key),
        id: node.id,
        count: node.count,
        total: totals.get(key) ?? 0
      }
    })
  }
  list.sort((left, right) => (left.order < right.order ? -1 : left.order > right.order ? 1 : 0))
  return list.map((entry) => entry.info)
}
