import type { Database } from 'better-sqlite3'
import type { LookupFunction } from 'node:net'
import { FolioError } from '../../../shared/errors'
import type { JobInfo, SaveItemResult } from '../../../shared/types'
import type { JobQueue } from '../jobs/queue'
import { jobKind } from '../jobs/kinds'
import type { JobRunContext } from '../jobs/kinds'
import type { Job } from '../jobs/queries'
import type { Write } from '../write'
import { localiseImages } from './assets'
import type { LocaliseOptions } from './assets'
import { CaptureError } from './errors'
import type { ExtractedArticle } from './extract/extract'
import { createExtractPool } from './extract/pool'
import type { ExtractPool } from './extract/pool'
import type { FetchOptions } from './fetch'
import { isTextPayload, loadPage } from './load-page'
import { captureLabel, capturePayloadSchema, fileNameOf } from './payload'
import type { CapturePayload } from './payload'
import { markCaptureFailed, storeCapturedArticle, upsertPendingArticle } from './queries'
import type { CapturedArticle } from './queries'
import { capturedFields } from './record'
import { reextractKind } from './reextract'
import type { ReextractTarget } from './reextract'
import { resolveCaptureSource, resolveUploadSource } from './sources'
import { articleFromText } from './text-article'

export interface CaptureOptions {
  /** Replaces DNS for pages and images alike (see loopback.ts). */
  lookup?: LookupFunction
  fetch?: Omit<FetchOptions, 'signal'>
  images?: Omit<LocaliseOptions, 'signal'>
  /** Extraction worker threads (default: cores − 1). */
  workers?: number
}

export interface CaptureService {
  save(inputs: string[], tags: string[]): SaveItemResult[]
  saveHtml(input: { url: string; html: string; title?: string; tags: string[] }): SaveItemResult
  saveFile(input: { name: string; contentBase64: string; tags: string[] }): SaveItemResult
  /** Queues a re-extraction of these articles (or all) from their stored pages. */
  reextract(target: ReextractTarget): JobInfo
  close(): Promise<void>
}

/**
 * Capture (DESIGN.md §3): saving queues a `capture` job per input, which fetches (or reads) the
 * page, extracts it in the worker pool, stores its images and writes it through write().
 */
export function createCaptureService(
  db: Database,
  write: Write,
  queue: JobQueue,
  options: CaptureOptions = {}
): CaptureService {
  let pool: ExtractPool | null = null
  const extractor = (): ExtractPool => (pool ??= createExtractPool({ size: options.workers }))

  async function extract(
    html: string,
    url: string,
    payload: CapturePayload,
    signal?: AbortSignal
  ): Promise<ExtractedArticle> {
    const fileName = fileNameOf(payload)
    if (fileName !== null && isTextPayload(payload)) return articleFromText(html, fileName)
    return extractor().extract({ html, url }, signal)
  }

  async function capture(job: Job, payload: CapturePayload, context: JobRunContext): Promise<void> {
    const articleId = job.articleId
    if (articleId === null)
      throw new FolioError('not_found', 'The article of this capture was deleted.')
    const page = await loadPage(payload, context, options)
    context.stage('extracting')
    const extracted = await extract(page.html, page.url, payload, context.signal)
    if (payload.source === 'html' && payload.title && !extracted.title)
      extracted.title = payload.title
    context.stage('images')
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
    write(
      (db) => storeCapturedArticle(db, articleId, article),
      () => ({ articles: [articleId] })
    )
  }

  queue.register(
    jobKind({
      kind: 'capture',
      payload: capturePayloadSchema,
      run: capture,
      isTransient: (error) => error instanceof CaptureError && error.transient,
      onFailed(job, error) {
        const articleId = job.articleId
        if (articleId === null) return
        write(
          (db) => markCaptureFailed(db, articleId, error.code, error.message),
          () => ({ articles: [articleId] })
        )
      }
    })
  )
  queue.register(reextractKind(db, write, (html, url) => extractor().extract({ html, url })))

  function enqueue(
    payload: CapturePayload,
    source: { url: string; urlKey: string },
    tags: string[],
    title?: string
  ): SaveItemResult {
    const articleId = write(
      (db) => upsertPendingArticle(db, { url: source.url, urlKey: source.urlKey, tags, title }),
      (id) => ({ articles: [id], tags: tags.length > 0 })
    )
    const job = queue.enqueue({ kind: 'capture', label: captureLabel(payload), payload, articleId })
    return { input: job.input, ok: true, articleId, jobId: job.id, error: null }
  }

  return {
    save(inputs, tags) {
      return inputs.map((input): SaveItemResult => {
        try {
          const source = resolveCaptureSource(input)
          return enqueue(source.payload, source, tags)
        } catch (error) {
          const info =
            error instanceof FolioError
              ? error.toInfo()
              : { code: 'internal', message: String(error) }
          return { input, ok: false, articleId: null, jobId: null, error: info }
        }
      })
    },
    saveHtml({ url, html, title, tags }) {
      const source = resolveCaptureSource(url)
      if (source.payload.source !== 'url') {
        throw new FolioError('invalid_url', `A rendered page needs its web address, not "${url}".`)
      }
      return enqueue({ source: 'html', url: source.url, html, title }, source, tags, title)
    },
    saveFile({ name, contentBase64, tags }) {
      const source = resolveUploadSource(name, Buffer.from(contentBase64, 'base64'), contentBase64)
      return enqueue(source.payload, source, tags)
    },
    reextract(target) {
      const label =
        'all' in target
          ? 'every article'
          : `${target.ids.length} article${target.ids.length === 1 ? '' : 's'}`
      return queue.enqueue({ kind: 'reextract', label, payload: target, articleId: null })
    },
    async close() {
      await pool?.close()
    }
  }
}
