import type { Database } from 'better-sqlite3'
import type { TagInfo } from '../../../shared/types'
import { allTags, articleCountsByTag } from '../db/queries/tags'
import type { TagRow } from '../db/queries/tags'
import { ancestorNames, compareTagNames, lastSegment, parentName, tagKey } from './names'

interface TreeNode {
  name: string
  id: number | null
  count: number
  /** Ids of the tag rows at or beneath this node. */
  tagIds: number[]
}

/** Every node of the tree, keyed by `tagKey`: the rows, and the parents their names imply. */
function collectNodes(rows: TagRow[], counts: Map<number, number>): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>()
  const nodeFor = (name: string): TreeNode => {
    const key = tagKey(name)
    let node = nodes.get(key)
    if (!node) {
      node = { name, id: null, count: 0, tagIds: [] }
      nodes.set(key, node)
    }
    return node
  }
  for (const row of rows) {
    const own = nodeFor(row.name)
    // A row's own spelling wins over the spelling a child's prefix gave an implicit parent.
    Object.assign(own, { name: row.name, id: row.id, count: counts.get(row.id) ?? 0 })
    own.tagIds.push(row.id)
    for (const ancestor of ancestorNames(row.name)) nodeFor(ancestor).tagIds.push(row.id)
  }
  return nodes
}

/**
 * Distinct articles beneath each parent node, in one query. An article tagged both `research`
 * and `research/llm` counts once for `research`, so totals cannot be sums of counts. Leaves need
 * no query: their total is their count.
 */
function parentTotals(db: Database, nodes: Map<string, TreeNode>): Map<string, number> {
  const pairs: [string, number][] = []
  for (const [key, node] of nodes) {
    if (node.tagIds.length > 1 || node.id === null) {
      for (const tagId of node.tagIds) pairs.push([key, tagId])
    }
  }
  if (pairs.length === 0) return new Map()
  const rows = db
    .prepare(
      `WITH beneath(node, tag_id) AS (
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)
       )
       SELECT beneath.node AS node, count(DISTINCT at.article_id) AS total
       FROM beneath JOIN article_tags at ON at.tag_id = beneath.tag_id
       GROUP BY beneath.node`
    )
    .all(JSON.stringify(pairs)) as { node: string; total: number }[]
  return new Map(rows.map((row) => [row.node, row.total]))
}

/** The whole tag tree with counts, in tree order (`a`, `a/b`, `a/b/c`, `b`). */
export function listTags(db: Database): TagInfo[] {
  const nodes = collectNodes(allTags(db), articleCountsByTag(db))
  const totals = parentTotals(db, nodes)
  const list = [...nodes.entries()].map(([key, node]): TagInfo => {
    const parent = parentName(node.name)
    return {
      name: node.name,
      label: lastSegment(node.name),
      // The parent's spelling as the tree shows it, which may differ in case from this prefix.
      parent: parent === null ? null : (nodes.get(tagKey(parent))?.name ?? parent),
      depth: ancestorNames(node.name).length,
      id: node.id,
      count: node.count,
      total: totals.get(key) ?? node.count
    }
  })
  return list.sort((left, right) => compareTagNames(left.name, right.name))
}
