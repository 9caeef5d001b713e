import type { ParsedInput } from '../../../shared/contract'
import type {
  ArticleTagResult,
  TagEditResult,
  TagInfo,
  TagRestoreResult,
  TagSuggestion
} from '../../../shared/types'
import type { EngineContext } from '../context'
import type { WriteEffects } from '../write'
import { tagArticles } from './article-tags'
import { createTag, deleteTag, mergeTags, renameTag } from './edit'
import { suggestTags } from './suggest'
import { listTags } from './tree'
import { restoreTags } from './undo'

/**
 * Tags (DESIGN.md §2, issue 6): each change runs through write(), which re-indexes the small
 * search row of the articles it touched (search_meta holds tag names) in the same transaction,
 * then announces `articles.changed` and `tags.changed`. The counts the tree shows are kept by
 * the database itself (migration 0004).
 */

const edited = (result: { articles: number[] }): WriteEffects => ({
  tagsOf: result.articles,
  tags: true
})

export function tag(
  { write }: EngineContext,
  input: ParsedInput<'articles.tag'>
): ArticleTagResult {
  return write(
    (db) => tagArticles(db, input),
    (result) => ({ tagsOf: result.changed, tags: true })
  )
}

export function list({ db }: EngineContext): TagInfo[] {
  return listTags(db)
}

export function create({ write }: EngineContext, input: ParsedInput<'tags.create'>) {
  return write(
    (db) => createTag(db, input.name),
    () => ({ tags: true })
  )
}

export function rename({ write }: EngineContext, input: ParsedInput<'tags.rename'>): TagEditResult {
  return write((db) => renameTag(db, input.from, input.to), edited)
}

export function merge({ write }: EngineContext, input: ParsedInput<'tags.merge'>): TagEditResult {
  return write((db) => mergeTags(db, input.from, input.into), edited)
}

export function remove({ write }: EngineContext, input: ParsedInput<'tags.delete'>): TagEditResult {
  return write((db) => deleteTag(db, input.name, input.withDescendants), edited)
}

export function restore(
  { write }: EngineContext,
  { undo }: ParsedInput<'tags.restore'>
): TagRestoreResult {
  return write(
    (db) => ({ restored: undo.tags.map((tag) => tag.name), articles: restoreTags(db, undo) }),
    edited
  )
}

export function suggest(
  { db }: EngineContext,
  input: ParsedInput<'tags.suggest'>
): TagSuggestion[] {
  return suggestTags(db, input.id, input.limit)
}
