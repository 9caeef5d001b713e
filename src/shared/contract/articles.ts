import { z } from 'zod'
import { operation, returns } from './define'

export const articleStates = ['unread', 'read', 'archived'] as const
export type ArticleState = (typeof articleStates)[number]

export const captureStatuses = ['pending', 'ready', 'failed'] as const
export type CaptureStatus = (typeof captureStatuses)[number]

/** What the list shows of an article; times are milliseconds since the epoch. */
export interface ArticleSummary {
  id: number
  url: string
  title: string
  site: string | null
  siteName: string | null
  byline: string | null
  excerpt: string | null
  lang: string | null
  savedAt: number
  /** The publisher's wall-clock time read as UTC (shown in UTC, it is the day the page printed). */
  publishedAt: number | null
  state: ArticleState
  favorite: boolean
  wordCount: number
  readingMinutes: number
  readingProgress: number
  captureStatus: CaptureStatus
  errorCode: string | null
  errorMessage: string | null
  tags: string[]
}

export interface Article extends ArticleSummary {
  canonicalUrl: string | null
  dir: 'ltr' | 'rtl' | null
  updatedAt: number
  readAt: number | null
  /** The reader's own note on the article (Markdown). */
  note: string | null
  /** Sanitized reader HTML; present when asked for. */
  contentHtml?: string | null
  /** Plain text of the article; present when asked for. */
  text?: string | null
}

export interface ArticlePage {
  items: ArticleSummary[]
  total: number
}

export interface LibraryStats {
  articles: number
  unread: number
  read: number
  archived: number
  favorites: number
  failed: number
  tags: number
  assets: number
  assetBytes: number
  schemaVersion: number
}

/** A site articles were saved from, for the sidebar. */
export interface SiteInfo {
  /** The host without `www.`: `example.com`. */
  site: string
  /** The site's own name when a page gave one. */
  siteName: string | null
  count: number
}

export interface UpdateResult {
  updated: number[]
  notFound: number[]
}

export interface DeleteResult {
  deleted: number[]
  notFound: number[]
}

/** A re-extraction runs as a job (`jobs.list` shows its progress and, once done, its result). */
export interface ReextractStarted {
  jobId: number
  articles: number
}

/**
 * Notes hold up to 100,000 characters (about 30 pages of prose): room for any note a person
 * writes, while a pasted book is refused with a sentence rather than slowing every search.
 */
export const maxNoteLength = 100_000
/**
 * The HTTP body cap for operations that carry a note or a quote: JSON may spend up to 6 bytes on
 * a character (`\u0001`), plus room for the other fields. A larger body is refused with 413.
 */
export const noteBodyBytes = maxNoteLength * 6 + 64 * 1024

export const noteText = z
  .string()
  .max(
    maxNoteLength,
    `a note holds up to ${maxNoteLength.toLocaleString('en')} characters; shorten it or split it`
  )

/** What setting an article's note returns. */
export interface NoteResult {
  id: number
  note: string | null
}

export const articleId = z.number().int().positive()
/** One tag name as typed; the core trims it and refuses empty or overlong names with a sentence. */
export const tagName = z.string().max(500)

export const articleOperations = {
  'library.stats': operation({ input: z.object({}).strict(), output: returns<LibraryStats>() }),
  'sites.list': operation({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    output: returns<SiteInfo[]>()
  }),
  'articles.list': operation({
    input: z
      .object({
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
        state: z.enum(articleStates).optional(),
        favorite: z.boolean().optional(),
        /** Articles with this tag or any tag beneath it. */
        tag: tagName.optional(),
        sort: z.enum(['saved', 'published', 'title', 'readingTime']).default('saved'),
        order: z.enum(['asc', 'desc']).default('desc')
      })
      .strict(),
    output: returns<ArticlePage>()
  }),
  'articles.get': operation({
    input: z
      .object({
        id: articleId,
        content: z.enum(['none', 'html', 'text', 'all']).default('none')
      })
      .strict(),
    output: returns<Article>()
  }),
  'articles.delete': operation({
    input: z.object({ ids: z.array(articleId).min(1).max(100_000) }).strict(),
    output: returns<DeleteResult>()
  }),
  'articles.update': operation({
    input: z
      .object({
        /** One entry per article, so an undo can put back each article's own previous values. */
        changes: z
          .array(
            z
              .object({
                id: articleId,
                state: z.enum(articleStates).optional(),
                favorite: z.boolean().optional(),
                title: z.string().trim().min(1).max(2000).optional(),
                readingProgress: z.number().min(0).max(1).optional()
              })
              .strict()
          )
          .min(1)
          .max(100_000)
      })
      .strict(),
    output: returns<UpdateResult>()
  }),
  /** The article's own note; an empty one removes it. */
  'articles.setNote': operation({
    input: z.object({ id: articleId, note: noteText }).strict(),
    output: returns<NoteResult>(),
    maxBodyBytes: noteBodyBytes
  }),
  'articles.reextract': operation({
    input: z
      .object({ ids: z.array(articleId).max(100_000).optional(), all: z.boolean().default(false) })
      .strict()
      .refine((input) => input.all || (input.ids?.length ?? 0) > 0, {
        message: 'name the articles to re-extract (ids), or ask for all of them (all: true)'
      }),
    output: returns<ReextractStarted>()
  })
}
