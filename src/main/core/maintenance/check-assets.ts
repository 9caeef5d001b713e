import type { Database } from 'better-sqlite3'
import { assetReferencePattern } from '../../../shared/web'
import type { CheckProblem } from '../../../shared/types'
import { listed } from './check-index'

// 500 articles' reader HTML (a few MB) at a time: the scan never holds the library's HTML at once.
const scanBatchSize = 500

const referencesTable = 'temp.check_asset_references'

/**
 * Collects every `folio-asset://<sha256>` of every article's reader HTML, with the lead images
 * and the `article_assets` rows, into a temporary table (the references of 100k articles would
 * be ~100 MB as JS strings). The caller drops it with `forgetAssetReferences`.
 */
export function collectAssetReferences(db: Database): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS check_asset_references (
    sha256 TEXT NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (sha256, article_id)
  ) WITHOUT ROWID; DELETE FROM ${referencesTable};`)
  const insert = db.prepare(`INSERT OR IGNORE INTO ${referencesTable} VALUES (?, ?)`)
  const page = db.prepare(
    `SELECT article_id AS id, content_html AS html FROM article_contents
     WHERE article_id > ? AND content_html LIKE '%folio-asset://%' ORDER BY article_id LIMIT ?`
  )
  let lastId = 0
  for (;;) {
    const rows = page.all(lastId, scanBatchSize) as { id: number; html: string }[]
    if (rows.length === 0) break
    db.transaction(() => {
      for (const { id, html } of rows) {
        for (const match of html.matchAll(assetReferencePattern)) insert.run(match[1], id)
      }
    })()
    lastId = rows[rows.length - 1].id
  }
  db.exec(`INSERT OR IGNORE INTO ${referencesTable}
    SELECT lead_image_sha256, id FROM articles WHERE lead_image_sha256 IS NOT NULL;
    INSERT OR IGNORE INTO ${referencesTable}
    SELECT sha256, article_id FROM article_assets WHERE sha256 IS NOT NULL`)
}

export function forgetAssetReferences(db: Database): void {
  db.exec('DROP TABLE IF EXISTS temp.check_asset_references')
}

interface MissingAssets {
  id: number
  title: string | null
  url: string | null
  missing: number
}

/** Articles whose HTML, lead image or image list names an asset the library does not hold. */
export function articlesWithMissingAssets(db: Database): MissingAssets[] {
  return db
    .prepare(
      `SELECT r.article_id AS id, a.title, a.url, count(*) AS missing
       FROM ${referencesTable} r LEFT JOIN articles a ON a.id = r.article_id
       WHERE NOT EXISTS (SELECT 1 FROM assets WHERE assets.sha256 = r.sha256)
       GROUP BY r.article_id ORDER BY r.article_id`
    )
    .all() as MissingAssets[]
}

/** Assets nothing refers to: no article's HTML, lead image or image list. */
export function unusedAssets(db: Database): string[] {
  return db
    .prepare(
      `SELECT sha256 FROM assets WHERE NOT EXISTS
         (SELECT 1 FROM ${referencesTable} r WHERE r.sha256 = assets.sha256)`
    )
    .pluck()
    .all() as string[]
}

export function deleteAssets(db: Database, sha256s: string[]): number {
  return db
    .prepare('DELETE FROM assets WHERE sha256 IN (SELECT value FROM json_each(?))')
    .run(JSON.stringify(sha256s)).changes
}

export function assetProblems(missing: MissingAssets[], unused: string[]): CheckProblem[] {
  const problems = missing.slice(0, 20).map((row): CheckProblem => ({
    area: 'assets',
    message:
      `Article ${row.id} ("${row.title || row.url}") refers to ${row.missing} image${row.missing === 1 ? '' : 's'} ` +
      `the library does not hold; repair cannot make images up: save its address again ` +
      `(folio save ${row.url ?? 'URL'}) to download them, or restore a backup.`,
    repairable: false
  }))
  if (missing.length > problems.length) {
    problems.push({
      area: 'assets',
      message: `${missing.length - problems.length} more articles refer to images the library does not hold.`,
      repairable: false
    })
  }
  if (unused.length > 0) {
    const count = unused.length === 1 ? '1 image is' : `${unused.length} images are`
    problems.push({
      area: 'orphans',
      message: `${count} stored that no article uses (${listed(unused.map((sha) => sha.slice(0, 12)))}).`,
      repairable: true
    })
  }
  return problems
}
