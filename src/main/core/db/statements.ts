import type { Database, Statement } from 'better-sqlite3'

const cache = new WeakMap<Database, Map<string, Statement>>()

/**
 * The prepared statement for `sql` on this database, prepared once. For SQL run once per row of
 * a large batch (an import's 20,000 rows, indexing each): prepare() costs ~13 µs, more than
 * many of the statements it prepares, and was a fifth of an import's time. SQLite re-prepares a
 * statement by itself when the schema changes under it. A caller that calls `pluck()` or
 * `raw()` on it changes it for every caller of the same SQL: keep such SQL to one place.
 */
export function cachedStatement(db: Database, sql: string): Statement {
  let statements = cache.get(db)
  if (!statements) cache.set(db, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = db.prepare(sql)))
  return statement
}
