import type { Database } from 'better-sqlite3'
import type { CheckProblem } from '../../../shared/types'

/**
 * Every node of the tag tree as the rows of `tags` and `article_tags` alone say it should be: a
 * tag's name and each name above it (`a/b/c` → `a/b`, `a`), through `tag_name_positions` as
 * migration 0004 does, with the articles reaching it counted once.
 */
const expectedNodesSql = `
  WITH above (tag_id, name) AS (
    SELECT id, name FROM tags
    UNION SELECT t.id, substr(t.name, 1, p.n - 1) FROM tags t JOIN tag_name_positions p
      ON p.n <= length(t.name) AND substr(t.name, p.n, 1) = '/'
  )
  SELECT above.name COLLATE NOCASE AS name, count(DISTINCT link.article_id) AS total
  FROM above LEFT JOIN article_tags link ON link.tag_id = above.tag_id
  GROUP BY above.name COLLATE NOCASE`

interface CountMismatch {
  name: string
  stored: number | null
  counted: number | null
}

/** Tags whose own count, and tree nodes whose total, differ from a recount (or are missing). */
export function tagCountMismatches(db: Database): CountMismatch[] {
  const own = db
    .prepare(
      `SELECT name, article_count AS stored, counted FROM (
         SELECT t.name, t.article_count,
           (SELECT count(*) FROM article_tags WHERE tag_id = t.id) AS counted FROM tags t)
       WHERE article_count IS NOT counted`
    )
    .all() as CountMismatch[]
  const totals = db
    .prepare(
      `WITH expected AS (${expectedNodesSql})
       SELECT e.name, n.total AS stored, e.total AS counted
         FROM expected e LEFT JOIN tag_nodes n ON n.name = e.name
         WHERE n.total IS NOT e.total
       UNION ALL
       SELECT n.name, n.total, NULL FROM tag_nodes n
         WHERE n.name NOT IN (SELECT name FROM expected)`
    )
    .all() as CountMismatch[]
  return [
    ...own.map((row) => ({ ...row, name: `${row.name} (its own articles)` })),
    ...totals.map((row) => ({ ...row, name: `${row.name} (with everything beneath it)` }))
  ]
}

export function tagProblems(mismatches: CountMismatch[]): CheckProblem[] {
  const shown = mismatches.slice(0, 20).map((row): CheckProblem => ({
    area: 'tags',
    message:
      row.counted === null
        ? `The tag tree keeps a node "${row.name}" that no tag has.`
        : `Tag "${row.name}" shows ${row.stored ?? 'no'} article${row.stored === 1 ? '' : 's'} but has ${row.counted}.`,
    repairable: true
  }))
  if (mismatches.length > shown.length) {
    shown.push({
      area: 'tags',
      message: `${mismatches.length - shown.length} more tag counts differ from a recount.`,
      repairable: true
    })
  }
  return shown
}

/**
 * Counts everything again from `tags` and `article_tags`, as migration 0004 first did: the tree
 * nodes, each tag's closure, the articles reaching each node, and both counts. Touches only these
 * derived tables and `tags.article_count`, never a tag or a link.
 */
export function recountTags(db: Database): void {
  db.exec(`
    DELETE FROM article_nodes;
    DELETE FROM tag_ancestors;
    DELETE FROM tag_nodes;
    INSERT OR IGNORE INTO tag_nodes (name)
      SELECT name FROM tags
      UNION SELECT substr(t.name, 1, p.n - 1) FROM tags t JOIN tag_name_positions p
        ON p.n <= length(t.name) AND substr(t.name, p.n, 1) = '/';
    INSERT OR IGNORE INTO tag_ancestors (tag_id, node_id)
      SELECT above.id, node.id FROM (
        SELECT id, name FROM tags
        UNION ALL SELECT t.id, substr(t.name, 1, p.n - 1) FROM tags t JOIN tag_name_positions p
          ON p.n <= length(t.name) AND substr(t.name, p.n, 1) = '/'
      ) above JOIN tag_nodes node ON node.name = above.name COLLATE NOCASE;
    UPDATE tags SET article_count = (SELECT count(*) FROM article_tags WHERE tag_id = tags.id);
    INSERT INTO article_nodes (node_id, article_id, links)
      SELECT closure.node_id, link.article_id, count(*)
      FROM article_tags link JOIN tag_ancestors closure ON closure.tag_id = link.tag_id
      GROUP BY closure.node_id, link.article_id;
    UPDATE tag_nodes SET total = (SELECT count(*) FROM article_nodes WHERE node_id = tag_nodes.id);
  `)
}
