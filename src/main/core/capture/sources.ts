import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FolioError } from '../../../shared/errors'
import type { CapturePayload } from '../db/queries/jobs'
import { normalizeUrl } from './url'

/** Local files Folio reads as articles: HTML pages as saved by a browser, plain text, Markdown. */
export const importableExtensions = new Set(['.html', '.htm', '.xhtml', '.txt', '.md', '.markdown'])

export interface CaptureSource {
  payload: CapturePayload
  /** The dedupe key of DESIGN.md §3: a normalised URL, or the file's own URL. */
  urlKey: string
  url: string
}

/**
 * What the user typed, as something to capture: an http(s) address or a local file. Anything
 * else is refused with a message that names it.
 */
export function resolveCaptureSource(input: string, cwd = process.cwd()): CaptureSource {
  const trimmed = input.trim()
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/^file:/i.test(trimmed)) {
    const { url, urlKey } = normalizeUrl(trimmed)
    return { payload: { source: 'url', url }, url, urlKey }
  }
  const path = resolve(cwd, trimmed.replace(/^file:\/\//i, ''))
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new FolioError(
      'invalid_url',
      `"${input}" is neither a web address (https://…) nor a file that exists.`
    )
  }
  if (!importableExtensions.has(extname(path).toLowerCase())) {
    throw new FolioError(
      'invalid_input',
      `${basename(path)} is not a page Folio can import; it reads .html, .htm, .txt and .md files.`
    )
  }
  const url = pathToFileURL(path).href
  return { payload: { source: 'file', path, url }, url, urlKey: url }
}

/**
 * A file sent with its bytes (dropped in a browser window, which gives no path). The same file
 * sent twice is the same article: its key is the hash of its bytes.
 */
export function resolveUploadSource(
  name: string,
  bytes: Uint8Array,
  contentBase64: string
): CaptureSource {
  const fileName = basename(name.replace(/\\/g, '/'))
  if (!importableExtensions.has(extname(fileName).toLowerCase())) {
    throw new FolioError(
      'invalid_input',
      `${fileName} is not a page Folio can import; it reads .html, .htm, .txt and .md files.`
    )
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const url = `file:///${encodeURIComponent(fileName)}`
  return {
    payload: { source: 'upload', name: fileName, url, contentBase64 },
    url,
    urlKey: `upload:${sha256}`
  }
}
