import { z } from 'zod'
import type { OperationName } from './operations'
import type { Result } from './errors'
import type { FolioEventListener } from './events'
import type {
  ArticleTagResult,
  TagEditResult,
  TagInfo,
  TagRestoreResult,
  TagSuggestion
} from './types'
import { articleStates, jobStatuses } from './types'
import type {
  Article,
  ArticlePage,
  DeleteResult,
  JobInfo,
  LibraryStats,
  ReextractResult,
  SiteInfo,
  SaveItemResult,
  SearchPage,
  UpdateResult
} from './types'

const articleId = z.number().int().positive()
const jobIds = z.array(z.number().int().positive()).min(1).max(100_000)
const tagNames = z.array(z.string().max(500)).max(100).default([])
/** One tag name as typed; the core trims it and refuses empty or overlong names with a sentence. */
const tagName = z.string().max(500)

/** What a delete, merge or rename returned, handed back to `tags.restore` to undo it. */
const tagUndo = z
  .object({
    tags: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            name: z.string().min(1).max(1000),
            createdAt: z.number().int()
          })
          .strict()
      )
      .max(100_000),
    links: z.array(z.tuple([articleId, z.number().int().positive()])).max(10_000_000)
  })
  .strict()

/** A rendered page from the browser; pages above 30 MiB of HTML are not articles. */
export const maxRenderedHtmlLength = 30 * 1024 * 1024

/** A dropped or picked file: 15 MiB, the same cap as a fetched page, as base64. */
export const maxFileBase64Length = Math.ceil((15 * 1024 * 1024) / 3) * 4

/** Input schemas, one per operation; every door parses its input with these. */
export const inputSchemas = {
  'library.stats': z.object({}).strict(),
  'sites.list': z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  'articles.list': z
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
  'articles.get': z
    .object({
      id: articleId,
      content: z.enum(['none', 'html', 'text', 'all']).default('none')
    })
    .strict(),
  'articles.delete': z.object({ ids: z.array(articleId).min(1).max(100_000) }).strict(),
  'articles.update': z
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
  'articles.reextract': z
    .object({ ids: z.array(articleId).max(100_000).optional(), all: z.boolean().default(false) })
    .strict()
    .refine((input) => input.all || (input.ids?.length ?? 0) > 0, {
      message: 'name the articles to re-extract (ids), or ask for all of them (all: true)'
    }),
  'capture.save': z
    .object({
      /** Web addresses or local file paths (.html, .htm, .txt, .md). */
      inputs: z.array(z.string().min(1).max(8192)).min(1).max(10_000),
      tags: tagNames
    })
    .strict(),
  'capture.saveFile': z
    .object({
      /** The file's name, for its type (.html, .htm, .txt, .md) and its title. */
      name: z.string().min(1).max(500),
      /** The file's bytes in base64, so a page in any charset arrives intact. */
      contentBase64: z.string().min(1).max(maxFileBase64Length),
      tags: tagNames
    })
    .strict(),
  'capture.saveHtml': z
    .object({
      url: z.string().min(1).max(8192),
      html: z.string().min(1).max(maxRenderedHtmlLength),
      title: z.string().max(2000).optional(),
      tags: tagNames
    })
    .strict(),
  'search.query': z
    .object({
      query: z.string().max(2000),
      limit: z.number().int().min(1).max(200).default(20),
      offset: z.number().int().min(0).max(10_000).default(0),
      sort: z.enum(['relevance', 'date']).default('relevance'),
      /** Search-as-you-type: the last word also matches as a prefix of titles, sites and tags. */
      asYouType: z.boolean().default(false)
    })
    .strict(),
  'search.reindex': z.object({}).strict(),
  'jobs.list': z
    .object({
      status: z.enum(jobStatuses).optional(),
      limit: z.number().int().min(1).max(10_000).default(100)
    })
    .strict(),
  'jobs.cancel': z.object({ ids: jobIds }).strict(),
  'jobs.retry': z.object({ ids: jobIds }).strict(),
  'articles.tag': z
    .object({
      ids: z.array(articleId).min(1).max(100_000),
      add: tagNames,
      remove: tagNames
    })
    .strict()
    .refine((input) => input.add.length + input.remove.length > 0, {
      message: 'name the tags to add or remove'
    }),
  'tags.list': z.object({}).strict(),
  'tags.create': z.object({ name: tagName }).strict(),
  'tags.rename': z.object({ from: tagName, to: tagName }).strict(),
  'tags.merge': z.object({ from: z.array(tagName).min(1).max(1000), into: tagName }).strict(),
  'tags.delete': z
    .object({
      name: tagName,
      /** False keeps the tags beneath it; they then show the name as their implicit parent. */
      withDescendants: z.boolean().default(true)
    })
    .strict(),
  'tags.restore': z.object({ undo: tagUndo }).strict(),
  'tags.suggest': z
    .object({ id: articleId, limit: z.number().int().min(1).max(100).default(12) })
    .strict()
} satisfies Record<OperationName, z.ZodType>

export interface OperationOutputs {
  'library.stats': LibraryStats
  'sites.list': SiteInfo[]
  'articles.list': ArticlePage
  'articles.get': Article
  'articles.delete': DeleteResult
  'articles.update': UpdateResult
  'articles.reextract': ReextractResult
  'capture.save': { items: SaveItemResult[] }
  'capture.saveHtml': SaveItemResult
  'capture.saveFile': SaveItemResult
  'search.query': SearchPage
  'search.reindex': { articles: number }
  'jobs.list': JobInfo[]
  'jobs.cancel': { cancelled: number[] }
  'jobs.retry': { retried: number[] }
  'articles.tag': ArticleTagResult
  'tags.list': TagInfo[]
  'tags.create': { id: number; name: string; created: boolean }
  'tags.rename': TagEditResult
  'tags.merge': TagEditResult
  'tags.delete': TagEditResult
  'tags.restore': TagRestoreResult
  'tags.suggest': TagSuggestion[]
}

export type OperationInput<K extends OperationName> = z.input<(typeof inputSchemas)[K]>
export type ParsedInput<K extends OperationName> = z.output<(typeof inputSchemas)[K]>
export type OperationOutput<K extends OperationName> = OperationOutputs[K]

/** The contract every door carries: one function per operation, errors as values. */
export type FolioApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>
}

/** Article HTML whose images point where this door serves them, and the CSP sources for them. */
export interface ResolvedAssets {
  html: string
  imageSources: string
}

/** What the preload exposes as `window.folio`, and what the HTTP client provides alike. */
export type FolioBridge = FolioApi & {
  onEvent(listener: FolioEventListener): () => void
  /** Rewrites `folio-asset://<sha256>` image references for this door. */
  resolveAssets(html: string): Promise<ResolvedAssets>
}

/** Turns zod's issues into one sentence naming the offending fields. */
export function describeInputError(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input'
    return `${where}: ${issue.message}`
  })
  return `The request was not understood (${parts.join('; ')}).`
}
