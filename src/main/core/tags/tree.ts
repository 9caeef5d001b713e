import type { Database } from 'better-sqlite3'
import type { TagInfo } from '../../../shared/types'
import { tagTree } from './queries'
import { tagKey, tagSeparator } from '../../../shared/tags'

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
 * The whole tag tree with counts, in tree order (`a`, `a/b`, `a/b/c`, `a b`), from the nodes and
 * counts the database keeps (migration 0004).
 */
export function listTags(db: Database): TagInfo[] {
  const rows = tagTree(db)
  // A tag shows its own spelling; an implicit parent the spelling of the first tag beneath it,
  // which follows it in tree order.
  const names: string[] = new Array<string>(rows.length)
  let below = ''
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index]
    names[index] = below = row.name ?? below.slice(0, row.node.length)
  }
  const nameOf = new Map(names.map((name) => [tagKey(name), name]))
  return rows.map((row, index) => {
    const name = names[index]
    const cut = name.lastIndexOf(tagSeparator)
    return {
      name,
      label: name.slice(cut + 1),
      // The parent's spelling as the tree shows it, which may differ in case from this prefix.
      parent: cut < 0 ? null : (nameOf.get(tagKey(name.slice(0, cut))) ?? null),
      depth: depthOf(name),
      id: row.id,
      count: row.count ?? 0,
      total: row.total
    }
  })
}
