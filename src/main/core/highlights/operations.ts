import type { Database } from 'better-sqlite3'
import type { ParsedInput } from '../../../shared/contract'
import { FolioError } from '../../../shared/errors'
import type {
  Highlight,
  HighlightDeleteResult,
  HighlightPage,
  HighlightRestoreResult
} from '../../../shared/types'
import type { EngineContext } from '../context'
import { describeRange, placeSelector } from './anchor'
import type { Selector } from './anchor'
import {
  articleText,
  deleteHighlights,
  insertHighlight,
  listHighlights,
  restoreHighlights,
  updateHighlight
} from './queries'
import type { NewHighlight } from './queries'

/**
 * Highlights and notes (issue 14): every change runs through write(), which rewrites the
 * article's row in `search_notes` (quotes and notes) in the same transaction and announces
 * `articles.changed` for the article.
 */

function noSuchArticle(id: number): FolioError {
  return new FolioError('not_found', `There is no article with id ${id} in this library.`)
}

export function list({ db }: EngineContext, input: ParsedInput<'highlights.list'>): HighlightPage {
  if (input.articleId !== undefined && articleText(db, input.articleId) === undefined) {
    throw noSuchArticle(input.articleId)
  }
  return listHighlights(db, input)
}

type CreateInput = ParsedInput<'highlights.create'>

/** The reader's selection: offsets into the article's plain text, checked against it. */
function selectionAt(text: string | null, input: CreateInput, start: number, end: number) {
  if (text === null) {
    throw new FolioError(
      'invalid_input',
      `Article ${input.articleId} has no text yet (its capture is pending or failed); highlight it once it is saved.`
    )
  }
  if (start >= end || end > text.length) {
    throw new FolioError(
      'invalid_input',
      `The offsets ${start}–${end} are out of range: the article's text has ${text.length} characters, ` +
        'so start must be less than end and end at most that.'
    )
  }
  const selector = describeRange(text, start, end)
  if (selector.quote.trim() === '') {
    throw new FolioError(
      'invalid_input',
      'The selection holds only spaces or line breaks: an empty quote cannot be highlighted.'
    )
  }
  if (input.quote !== undefined && input.quote !== selector.quote) {
    throw new FolioError(
      'invalid_input',
      `The text at ${start}–${end} is not the quote given; the article may have changed since it was read.`
    )
  }
  return selector
}

/** A quote from a script or an import: placed like a re-extraction places one, else orphaned. */
function placedQuote(
  text: string | null,
  input: CreateInput
): Pick<NewHighlight, 'selector' | 'status'> {
  const quote = input.quote ?? ''
  if (quote.trim() === '') {
    throw new FolioError('invalid_input', 'The quote is empty: give the text to highlight.')
  }
  const given: Selector = {
    quote,
    prefix: input.prefix ?? '',
    suffix: input.suffix ?? '',
    start: null,
    end: null
  }
  const anchor = text === null ? null : placeSelector(text, given)
  if (text === null || anchor === null) return { selector: given, status: 'orphaned' }
  return { selector: describeRange(text, anchor.start, anchor.end), status: 'anchored' }
}

/**
 * A quote from an export (Pocket's annotations), made the way `highlights.create` makes one from
 * a quote: placed in the article's text when it has one, else kept as orphaned until it does.
 */
export function importedHighlight(
  text: string | null,
  input: { articleId: number; quote: string; note?: string }
): NewHighlight {
  const placed = placedQuote(text, { ...input, color: 'yellow' })
  const note = input.note?.trim() ? input.note : null
  return { articleId: input.articleId, color: 'yellow', note, ...placed }
}

function newHighlight(db: Database, input: CreateInput): NewHighlight {
  const text = articleText(db, input.articleId)
  if (text === undefined) throw noSuchArticle(input.articleId)
  const placed =
    input.start !== undefined && input.end !== undefined
      ? { selector: selectionAt(text, input, input.start, input.end), status: 'anchored' as const }
      : placedQuote(text, input)
  const note = input.note?.trim() ? input.note : null
  return { articleId: input.articleId, color: input.color, note, ...placed }
}

export function create({ write }: EngineContext, input: CreateInput): Highlight {
  return write(
    (db) => insertHighlight(db, newHighlight(db, input)),
    (highlight) => ({ notesOf: [highlight.articleId] })
  )
}

export function update(
  { write }: EngineContext,
  input: ParsedInput<'highlights.update'>
): Highlight {
  return write(
    (db) => {
      const highlight = updateHighlight(db, input.id, input)
      if (!highlight) {
        throw new FolioError(
          'not_found',
          `There is no highlight with id ${input.id} in this library.`
        )
      }
      return highlight
    },
    (highlight) => ({ notesOf: [highlight.articleId] })
  )
}

export function remove(
  { write }: EngineContext,
  input: ParsedInput<'highlights.delete'>
): HighlightDeleteResult {
  const { deleted, notFound, undo } = write(
    (db) => deleteHighlights(db, input.ids),
    (result) => ({ notesOf: result.articles })
  )
  return { deleted, notFound, undo }
}

export function restore(
  { write }: EngineContext,
  input: ParsedInput<'highlights.restore'>
): HighlightRestoreResult {
  const { restored, skipped } = write(
    (db) => restoreHighlights(db, input.undo),
    (result) => ({ notesOf: result.articles })
  )
  return { restored, skipped }
}
