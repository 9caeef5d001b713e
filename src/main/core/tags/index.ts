import type {
  ArticleTagResult,
  TagEditResult,
  TagInfo,
  TagRestoreResult,
  TagSuggestion,
  TagUndo
} from '../../../shared/types'
import type { Library } from '../library'
import { indexArticlesMetadata } from '../search/fts'
import { tagArticles } from './article-tags'
import type { ArticleTagChange } from './article-tags'
import { createTag, deleteTag, mergeTags, renameTag } from './edit'
import { suggestTags } from './suggest'
import { listTags } from './tree'
import { restoreTags } from './undo'

/**
 * Tags (DESIGN.md §2, issue 6): the operations the doors call. Each change runs in one
 * transaction that also re-indexes the small search row of the articles it touched (search_meta
 * holds tag names), then announces `articles.changed` and `tags.changed` once it has committed.
 * The counts the tree shows are kept by the database itself (migration 0004).
 */
export interface TagOperations {
  list(): TagInfo[]
  create(name: string): { id: number; name: string; created: boolean }
  rename(from: string, to: string): TagEditResult
  merge(from: string[], into: string): TagEditResult
  delete(name: string, withDescendants: boolean): TagEditResult
  restore(undo: TagUndo): TagRestoreResult
  suggest(articleId: number, limit: number): TagSuggestion[]
  tagArticles(change: ArticleTagChange): ArticleTagResult
}

export function createTagOperations(library: Library): TagOperations {
  const { db } = library

  /** Runs `change` in one transaction with the re-indexing of the articles it reports. */
  function commit<T>(change: () => T, touched: (result: T) => number[]): T {
    const result = db.transaction(() => {
      const value = change()
      indexArticlesMetadata(db, touched(value))
      return value
    })()
    const ids = touched(result)
    if (ids.length > 0) library.emit({ type: 'articles.changed', ids })
    library.emit({ type: 'tags.changed' })
    return result
  }
  const edited = (result: { articles: number[] }): number[] => result.articles

  return {
    list: () => listTags(db),
    create: (name) =>
      commit(
        () => createTag(db, name),
        () => []
      ),
    rename: (from, to) => commit(() => renameTag(db, from, to), edited),
    merge: (from, into) => commit(() => mergeTags(db, from, into), edited),
    delete: (name, withDescendants) => commit(() => deleteTag(db, name, withDescendants), edited),
    restore: (undo) =>
      commit(
        () => ({ restored: undo.tags.map((tag) => tag.name), articles: restoreTags(db, undo) }),
        edited
      ),
    suggest: (articleId, limit) => suggestTags(db, articleId, limit),
    tagArticles: (change) =>
      commit(
        () => tagArticles(db, change),
        (result) => result.changed
      )
  }
}
