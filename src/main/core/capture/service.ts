import { readFile } from 'node:fs/promises'
import type { LookupFunction } from 'node:net'
import { extname } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib'
import { FolioError } from '../../../shared/errors'
import type { ReextractResult, SaveItemResult } from '../../../shared/types'
import {
  markCaptureFailed,
  readOriginal,
  storeCapturedArticle,
  storedImages,
  upsertPendingArticle
} from '../db/queries/captures'
import type { CapturedArticle } from '../db/queries/captures'
import type { CapturePayload, Job } from '../db/queries/jobs'
import { createJobQueue } from '../jobs/queue'
import type { JobContext, JobQueue, JobQueueOptions } from '../jobs/queue'
import type { Library } from '../library'
import type { LocaliseOptions } from './assets'
import { CaptureError } from './errors'
import type { ExtractedArticle } from './extract/extract'
import { createExtractPool } from './extract/pool'
import type { ExtractPool } from './extract/pool'
import { extractorVersion } from './extract/version'
import type { FetchOptions } from './fetch'
import { resolveCaptureSource, resolveUploadSource } from './sources'
import { articleFromText } from './text-article'

export interface CaptureOptions {
  /** Replaces DNS for pages and images alike (see loopback.ts). */
  lookup?: LookupFunction
  fetch?: Omit<FetchOptions, 'signal'>
  images?: Omit<LocaliseOptions, 'signal'>
  queue?: Omit<JobQueueOptions, 'isTransient' | 'onFailed'>
  /** Extraction worker threads (default: cores − 1). */
  workers?: number
}

export interface CaptureService {
  readonly queue: JobQueue
  save(inputs: string[], tags: string[]): SaveItemResult[]
  saveHtml(input: { url: string; html: string; title?: string; tags: string[] }): SaveItemResult
  saveFile(input: { name: string; contentBase64: string; tags: string[] }): SaveItemResult
  reextract(ids: number[]): Promise<ReextractResult>
  close(): Promise<void>
}

/** The local file a capture reads, by path or by the name it was sent with; null for the web. */
function fileNameOf(payload: CapturePayload): string | null {
  if (payload.source === 'file') return payload.path
  if (payload.source === 'upload') return payload.name
  return null
}

function isTextPayload(payload: CapturePayload): boolean {
  const name = fileNameOf(payload)
  return name !== null && isTextFile(name)
}

/** Plain-text files become articles without Readability; everything else is a page. */
function isTextFile(path: string): boolean {
  return ['.txt', '.md', '.markdown'].includes(extname(path).toLowerCase())
}

interface LoadedPage {
  html: string
  url: string
  original: CapturedArticle['original']
}

function compressOriginal(bytes: Uint8Array, charset: string): CapturedArticle['original'] {
  // Quality 5: within 10% of the best ratio on HTML at a tenth of the time of quality 11.
  const compressed = brotliCompressSync(bytes, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 }
  })
  return { bytes: compressed, encoding: 'br', charset }
}

export function createCaptureService(
  library: Library,
  options: CaptureOptions = {}
): CaptureService {
  const { db } = library
  let pool: ExtractPool | null = null
  const extractor = (): ExtractPool => (pool ??= createExtractPool({ size: options.workers }))

  async function loadPage(payload: CapturePayload, context: JobContext): Promise<LoadedPage> {
    // Fetching, decoding (chardet) and images (linkedom) load at the first capture: commands that
    // only read the library start without them (test/cli/startup.test.ts, bench/startup.ts).
    const { decodeHtmlBytes } = await import('./decode')
    if (payload.source === 'url') {
      const { fetchPage } = await import('./fetch')
      context.stage('fetching')
      const page = await fetchPage(payload.url, {
        lookup: options.lookup,
        ...options.fetch,
        signal: context.signal
      })
      const decoded = decodeHtmlBytes(page.bytes, page.contentType)
      return {
        html: decoded.html,
        url: page.url,
        original: compressOriginal(page.bytes, decoded.charset)
      }
    }
    if (payload.source === 'html') {
      const bytes = new TextEncoder().encode(payload.html)
      return { html: payload.html, url: payload.url, original: compressOriginal(bytes, 'utf-8') }
    }
    const bytes =
      payload.source === 'upload'
        ? Buffer.from(payload.contentBase64, 'base64')
        : await readFile(payload.path).catch((error: NodeJS.ErrnoException) => {
            throw new FolioError('not_found', `Could not read ${payload.path}: ${error.message}`)
          })
    const decoded = decodeHtmlBytes(bytes, isTextPayload(payload) ? 'text/plain' : null)
    return {
      html: decoded.html,
      url: payload.url,
      original: compressOriginal(bytes, decoded.charset)
    }
  }

  async function capture(job: Job, context: JobContext): Promise<void> {
    const articleId = job.articleId
    if (articleId === null)
      throw new FolioError('not_found', 'The article of this capture was deleted.')
    const page = await loadPage(job.payload, context)
    context.stage('extracting')
    const fileName = fileNameOf(job.payload)
    const extracted =
      fileName !== null && isTextFile(fileName)
        ? articleFromText(page.html, fileName)
        : await extractor().extract({ html: page.html, url: page.url }, context.signal)
    if (job.payload.source === 'html' && job.payload.title && !extracted.title)
      extracted.title = job.payload.title
    context.stage('images')
    const { localiseImages } = await import('./assets')
    const images = await localiseImages(extracted.contentHtml, page.url, {
      lookup: options.lookup,
      ...options.images,
      signal: context.signal
    })
    context.stage('saving')
    const lead = images.assets.find((asset) => asset.sourceUrl === extracted.leadImageUrl)
    storeCapturedArticle(db, articleId, {
      ...capturedFields(extracted, page.url),
      contentHtml: images.html,
      leadImageSha256: lead?.sha256 ?? null,
      original: page.original,
      images: { assets: images.assets, failures: images.failures }
    })
    library.emit({ type: 'articles.changed', ids: [articleId] })
  }

  const queue = createJobQueue(library, capture, {
    ...options.queue,
    isTransient: (error) => error instanceof CaptureError && error.transient,
    onFailed(job, error) {
      if (job.articleId === null) return
      markCaptureFailed(db, job.articleId, error.code, error.message)
      library.emit({ type: 'articles.changed', ids: [job.articleId] })
    }
  })

  function enqueue(
    payload: CapturePayload,
    url: string,
    urlKey: string,
    tags: string[],
    title?: string
  ): SaveItemResult {
    const articleId = upsertPendingArticle(db, { url, urlKey, tags, title })
    const job = queue.enqueue(payload, articleId)
    library.emit({ type: 'articles.changed', ids: [articleId] })
    return { input: job.input, ok: true, articleId, jobId: job.id, error: null }
  }

  async function reextractOne(id: number): Promise<void> {
    const original = readOriginal(db, id)
    if (!original) {
      throw new FolioError(
        'not_found',
        `Article ${id} has no stored page to re-extract (it was never captured, or was saved as text).`
      )
    }
    const bytes = original.encoding === 'br' ? brotliDecompressSync(original.bytes) : original.bytes
    const html = new TextDecoder(original.charset ?? 'utf-8').decode(bytes)
    const extracted =
      original.url.startsWith('file:') && isTextFile(new URL(original.url).pathname)
        ? articleFromText(html, new URL(original.url).pathname)
        : await extractor().extract({ html, url: original.url })
    const stored = storedImages(db, id)
    const { reuseStoredImages } = await import('./reuse-images')
    storeCapturedArticle(db, id, {
      ...capturedFields(extracted, original.url),
      contentHtml: reuseStoredImages(extracted.contentHtml, stored),
      leadImageSha256: (extracted.leadImageUrl && stored.get(extracted.leadImageUrl)) || null,
      original: null,
      images: null
    })
  }

  return {
    queue,
    save(inputs, tags) {
      return inputs.map((input): SaveItemResult => {
        try {
          const source = resolveCaptureSource(input)
          return enqueue(source.payload, source.url, source.urlKey, tags)
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
      return enqueue(
        { source: 'html', url: source.url, html, title },
        source.url,
        source.urlKey,
        tags,
        title
      )
    },
    saveFile({ name, contentBase64, tags }) {
      const source = resolveUploadSource(name, Buffer.from(contentBase64, 'base64'), contentBase64)
      return enqueue(source.payload, source.url, source.urlKey, tags)
    },
    async reextract(ids) {
      const result: ReextractResult = { reextracted: [], failed: [] }
      for (const id of ids) {
        try {
          await reextractOne(id)
          result.reextracted.push(id)
        } catch (error) {
          const info =
            error instanceof FolioError
              ? error.toInfo()
              : { code: 'internal', message: String(error) }
          result.failed.push({ id, error: info })
        }
      }
      if (result.reextracted.length > 0)
        library.emit({ type: 'articles.changed', ids: result.reextracted })
      return result
    },
    async close() {
      await queue.stop()
      await pool?.close()
    }
  }
}

function capturedFields(
  extracted: ExtractedArticle,
  pageUrl: string
): Omit<CapturedArticle, 'contentHtml' | 'leadImageSha256' | 'original' | 'images'> {
  let site: string | null = null
  try {
    site = new URL(pageUrl).hostname.replace(/^www\./, '') || null
  } catch {
    site = null
  }
  return {
    canonicalUrl: extracted.canonicalUrl,
    title: extracted.title,
    byline: extracted.byline,
    site,
    siteName: extracted.siteName,
    lang: extracted.lang,
    dir: extracted.dir,
    excerpt: extracted.excerpt,
    publishedAt: extracted.publishedAt,
    keywords: extracted.keywords,
    wordCount: extracted.wordCount,
    readingMinutes: extracted.readingMinutes,
    text: extracted.text,
    extractorVersion
  }
}
