import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FolioError } from '../../../shared/errors'
import { importableExtensions } from '../../../shared/contract'
import { inMebibytes, maxPageBytes } from './limits'
import type { CapturePayload } from './payload'
import { normalizeUrl } from './url'

/** True for a file Folio reads as an article (shared/contract/capture.ts lists them). */
function isImportable(path: string): boolean {
  return (importableExtensions as readonly string[]).includes(extname(path).toLowerCase())
}

/** The refusal of a file Folio cannot read, naming it and what it reads. */
function notImportable(fileName: string): FolioError {
  return new FolioError(
    'invalid_input',
    `${fileName} is not a page Folio can import; it reads .html, .htm, .txt and .md files.`
  )
}

/** Local files obey the cap fetched pages do (limits.ts); refused before a byte is read. */
export function checkFileSize(path: string, size: number): void {
  if (size <= maxPageBytes) return
  throw new FolioError(
    'too_large',
    `${path} is ${inMebibytes(size)}, larger than the ${inMebibytes(maxPageBytes)} Folio saves ` +
      'from a file or the web. Save a smaller file, for instance only the part you want to keep.'
  )
}

/** True when the input is a local file path (or file: address) rather than a web address. */
export function isLocalPath(input: string): boolean {
  const trimmed = input.trim()
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /^file:/i.test(trimmed)
}

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
  if (!isLocalPath(trimmed)) {
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
  if (!isImportable(path)) throw notImportable(basename(path))
  checkFileSize(path, statSync(path).size)
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
  if (!isImportable(fileName)) throw notImportable(fileName)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const url = `file:///${encodeURIComponent(fileName)}`
  return {
    payload: { source: 'upload', name: fileName, url, contentBase64 },
    url,
    urlKey: `upload:${sha256}`
  }
}
