import type { Database } from 'better-sqlite3'
import { allTags } from '../db/queries/tags'
import { ancestorNames, tagKey } from './names'

/**
 * How many distinct articles lie at or beneath each node of the tag tree, kept in memory.
 *
 * Computing the totals means looking at every article's set of tags (an article tagged
 * `research` and `research/llm` counts once for `research`): about 300 ms for 300,000 links, far
 * over the 50 ms a sidebar refresh may take. So the totals are computed once, then moved by the
 * tag operations themselves: each says which articles it touches, and the totals change by those
 * articles' coverage before and after. Changes made any other way (capture's tags, deleted
 * articles, another process) are noticed through a change stamp, and the next read recomputes.
 */
export interface TagTotals {
  /** Distinct articles per node, keyed by `tagKey(name)`. */
  read(): Map<string, number>
  /**
   * Runs `change` (inside the caller's transaction) and moves the totals by the coverage of
   * `articles` before and after it. `touched` names the articles the change reports; one outside
   * `articles` means the totals cannot be trusted, and they are recomputed on the next read.
   */
  track<T>(articles: number[], change: () => T, touched: (result: T) => number[]): T
  /** Forgets the totals: for a transaction that rolled back after `track` moved them. */
  forget(): void
}

/** The change stamp: temp triggers count this connection's writes; data_version, other ones'. */
function installStamp(db: Database): () => string {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS folio_tag_writes (id INTEGER PRIMARY KEY, count INTEGER NOT NULL);
    INSERT OR IGNORE INTO folio_tag_writes (id, count) VALUES (1, 0);`)
  const watched = [
    ['article_tags', 'INSERT'],
    ['article_tags', 'DELETE'],
    ['article_tags', 'UPDATE'],
    ['tags', 'DELETE'],
    ['tags', 'UPDATE'],
    // Deleting an article removes its links by cascade; count it whether or not that fires.
    ['articles', 'DELETE']
  ]
  for (const [table, event] of watched) {
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS folio_tag_writes_${table}_${event.toLowerCase()}
      AFTER ${event} ON main.${table}
      BEGIN UPDATE folio_tag_writes SET count = count + 1 WHERE id = 1; END`)
  }
  const writes = db.prepare('SELECT count FROM folio_tag_writes WHERE id = 1').pluck()
  const dataVersion = db.prepare('PRAGMA data_version').pluck()
  return () => `${String(dataVersion.get())}:${String(writes.get())}`
}

/** Node keys covered by each article's tags, for the given articles or (null) all of them. */
function coverage(db: Database, articles: number[] | null): Map<number, Set<string>> {
  const nodesOfTag = new Map<number, string[]>()
  for (const row of allTags(db)) {
    nodesOfTag.set(row.id, [row.name, ...ancestorNames(row.name)].map(tagKey))
  }
  const statement =
    articles === null
      ? db.prepare('SELECT article_id, tag_id FROM article_tags')
      : db
          .prepare(
            `SELECT article_id, tag_id FROM article_tags
             WHERE article_id IN (SELECT value FROM json_each(?))`
          )
          .bind(JSON.stringify(articles))
  const result = new Map<number, Set<string>>()
  for (const [articleId, tagId] of statement.raw().iterate() as Iterable<[number, number]>) {
    let nodes = result.get(articleId)
    if (!nodes) result.set(articleId, (nodes = new Set()))
    for (const node of nodesOfTag.get(tagId) ?? []) nodes.add(node)
  }
  return result
}

function addCoverage(totals: Map<string, number>, nodes: Iterable<string>, sign: 1 | -1): void {
  for (const node of nodes) totals.set(node, (totals.get(node) ?? 0) + sign)
}

export function createTagTotals(db: Database): TagTotals {
  const stamp = installStamp(db)
  let cache: { stamp: string; totals: Map<string, number> } | null = null

  function read(): Map<string, number> {
    const current = stamp()
    if (cache?.stamp !== current) {
      const totals = new Map<string, number>()
      for (const nodes of coverage(db, null).values()) addCoverage(totals, nodes, 1)
      cache = { stamp: current, totals }
    }
    return cache.totals
  }

  function track<T>(articles: number[], change: () => T, touched: (result: T) => number[]): T {
    const trusted = cache?.stamp === stamp() ? cache : null
    const before = trusted ? coverage(db, articles) : null
    const result = change()
    const covered = new Set(articles)
    if (!trusted || !before || touched(result).some((id) => !covered.has(id))) {
      cache = null
      return result
    }
    const totals = new Map(trusted.totals)
    for (const nodes of before.values()) addCoverage(totals, nodes, -1)
    for (const nodes of coverage(db, articles).values()) addCoverage(totals, nodes, 1)
    // Still inside the transaction: the caller forgets these totals if it rolls back.
    cache = { stamp: stamp(), totals }
    return result
  }

  return {
    read,
    track,
    forget: () => {
      cache = null
    }
  }
}
