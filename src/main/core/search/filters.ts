import type { QueryFilters } from '../../../shared/query'

/** A SQL condition over `articles a` with its bound values. */
export interface SqlCondition {
  sql: string
  params: (string | number)[]
}

/** Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`. */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`)
}

function tagCondition(tag: string): SqlCondition {
  // `tag:research` also matches `research/llm`: the articles of the tree node `research` (kept by
  // migration 0004's triggers); node names compare case-insensitively (NOCASE).
  return {
    sql: `EXISTS (SELECT 1 FROM article_nodes
      WHERE node_id = (SELECT id FROM tag_nodes WHERE name = ?) AND article_id = a.id)`,
    params: [tag]
  }
}

function siteCondition(site: string): SqlCondition {
  return {
    sql: `(lower(a.site) = ? OR lower(a.site) LIKE ? ESCAPE '\\')`,
    params: [site, `%.${likeLiteral(site)}`]
  }
}

function langCondition(langs: string[]): SqlCondition {
  const sql = langs.map(() => `(lower(a.lang) = ? OR lower(a.lang) LIKE ? ESCAPE '\\')`)
  return {
    sql: `(${sql.join(' OR ')})`,
    params: langs.flatMap((lang) => [lang, `${likeLiteral(lang)}-%`])
  }
}

function urlCondition(needle: string): SqlCondition {
  const pattern = `%${likeLiteral(needle)}%`
  return {
    sql: `(a.url LIKE ? ESCAPE '\\' OR a.canonical_url LIKE ? ESCAPE '\\')`,
    params: [pattern, pattern]
  }
}

/** A note of the article's own, or on one of its highlights (blank notes are stored as NULL). */
const hasNoteSql = `(a.note IS NOT NULL
  OR EXISTS (SELECT 1 FROM highlights WHERE article_id = a.id AND note IS NOT NULL))`

/** All filters ANDed; several states or languages are alternatives (`is:read is:archived`). */
export function filterConditions(filters: QueryFilters): SqlCondition[] {
  const conditions: SqlCondition[] = [
    ...filters.tags.map(tagCondition),
    ...filters.sites.map(siteCondition),
    ...filters.urls.map(urlCondition)
  ]
  if (filters.states.length > 0) {
    conditions.push({
      sql: `a.state IN (${filters.states.map(() => '?').join(', ')})`,
      params: [...filters.states]
    })
  }
  if (filters.favorite) conditions.push({ sql: 'a.favorite = 1', params: [] })
  if (filters.langs.length > 0) conditions.push(langCondition(filters.langs))
  if (filters.hasHighlights) {
    conditions.push({
      sql: 'EXISTS (SELECT 1 FROM highlights WHERE article_id = a.id)',
      params: []
    })
  }
  if (filters.hasNote) conditions.push({ sql: hasNoteSql, params: [] })
  // `in:highlights` without words: the articles it could find something in.
  if (filters.inHighlights) {
    conditions.push({
      sql: `(${hasNoteSql} OR EXISTS (SELECT 1 FROM highlights WHERE article_id = a.id))`,
      params: []
    })
  }
  if (filters.before !== null) conditions.push({ sql: 'a.saved_at < ?', params: [filters.before] })
  if (filters.after !== null) conditions.push({ sql: 'a.saved_at >= ?', params: [filters.after] })
  return conditions
}

export function joinConditions(conditions: SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '1', params: [] }
  return {
    sql: conditions.map((condition) => condition.sql).join(' AND '),
    params: conditions.flatMap((condition) => condition.params)
  }
}
