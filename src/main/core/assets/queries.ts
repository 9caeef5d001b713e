import type { Database } from 'better-sqlite3'

/** An image of the library, as the doors serve it. */
export interface StoredAsset {
  mime: string
  bytes: Buffer
}

export function readAsset(db: Database, sha256: string): StoredAsset | null {
  return (
    (db.prepare('SELECT mime, bytes FROM assets WHERE sha256 = ?').get(sha256) as
      StoredAsset | undefined) ?? null
  )
}

/** Deletes the image blobs no article links to any more; returns how many went. */
export function deleteUnusedAssets(db: Database): number {
  return db
    .prepare(
      `DELETE FROM assets WHERE NOT EXISTS
         (SELECT 1 FROM article_assets aa WHERE aa.sha256 = assets.sha256)`
    )
    .run().changes
}
