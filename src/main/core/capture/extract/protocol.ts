/**
 * The messages between the extraction pool and its workers, validated on both sides: a worker
 * parses hostile pages, so its answers are checked like any other input.
 */
import { z } from 'zod'
import { errorCodes } from '../../../../shared/errors'

// Pages over 32 MiB are not articles; the fetcher caps responses below this.
export const maximumHtmlLength = 32 * 1024 * 1024

export const extractRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  html: z.string().max(maximumHtmlLength),
  url: z.string().refine((value) => URL.canParse(value), 'must be an absolute URL')
})
export type ExtractRequest = z.infer<typeof extractRequestSchema>

/** An extracted article, as the worker answers with it (and as the library stores it). */
export const extractedArticleSchema = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  dir: z.enum(['ltr', 'rtl']).nullable(),
  excerpt: z.string().nullable(),
  /**
   * Milliseconds since the epoch of the publisher's wall-clock time read as UTC: show it in UTC
   * to get the day the page printed.
   */
  publishedAt: z.number().nullable(),
  canonicalUrl: z.string().nullable(),
  leadImageUrl: z.string().nullable(),
  /** Page keywords and article tags, offered as suggested tags. */
  keywords: z.array(z.string()),
  /** Sanitized; all URLs absolute; lazy images resolved to their real `src`. */
  contentHtml: z.string(),
  /** Block-aware plain text: paragraphs separated by blank lines. */
  text: z.string(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().nonnegative(),
  /** Absolute URLs of the `<img>` in `contentHtml`, for the asset downloader. */
  images: z.array(z.string())
})
export type ExtractedArticle = z.infer<typeof extractedArticleSchema>

export const extractResponseSchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: extractedArticleSchema }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(errorCodes), message: z.string() })
  })
])
export type ExtractResponse = z.infer<typeof extractResponseSchema>

/** Sent once by a worker when its modules are loaded. */
export const readyMessageSchema = z.object({ ready: z.literal(true) })
