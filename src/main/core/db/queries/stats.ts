import type { Database } from 'better-sqlite3'
import type { LibraryStats } from '../../../../shared/types'
import { schemaVersion } from '../migrate'

export function libraryStats(db: Database): LibraryStats {
  const articles = db
    .prepare(
      `SELECT count(*) AS articles,
              coalesce(sum(state = 'unread'), 0) AS unread,
              coalesce(sum(state = 'read'), 0) AS read,
              coalesce(sum(state = 'archived'), 0) AS archived,
              coalesce(sum(favorite), 0) AS favorites,
              coalesce(sum(capture_status = 'failed'), 0) AS failed
       FROM articles`
    )
    .get() as Omit<LibraryStats, 'tags' | 'assets' | 'assetBytes' | 'schemaVersion'>
  const { tags } = db.prepare('SELECT count(*) AS tags FROM tags').get() as { tags: number }
  const assets = db
    .prepare('SELECT count(*) AS assets, coalesce(sum(size), 0) AS assetBytes FROM assets')
    .get() as { assets: number; assetBytes: number }
  return { ...articles, tags, ...assets, schemaVersion: schemaVersion(db) }
}
