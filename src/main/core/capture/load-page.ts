import { readFile, stat } from 'node:fs/promises'
import type { LookupFunction } from 'node:net'
import { extname } from 'node:path'
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib'
import { textExtensions } from '../../../shared/contract'
import { FolioError } from '../../../shared/errors'
import type { JobRunContext } from '../jobs/kinds'
import type { FetchOptions } from './fetch'
import { fileNameOf } from './payload'
import { checkFileSize } from './sources'
import type { CapturePayload } from './payload'
import type { CapturedArticle } from './queries'

/** A page ready for extraction: its HTML, its final address and the bytes to keep. */
export interface LoadedPage {
  html: string
  url: string
  original: CapturedArticle['original']
}

export interface LoadOptions {
  lookup?: LookupFunction
  fetch?: Omit<FetchOptions, 'signal'>
}

/** Plain-text files become articles without Readability; everything else is a page. */
export function isTextFile(path: string): boolean {
  return (textExtensions as readonly string[]).includes(extname(path).toLowerCase())
}

export function isTextPayload(payload: CapturePayload): boolean {
  const name = fileNameOf(payload)
  return name !== null && isTextFile(name)
}

function compressOriginal(bytes: Uint8Array, charset: string): CapturedArticle['original'] {
  // Quality 5: within 10% of the best ratio on HTML at a tenth of the time of quality 11.
  const compressed = brotliCompressSync(bytes, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 }
  })
  return { bytes: compressed, encoding: 'br', charset }
}

/** Reads a file to save, within the page size cap (it may have grown since it was queued). */
async function readLocalFile(path: string): Promise<Uint8Array> {
  const unreadable = (error: NodeJS.ErrnoException): never => {
    throw new FolioError('not_found', `Could not read ${path}: ${error.message}`)
  }
  checkFileSize(path, (await stat(path).catch(unreadable)).size)
  return readFile(path).catch(unreadable)
}

/** Fetches, reads or takes the page a capture is about, decoded by the browser's rules. */
export async function loadPage(
  payload: CapturePayload,
  context: JobRunContext,
  options: LoadOptions
): Promise<LoadedPage> {
  // Loaded at the first capture, not with the engine: commands that only read never pay for them.
  const { decodeHtmlBytes } = await import('./decode')
  if (payload.source === 'url') {
    context.stage('fetching')
    const { fetchPage } = await import('./fetch')
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
      : await readLocalFile(payload.path)
  const decoded = decodeHtmlBytes(bytes, isTextPayload(payload) ? 'text/plain' : null)
  return {
    html: decoded.html,
    url: payload.url,
    original: compressOriginal(bytes, decoded.charset)
  }
}
