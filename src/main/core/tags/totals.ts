import type { Database } from 'better-sqlite3'
import { allTags } from '../db/queries/tags'
import { ancestorNames, tagKey } from './names'

/**
 * How many distinct articles lie at or beneath each node of the tag tree, kept in memory.
 *
 * Computing the totals means looking at every article's set of tags (an article tagged
 * `research` and `research/llm` counts once for `research`): 0.3–1.6 s for 300,000 links (bench:tags),
 * far over the 50 ms a sidebar refresh may take; even the own counts (GROUP BY tag_id) took 15–58 ms. So the totals are computed once, then moved by the
 * tag operations themselves: each says which articles it touches, and the totals change by those
 * articles' coverage before and after. Changes made any other way (capture's tags, deleted
 * articles, another process) are noticed through a change stamp, and the next read recomputes.
 */
export interface TagCounts {
  /** Articles per tag id, tagged with exactly that tag. */
  own: Map<number, number>
  /** Distinct articles at or beneath each node, keyed by `tagKey(name)`. */
  totals: Map<string, number>
}

export interface TagTotals {
  read(): TagCounts
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

/**
 * Adds (`sign` 1) or takes away (-1) what the given articles, or (null) all of them, contribute:
 * one for each node an article's tags reach, one per link to each tag's own count. Rows come in
 * article order, so one set of nodes is live at a time, not one per article.
 */
function addCoverage(
  db: Database,
  counts: TagCounts,
  articles: number[] | null,
  sign: 1 | -1
): void {
  const nodesOfTag = new Map<number, string[]>()
  for (const row of allTags(db)) {
    nodesOfTag.set(row.id, [row.name, ...ancestorNames(row.name)].map(tagKey))
  }
  const statement =
    articles === null
      ? db.prepare('SELECT article_id, tag_id FROM article_tags ORDER BY article_id')
      : db
          .prepare(
            `SELECT article_id, tag_id FROM article_tags
             WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id`
          )
          .bind(JSON.stringify(articles))
  const { own, totals } = counts
  const reached = new Set<string>()
  const settle = (): void => {
    for (const node of reached) totals.set(node, (totals.get(node) ?? 0) + sign)
    reached.clear()
  }
  let current = -1
  for (const [articleId, tagId] of statement.raw().iterate() as Iterable<[number, number]>) {
    if (articleId !== current) {
      settle()
      current = articleId
    }
    for (const node of nodesOfTag.get(tagId) ?? []) reached.add(node)
    own.set(tagId, (own.get(tagId) ?? 0) + sign)
  }
  settle()
}

export function createTagTotals(db: Database): TagTotals {
  const stamp = installStamp(db)
  let cache: (TagCounts & { stamp: string }) | null = null

  function read(): TagCounts {
    const current = stamp()
    if (cache?.stamp !== current) {
      const counts: TagCounts = { own: new Map(), totals: new Map() }
      addCoverage(db, counts, null, 1)
      cache = { stamp: current, ...counts }
    }
    return cache
  }

  function track<T>(articles: number[], change: () => T, touched: (result: T) => number[]): T {
    const trusted = cache?.stamp === stamp() ? cache : null
    const counts: TagCounts | null = trusted
      ? { own: new Map(trusted.own), totals: new Map(trusted.totals) }
      : null
    if (counts) addCoverage(db, counts, articles, -1)
    const result = change()
    const covered = new Set(articles)
    if (!counts || touched(result).some((id) => !covered.has(id))) {
      cache = null
      return result
    }
    addCoverage(db, counts, articles, 1)
    // Still inside the transaction: the caller forgets these counts if it rolls back.
    cache = { stamp: stamp(), ...counts }
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
