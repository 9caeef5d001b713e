import { z } from 'zod'
import { operation, returns } from './define'
import { articleId, noteBodyBytes, noteText, tagName } from './articles'

export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColor = (typeof highlightColors)[number]

/** `anchored`: placed in the article's text; `orphaned`: kept with its quote, not placeable. */
export const highlightStatuses = ['anchored', 'orphaned'] as const
export type HighlightStatus = (typeof highlightStatuses)[number]

/** A quote given by a script or an import; a highlight of a whole long article still fits. */
export const maxQuoteLength = 100_000

/** One highlight: its colour and note, and where it lies in the article's plain text. */
export interface Highlight {
  id: number
  articleId: number
  color: HighlightColor
  /** Markdown. */
  note: string | null
  /** The highlighted text exactly (W3C TextQuoteSelector `exact`). */
  quote: string
  /** Up to 32 characters before and after the quote, to find it again. */
  prefix: string
  suffix: string
  /**
   * UTF-16 offsets in the article's plain text (TextPositionSelector); for an orphaned highlight
   * where it was last placed, or null if it never was.
   */
  start: number | null
  end: number | null
  status: HighlightStatus
  createdAt: number
  updatedAt: number
}

/** What a highlight list shows of its article, and what a Markdown export heads it with. */
export interface HighlightArticle {
  id: number
  title: string
  url: string
  site: string | null
  byline: string | null
  publishedAt: number | null
  savedAt: number
  /** The article's own note (Markdown). */
  note: string | null
}

export interface HighlightListItem extends Highlight {
  article: HighlightArticle
}

export interface HighlightPage {
  items: HighlightListItem[]
  total: number
}

/** What `highlights.delete` returned, for `highlights.restore`: the rows as they were. */
const highlightUndo = z
  .object({
    highlights: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            articleId,
            color: z.enum(highlightColors),
            note: noteText.nullable(),
            quote: z.string().min(1).max(maxQuoteLength),
            prefix: z.string().max(1000),
            suffix: z.string().max(1000),
            start: z.number().int().min(0).nullable(),
            end: z.number().int().min(0).nullable(),
            status: z.enum(highlightStatuses),
            createdAt: z.number().int(),
            updatedAt: z.number().int()
          })
          .strict()
      )
      .max(100_000)
  })
  .strict()

export type HighlightUndo = z.infer<typeof highlightUndo>

export interface HighlightDeleteResult {
  deleted: number[]
  notFound: number[]
  undo: HighlightUndo
}

export interface HighlightRestoreResult {
  restored: number[]
  /** Highlights whose article was deleted since: they cannot come back. */
  skipped: number[]
}

const highlightId = z.number().int().positive()

/**
 * A new highlight, either by offsets in the article's plain text (the reader's selection) or by
 * its quote (scripts and importers), placed like a re-extraction places one. A quote that cannot
 * be placed is kept, orphaned.
 */
const createInput = z
  .object({
    articleId,
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    quote: z.string().max(maxQuoteLength).optional(),
    prefix: z.string().max(1000).optional(),
    suffix: z.string().max(1000).optional(),
    color: z.enum(highlightColors).default('yellow'),
    note: noteText.optional()
  })
  .strict()
  .refine((input) => (input.start !== undefined) === (input.end !== undefined), {
    message: 'give both start and end, or neither'
  })
  .refine((input) => input.start !== undefined || input.quote !== undefined, {
    message: 'give the highlight as start and end offsets, or as its quote'
  })

export const highlightOperations = {
  'highlights.list': operation({
    input: z
      .object({
        /** One article's highlights in reading order; without it, the library's newest first. */
        articleId: articleId.optional(),
        /** Highlights of articles with this tag or a tag beneath it. */
        tag: tagName.optional(),
        site: z.string().max(500).optional(),
        color: z.enum(highlightColors).optional(),
        limit: z.number().int().min(1).max(10_000).default(500),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    output: returns<HighlightPage>()
  }),
  'highlights.create': operation({
    input: createInput,
    output: returns<Highlight>(),
    maxBodyBytes: noteBodyBytes
  }),
  'highlights.update': operation({
    input: z
      .object({
        id: highlightId,
        color: z.enum(highlightColors).optional(),
        /** null removes the note. */
        note: noteText.nullable().optional()
      })
      .strict()
      .refine((input) => input.color !== undefined || input.note !== undefined, {
        message: 'name what to change: color or note'
      }),
    output: returns<Highlight>(),
    maxBodyBytes: noteBodyBytes
  }),
  'highlights.delete': operation({
    input: z.object({ ids: z.array(highlightId).min(1).max(100_000) }).strict(),
    output: returns<HighlightDeleteResult>()
  }),
  'highlights.restore': operation({
    input: z.object({ undo: highlightUndo }).strict(),
    output: returns<HighlightRestoreResult>(),
    // An undo carries the quotes and notes of every highlight it deleted.
    maxBodyBytes: 64 * 1024 * 1024
  })
}
