import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'
import type { ArticleTagResult } from '../../../shared/types'
import { ensureTag, findTag, missingArticleIds } from './queries'
import { tagKey } from '../../../shared/tags'
import { normalizeTagNames } from './names'

export interface ArticleTagChange {
  ids: number[]
  add: string[]
  remove: string[]
}

function checkRequest(db: Database, change: ArticleTagChange): { add: string[]; remove: string[] } {
  const add = normalizeTagNames(change.add)
  const remove = normalizeTagNames(change.remove)
  const both = add.find((name) => remove.some((other) => tagKey(other) === tagKey(name)))
  if (both !== undefined) {
    throw new FolioError('invalid_input', `"${both}" is both added and removed; choose one.`)
  }
  const missing = missingArticleIds(db, change.ids)
  if (missing.length > 0) {
    throw new FolioError(
      'not_found',
      `There is no article with id ${missing.slice(0, 10).join(', ')} in this library; ` +
        'no tags were changed.'
    )
  }
  return { add, remove }
}

/**
 * Adds and removes tags on many articles. Removing `research` takes off that tag only, not
 * `research/llm`. Call inside one transaction: a bad id or name changes nothing at all.
 */
export function tagArticles(db: Database, change: ArticleTagChange): ArticleTagResult {
  const { add, remove } = checkRequest(db, change)
  const addIds = add.map((name) => ensureTag(db, name))
  const removeIds = remove.flatMap((name) => findTag(db, name)?.id ?? [])
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
  const unlink = db.prepare('DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?')
  const changed = new Set<number>()
  let added = 0
  let removed = 0
  for (const articleId of new Set(change.ids)) {
    for (const tagId of addIds) {
      const { changes } = link.run(articleId, tagId)
      added += changes
      if (changes > 0) changed.add(articleId)
    }
    for (const tagId of removeIds) {
      const { changes } = unlink.run(articleId, tagId)
      removed += changes
      if (changes > 0) changed.add(articleId)
    }
  }
  return { changed: [...changed].sort((left, right) => left - right), added, removed }
}
