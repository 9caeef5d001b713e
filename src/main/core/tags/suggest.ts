import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'
import type { TagSuggestion } from '../../../shared/types'
import { normalizeTagName } from './queries'
import { tagKey } from '../../../shared/tags'

interface SuggestionSource {
  site: string | null
  keywords: string[]
  tags: string[]
}

function readSource(db: Database, articleId: number): SuggestionSource {
  const row = db
    .prepare(
      `SELECT site, keywords,
         (SELECT json_group_array(t.name) FROM article_tags at JOIN tags t ON t.id = at.tag_id
          WHERE at.article_id = articles.id) AS tags
       FROM articles WHERE id = ?`
    )
    .get(articleId) as { site: string | null; keywords: string; tags: string } | undefined
  if (!row)
    throw new FolioError('not_found', `There is no article with id ${articleId} in this library.`)
  return {
    site: row.site,
    keywords: parseKeywords(row.keywords),
    tags: JSON.parse(row.tags) as string[]
  }
}

/** Capture stores keywords as a JSON array; anything else (an old or hand-edited row) is none. */
function parseKeywords(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : []
  } catch {
    return []
  }
}

/** Keywords as tag names; keywords that cannot be names (empty, overlong) are left out. */
function keywordNames(keywords: string[]): string[] {
  return keywords.flatMap((keyword) => {
    try {
      return [normalizeTagName(keyword)]
    } catch {
      return []
    }
  })
}

/**
 * The existing tag a keyword means: the tag of that name (any case), else the most used tag whose
 * last segment it is (`llm` → `research/llm`).
 */
function existingTagFor(db: Database, keyword: string): string | undefined {
  const row = db
    .prepare(
      `SELECT t.name FROM tags t
       WHERE t.name = ? OR t.name LIKE ? ESCAPE '\\'
       ORDER BY t.name = ? DESC,
         (SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id) DESC, t.name
       LIMIT 1`
    )
    .get(keyword, `%/${keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}`, keyword) as
    { name: string } | undefined
  return row?.name
}

/** The tags most used on other articles of the same site. */
function siteTags(db: Database, site: string, articleId: number, limit: number): string[] {
  const rows = db
    .prepare(
      `SELECT t.name FROM articles a
       JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
       WHERE a.site = ? AND a.id != ?
       GROUP BY t.id ORDER BY count(*) DESC, t.name LIMIT ?`
    )
    .all(site, articleId, limit) as { name: string }[]
  return rows.map((row) => row.name)
}

/**
 * Tags to offer for an article, best first: existing tags its page's keywords name, then tags
 * frequent on its site, then keywords no tag has yet. Tags it already has are left out.
 */
export function suggestTags(db: Database, articleId: number, limit: number): TagSuggestion[] {
  const source = readSource(db, articleId)
  const seen = new Set(source.tags.map(tagKey))
  const matched: TagSuggestion[] = []
  const fresh: TagSuggestion[] = []
  const offer = (list: TagSuggestion[], suggestion: TagSuggestion): void => {
    if (seen.has(tagKey(suggestion.name))) return
    seen.add(tagKey(suggestion.name))
    list.push(suggestion)
  }
  const unmatched: string[] = []
  for (const keyword of keywordNames(source.keywords)) {
    const existing = existingTagFor(db, keyword)
    if (existing === undefined) unmatched.push(keyword)
    else offer(matched, { name: existing, source: 'keyword', exists: true })
  }
  const fromSite: TagSuggestion[] = []
  if (source.site) {
    for (const name of siteTags(db, source.site, articleId, limit)) {
      offer(fromSite, { name, source: 'site', exists: true })
    }
  }
  for (const keyword of unmatched) offer(fresh, { name: keyword, source: 'keyword', exists: false })
  return [...matched, ...fromSite, ...fresh].slice(0, limit)
}
