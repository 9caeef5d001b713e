import type {
  ArticleTagResult,
  TagEditResult,
  TagInfo,
  TagRestoreResult,
  TagSuggestion,
  TagUndo
} from '../../../shared/types'
import type { Library } from '../library'
import { indexArticle } from '../search/fts'
import { tagArticles } from './article-tags'
import type { ArticleTagChange } from './article-tags'
import { createTag, deleteTag, mergeTags, renameTag } from './edit'
import { suggestTags } from './suggest'
import { listTags } from './tree'
import { restoreTags } from './undo'

/**
 * Tags (DESIGN.md §2, issue 6): the operations the doors call. Each change runs in one
 * transaction that also re-indexes the articles it touched (the search index holds tag names),
 * then announces `articles.changed` and `tags.changed` once it has committed.
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

  /** Runs `change`, re-indexes the articles `articlesOf` names, commits, then announces. */
  function commit<T>(change: () => T, articlesOf: (result: T) => number[]): T {
    const result = db.transaction(() => {
      const value = change()
      for (const id of articlesOf(value)) indexArticle(db, id)
      return value
    })()
    const ids = articlesOf(result)
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
