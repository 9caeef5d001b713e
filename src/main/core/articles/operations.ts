import type { ParsedInput } from '../../../shared/contract'
import { FolioError } from '../../../shared/errors'
import type {
  Article,
  ArticlePage,
  DeleteResult,
  LibraryStats,
  NoteResult,
  ReextractStarted,
  SiteInfo,
  UpdateResult
} from '../../../shared/types'
import type { EngineContext } from '../context'
import {
  deleteArticles,
  getArticle,
  libraryStats,
  listArticles,
  listSites,
  setArticleNote,
  updateArticles
} from './queries'

/** The articles domain (DESIGN.md §2): listing, reading, changing and deleting articles. */

export function stats({ db }: EngineContext): LibraryStats {
  return libraryStats(db)
}

export function sites({ db }: EngineContext, input: ParsedInput<'sites.list'>): SiteInfo[] {
  return listSites(db, input.limit)
}

export function list({ db }: EngineContext, input: ParsedInput<'articles.list'>): ArticlePage {
  return listArticles(db, input)
}

export function get({ db }: EngineContext, input: ParsedInput<'articles.get'>): Article {
  const article = getArticle(db, input.id, input.content)
  if (!article)
    throw new FolioError('not_found', `There is no article with id ${input.id} in this library.`)
  return article
}

export function remove(
  { write }: EngineContext,
  input: ParsedInput<'articles.delete'>
): DeleteResult {
  return write(
    (db) => deleteArticles(db, input.ids),
    (result) => ({ articles: result.deleted, tags: result.deleted.length > 0 })
  )
}

export function update(
  { write }: EngineContext,
  input: ParsedInput<'articles.update'>
): UpdateResult {
  const retitled = new Set(input.changes.flatMap((change) => (change.title ? [change.id] : [])))
  return write(
    (db) => updateArticles(db, input.changes),
    (result) => ({
      articles: result.updated.filter((id) => retitled.has(id)),
      changed: result.updated
    })
  )
}

/** The article's own note: searchable (its search_notes row is rewritten) and exported. */
export function setNote(
  { write }: EngineContext,
  input: ParsedInput<'articles.setNote'>
): NoteResult {
  const note = input.note.trim() === '' ? null : input.note
  return write(
    (db) => {
      if (!setArticleNote(db, input.id, input.note)) {
        throw new FolioError(
          'not_found',
          `There is no article with id ${input.id} in this library.`
        )
      }
      return { id: input.id, note }
    },
    () => ({ notesOf: [input.id] })
  )
}

export function reextract(
  { capture, db }: EngineContext,
  input: ParsedInput<'articles.reextract'>
): ReextractStarted {
  const job = input.all
    ? capture.reextract({ all: true })
    : capture.reextract({ ids: input.ids ?? [] })
  const articles = input.all
    ? (db.prepare('SELECT count(*) FROM articles').pluck().get() as number)
    : (input.ids ?? []).length
  return { jobId: job.id, articles }
}
