import type { Database } from 'better-sqlite3'
import type { LookupFunction } from 'node:net'
import { dirname } from 'node:path'
import { FolioError } from '../../../shared/errors'
import type { JobInfo, SaveItemResult } from '../../../shared/types'
import { storageFailure } from '../db/storage-errors'
import type { JobQueue } from '../jobs/queue'
import type { Write } from '../write'
import type { LocaliseOptions } from './assets'
import { captureKind } from './capture-job'
import type { ExtractPage } from './capture-job'
import { createExtractPool } from './extract/pool'
import type { ExtractPool } from './extract/pool'
import type { FetchOptions } from './fetch'
import { captureLabel } from './payload'
import type { CapturePayload } from './payload'
import { upsertPendingArticle } from './queries'
import { reextractKind } from './reextract'
import type { ReextractTarget } from './reextract'
import { resolveCaptureSource, resolveUploadSource } from './sources'

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

  const extract: ExtractPage = (html, url, signal) => extractor().extract({ html, url }, signal)
  queue.register(captureKind(write, extract, options))
  queue.register(reextractKind(db, write, extract))

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
          const known =
            error instanceof FolioError
              ? error
              : storageFailure(error, dirname(db.name), `"${input}"`)
          const info = known
            ? known.toInfo()
            : { code: 'internal' as const, message: String(error) }
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
