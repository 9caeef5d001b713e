import type { Database } from 'better-sqlite3'
import type { CheckProblem } from '../../../shared/types'

/**
 * Rows that point at something gone. Foreign keys prevent them on Folio's own connections; a tool
 * that opened the file without `foreign_keys=ON`, or a damaged file, can leave them.
 */
interface OrphanKind {
  /** What one row is, and what several are. */
  what: [string, string]
  /** Counts the rows. */
  countSql: string
  /** Repairs derived rows; null for user data, which check never changes. */
  repairSql: string | null
}

const orphanKinds: OrphanKind[] = [
  {
    what: ['image record of an article that is gone', 'image records of articles that are gone'],
    countSql: `SELECT count(*) FROM article_assets aa
      WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = aa.article_id)`,
    repairSql: `DELETE FROM article_assets
      WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = article_assets.article_id)`
  },
  {
    // What `ON DELETE SET NULL` would have done: the job's history stays, its link goes.
    what: ['job pointing at an article that is gone', 'jobs pointing at articles that are gone'],
    countSql: `SELECT count(*) FROM jobs j WHERE j.article_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.article_id)`,
    repairSql: `UPDATE jobs SET article_id = NULL WHERE article_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = jobs.article_id)`
  },
  {
    what: ['article content whose article is gone', 'article contents whose article is gone'],
    countSql: `SELECT count(*) FROM article_contents c
      WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)`,
    repairSql: null
  },
  {
    what: [
      'tag link to an article or a tag that is gone',
      'tag links to articles or tags that are gone'
    ],
    countSql: `SELECT count(*) FROM article_tags l
      WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.article_id)
         OR NOT EXISTS (SELECT 1 FROM tags t WHERE t.id = l.tag_id)`,
    repairSql: null
  }
]

export function orphanProblems(db: Database): CheckProblem[] {
  const problems: CheckProblem[] = []
  for (const kind of orphanKinds) {
    const count = db.prepare(kind.countSql).pluck().get() as number
    if (count === 0) continue
    problems.push({
      area: 'orphans',
      message:
        `The library holds ${count} ${kind.what[count === 1 ? 0 : 1]}.` +
        (kind.repairSql
          ? ''
          : ' Repair leaves them alone (it never deletes contents or tag links); a backup keeps them.'),
      repairable: kind.repairSql !== null
    })
  }
  return problems
}

/** Clears the derived orphans; returns a sentence per kind it repaired. */
export function repairOrphans(db: Database): string[] {
  const done: string[] = []
  for (const kind of orphanKinds) {
    if (!kind.repairSql) continue
    const { changes } = db.prepare(kind.repairSql).run()
    if (changes > 0) done.push(`Cleared ${changes} ${kind.what[changes === 1 ? 0 : 1]}.`)
  }
  return done
}

/** `PRAGMA integrity_check`: the file's own structure (pages, indexes, constraints). */
export function integrityProblems(db: Database): CheckProblem[] {
  const rows = db.pragma('integrity_check(100)', { simple: false }) as { integrity_check: string }[]
  const messages = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok')
  return messages.map((text) => ({
    area: 'integrity',
    message:
      `SQLite reports damage in library.db: ${text}. Repair cannot mend the file itself: ` +
      `make a copy (folio backup) at once, then restore an earlier backup.`,
    repairable: false
  }))
}
