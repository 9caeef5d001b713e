import { FolioError } from '../../../shared/errors'
import { jobKind } from '../jobs/kinds'
import type { JobRunContext, RegisteredKind } from '../jobs/kinds'
import type { Job } from '../jobs/queries'
import type { Write } from '../write'
import type { LocaliseOptions } from './assets'
import { CaptureError } from './errors'
import type { ExtractedArticle } from './extract/extract'
import { isTextPayload, loadPage } from './load-page'
import type { LoadOptions } from './load-page'
import { capturePayloadSchema, fileNameOf } from './payload'
import type { CapturePayload } from './payload'
import { reanchorHighlights } from '../highlights/reanchor'
import { markCaptureFailed, storeCapturedArticle } from './queries'
import type { CapturedArticle } from './queries'
import { capturedFields } from './record'
import { articleFromText } from './text-article'

/** Extraction of a page in the worker pool (Readability and our rules). */
export type ExtractPage = (
  html: string,
  url: string,
  signal?: AbortSignal
) => Promise<ExtractedArticle>

export interface CaptureJobOptions extends LoadOptions {
  images?: Omit<LocaliseOptions, 'signal'>
}

/** A text note becomes an article by itself; everything else goes through the extractor. */
function extractPayload(
  extract: ExtractPage,
  page: { html: string; url: string },
  payload: CapturePayload,
  signal: AbortSignal
): Promise<ExtractedArticle> {
  const fileName = fileNameOf(payload)
  if (fileName !== null && isTextPayload(payload))
    return Promise.resolve(articleFromText(page.html, fileName))
  return extract(page.html, page.url, signal)
}

/**
 * The `capture` job kind (DESIGN.md §3): fetch (or read) the page, extract it, store its images
 * and write the article through write(); network hiccups are retried by the queue, a failure
 * for good is recorded on the article.
 */
export function captureKind(
  write: Write,
  extract: ExtractPage,
  options: CaptureJobOptions
): RegisteredKind {
  async function capture(job: Job, payload: CapturePayload, context: JobRunContext) {
    const articleId = job.articleId
    if (articleId === null)
      throw new FolioError('not_found', 'The article of this capture was deleted.')
    const page = await loadPage(payload, context, options)
    context.stage('extracting')
    const extracted = await extractPayload(extract, page, payload, context.signal)
    if (payload.source === 'html' && payload.title && !extracted.title)
      extracted.title = payload.title
    context.stage('images')
    const { localiseImages } = await import('./assets')
    const images = await localiseImages(extracted.contentHtml, page.url, {
      lookup: options.lookup,
      ...options.images,
      signal: context.signal
    })
    context.stage('saving')
    const lead = images.assets.find((asset) => asset.sourceUrl === extracted.leadImageUrl)
    const article: CapturedArticle = {
      ...capturedFields(extracted, page.url),
      contentHtml: images.html,
      leadImageSha256: lead?.sha256 ?? null,
      original: page.original,
      images: { assets: images.assets, failures: images.failures }
    }
    // Saving a known address again refreshes its text: its highlights follow, as on re-extraction.
    write(
      (db) => {
        storeCapturedArticle(db, articleId, article)
        reanchorHighlights(db, articleId, article.text)
      },
      () => ({ articles: [articleId] })
    )
  }

  return jobKind({
    kind: 'capture',
    payload: capturePayloadSchema,
    // A browser capture's HTML and a dropped file's bytes are stored with the article.
    bulkyFields: ['html', 'contentBase64'],
    run: capture,
    isTransient: (error) => error instanceof CaptureError && error.transient,
    retryAfterMs: (error) => (error instanceof CaptureError ? (error.retryAfterMs ?? null) : null),
    onFailed(job, error) {
      const articleId = job.articleId
      if (articleId === null) return
      write(
        (db) => markCaptureFailed(db, articleId, error.code, error.message),
        () => ({ articles: [articleId] })
      )
    }
  })
}
