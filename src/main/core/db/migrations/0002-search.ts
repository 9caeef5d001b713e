import type { Migration } from '../migrate'
import { createFtsTableSql, createMetadataTableSql } from '../../search/fts'
import { rebuildIndex } from '../../search/rebuild'

/**
 * The full-text index of DESIGN.md §4 (see search/fts.ts for its shape). Articles saved before
 * this version are indexed right away, inside the migration's transaction.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(createFtsTableSql)
    db.exec(createMetadataTableSql)
    rebuildIndex(db)
  }
}
