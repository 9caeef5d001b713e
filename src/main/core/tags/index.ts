import type {
  ArticleTagResult,
  TagEditResult,
  TagInfo,
  TagRestoreResult,
  TagSuggestion,
  TagUndo
} from '../../../shared/types'
import type { Library } from '../library'
import { articleIdsOfTags, normalizeTagName, tagSubtree } from '../db/queries/tags'
import { indexArticle } from '../search/fts'
import { tagArticles } from './article-tags'
import type { ArticleTagChange } from './article-tags'
import { createTag, deleteTag, mergeTags, renameTag } from './edit'
import { suggestTags } from './suggest'
import { createTagTotals } from './totals'
import { listTags } from './tree'
import { restoreTags } from './undo'

/**
 * Tags (DESIGN.md §2, issue 6): the operations the doors call. Each change runs in one
 * transaction that also re-indexes the articles it touched (the search index holds tag names),
 * then announces `articles.changed` and `tags.changed` once it has committed. One instance per
 * open library: it keeps the tree's totals in memory (totals.ts).
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
  const totals = createTagTotals(db)

  /**
   * Runs `change` in one transaction with the re-indexing of the articles it reports, keeps the
   * tree's totals in step (`before`: every article the change may touch), then announces it.
   */
  function commit<T>(before: () => number[], change: () => T, touched: (result: T) => number[]): T {
    let result: T
    try {
      result = db.transaction(() => {
        const value = totals.track(before(), change, touched)
        for (const id of touched(value)) indexArticle(db, id)
        return value
      })()
    } catch (error) {
      totals.forget()
      throw error
    }
    const ids = touched(result)
    if (ids.length > 0) library.emit({ type: 'articles.changed', ids })
    library.emit({ type: 'tags.changed' })
    return result
  }
  const edited = (result: { articles: number[] }): number[] => result.articles
  /** Articles tagged with any of these tags or a tag beneath them. */
  const articlesBeneath = (names: string[]) => (): number[] =>
    articleIdsOfTags(
      db,
      names.flatMap((name) => tagSubtree(db, normalizeTagName(name)).map((row) => row.id))
    )
  const articlesOfUndo = (undo: TagUndo) => (): number[] => [
    ...new Set([
      ...articleIdsOfTags(
        db,
        undo.tags.map((tag) => tag.id)
      ),
      ...undo.links.map(([articleId]) => articleId)
    ])
  ]

  return {
    list: () => listTags(db, totals.read()),
    create: (name) =>
      commit(
        () => [],
        () => createTag(db, name),
        () => []
      ),
    rename: (from, to) => commit(articlesBeneath([from]), () => renameTag(db, from, to), edited),
    merge: (from, into) => commit(articlesBeneath(from), () => mergeTags(db, from, into), edited),
    delete: (name, withDescendants) =>
      commit(articlesBeneath([name]), () => deleteTag(db, name, withDescendants), edited),
    restore: (undo) =>
      commit(
        articlesOfUndo(undo),
        () => ({ restored: undo.tags.map((tag) => tag.name), articles: restoreTags(db, undo) }),
        edited
      ),
    suggest: (articleId, limit) => suggestTags(db, articleId, limit),
    tagArticles: (change) =>
      commit(
        () => [...new Set(change.ids)],
        () => tagArticles(db, change),
        (result) => result.changed
      )
  }
}
