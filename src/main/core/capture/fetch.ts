import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { binaryKind, looksLikeHtml } from './decode'
import { CaptureError, captureErrorFromNetwork, parseRetryAfter } from './errors'
import { inMebibytes, maxPageBytes } from './limits'

/*
 * Requests go through node:http/https rather than undici's fetch: we need the connect phase
 * separately from the whole (a connect timeout), a pluggable DNS lookup, every redirect in our
 * hands, and the compressed stream itself, so that the size cap counts decompressed bytes and a
 * decompression bomb is stopped after its first chunks.
 */

/** A server that has not accepted the TCP connection after 15 s is down or filtered. */
const defaultConnectTimeoutMs = 15_000
/** A page that needs more than a minute in all is stuck; the queue will retry it later. */
const defaultTotalTimeoutMs = 60_000
/** The same cap as for local files (limits.ts). */
const defaultMaxPageBytes = maxPageBytes
/** Browsers follow about 20 redirects; real article links need 1–3, trackers add a few more. */
const defaultMaxRedirects = 10

/** Chrome's own string: some sites answer a bare Node client with a 403 or a bot wall. */
const browserUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const htmlAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const imageAccept = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8'

export interface RequestOptions {
  connectTimeoutMs?: number
  totalTimeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  signal?: AbortSignal
  /** Extra request headers; they override the browser-like defaults. */
  headers?: Record<string, string>
  /** Replaces the system DNS lookup (tests, or a future private-address guard). */
  lookup?: LookupFunction
}

export type FetchOptions = RequestOptions

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string
  status: number
  contentType: string | null
  bytes: Uint8Array
  /** The URLs that answered with a redirect, in order, the requested one first. */
  redirects: string[]
}

export interface ImageRequestOptions {
  /** The article's URL, sent as Referer because many image hosts refuse hot-linking without it. */
  referer?: string
  maxBytes?: number
  timeoutMs?: number
  signal?: AbortSignal
  lookup?: LookupFunction
}

/** Fetches an article page; anything but HTML is refused with `not_html`. */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const headers = { Accept: htmlAccept, ...options.headers }
  const page = await fetchResource(url, { ...options, headers }, refuseNonHtmlHead)
  if (needsSniffing(page.contentType) && !looksLikeHtml(page.bytes)) {
    throw notHtml(page.url, page.contentType ?? 'an unlabelled file')
  }
  // Servers mislabel images and downloads as text/html; the first bytes tell.
  const binary = binaryKind(page.bytes, page.contentType)
  if (binary !== null) {
    const message = `${page.url} is labelled as a web page but holds ${binary}. Folio can only save HTML pages.`
    throw new CaptureError('not_html', message)
  }
  return page
}

/** Fetches an image for an article; the caller checks that the bytes are an image. */
export async function fetchImage(
  url: string,
  options: ImageRequestOptions = {}
): Promise<FetchedPage> {
  const headers: Record<string, string> = { Accept: imageAccept }
  if (options.referer) headers.Referer = options.referer
  const totalTimeoutMs = options.timeoutMs ?? defaultTotalTimeoutMs
  return fetchResource(url, {
    headers,
    maxBytes: options.maxBytes,
    totalTimeoutMs,
    connectTimeoutMs: Math.min(defaultConnectTimeoutMs, totalTimeoutMs),
    signal: options.signal,
    lookup: options.lookup
  })
}

/** Sees the response head before the body is read; throws to refuse it without downloading. */
export type HeadCheck = (url: string, contentType: string | null) => void

/**
 * The one request routine behind pages and images: GET with redirects followed by hand,
 * timeouts, cancel, decompression and a streamed size cap. Statuses ≥ 400 throw `http_error`.
 */
export async function fetchResource(
  url: string,
  options: RequestOptions = {},
  checkHead?: HeadCheck
): Promise<FetchedPage> {
  const deadline = new Deadline(options.totalTimeoutMs ?? defaultTotalTimeoutMs, options.signal)
  const hops = new RedirectHops(options.maxRedirects ?? defaultMaxRedirects)
  let currentUrl = parseHttpUrl(url, url)
  try {
    for (;;) {
      hops.arrive(currentUrl)
      const headers = { ...options.headers, ...hops.cookies.headerFor(currentUrl) }
      const response = await sendRequest(currentUrl, { ...options, headers }, deadline.signal)
      const location = response.headers.location
      if (!isRedirect(response.statusCode) || location === undefined) {
        return await readResponse(response, currentUrl.href, hops.urls, options, checkHead)
      }
      response.destroy()
      hops.cookies.remember(currentUrl, response.headers['set-cookie'])
      currentUrl = hops.follow(currentUrl, parseHttpUrl(location, currentUrl.href))
    }
  } catch (error) {
    throw toCaptureError(error, currentUrl.href, deadline)
  } finally {
    deadline.dispose()
  }
}

function parseHttpUrl(location: string, base: string): URL {
  let parsed: URL
  try {
    parsed = new URL(location, base)
  } catch (error) {
    throw new CaptureError('invalid_url', `"${location}" is not a valid web address.`, {
      cause: error
    })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CaptureError(
      'unsupported_scheme',
      `Folio can only fetch http and https, not "${location}".`
    )
  }
  parsed.hash = ''
  return parsed
}

function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/**
 * The redirects of one fetch. A hop back to a URL already seen with the same cookies is a loop;
 * with new cookies it is the "set a cookie and redirect to yourself" handshake of news sites.
 */
class RedirectHops {
  /** The URLs that answered with a redirect, in order. */
  readonly urls: string[] = []
  readonly cookies = new RedirectCookies()
  private readonly visits = new Set<string>()

  constructor(private readonly maxRedirects: number) {}

  /** Notes a request about to be sent, with the cookies it will carry. */
  arrive(url: URL): void {
    this.visits.add(this.visitKey(url))
  }

  follow(from: URL, target: URL): URL {
    this.urls.push(from.href)
    if (this.visits.has(this.visitKey(target))) {
      const message = `${this.urls[0]} redirects in a loop (back to ${target.href}). Open it in a browser to check.`
      throw new CaptureError('too_many_redirects', message)
    }
    if (this.urls.length > this.maxRedirects) {
      const message = `${this.urls[0]} redirected more than ${this.maxRedirects} times; Folio gave up.`
      throw new CaptureError('too_many_redirects', message)
    }
    return target
  }

  private visitKey(url: URL): string {
    return `${url.href} ${this.cookies.headerFor(url).Cookie ?? ''}`
  }
}

/** Cookies set during the redirects of one fetch, sent on later hops; forgotten afterwards. */
class RedirectCookies {
  private readonly cookies: { domain: string; name: string; value: string }[] = []

  remember(url: URL, setCookieHeaders: string[] | undefined): void {
    for (const header of setCookieHeaders ?? []) {
      const [pair, ...attributes] = header.split(';')
      const separator = pair.indexOf('=')
      if (separator <= 0) continue
      const name = pair.slice(0, separator).trim()
      const domainAttribute = attributes.find((part) => /^\s*domain\s*=/i.test(part))
      const domain = domainAttribute?.split('=')[1].trim().replace(/^\./, '').toLowerCase()
      // A Domain attribute only counts if it covers the host that set it (RFC 6265 § 5.3).
      const scope = domain && domainMatches(url.hostname, domain) ? domain : url.hostname
      const kept = this.cookies.filter((cookie) => cookie.name !== name || cookie.domain !== scope)
      kept.push({ domain: scope, name, value: pair.slice(separator + 1).trim() })
      this.cookies.splice(0, this.cookies.length, ...kept)
    }
  }

  headerFor(url: URL): { Cookie?: string } {
    const matching = this.cookies.filter((cookie) => domainMatches(url.hostname, cookie.domain))
    if (matching.length === 0) return {}
    return { Cookie: matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') }
  }
}

function domainMatches(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`)
}

async function readResponse(
  response: IncomingMessage,
  url: string,
  redirects: string[],
  options: RequestOptions,
  checkHead: HeadCheck | undefined
): Promise<FetchedPage> {
  const status = response.statusCode ?? 0
  const contentType = response.headers['content-type'] ?? null
  try {
    if (status >= 400) {
      const retryAfter = parseRetryAfter(response.headers['retry-after']) ?? undefined
      throw httpError(status, response.statusMessage, url, retryAfter)
    }
    checkHead?.(url, contentType)
    const bytes = await readBody(response, url, options.maxBytes ?? defaultMaxPageBytes)
    return { url, status, contentType, bytes, redirects }
  } finally {
    response.destroy()
  }
}

function sendRequest(
  url: URL,
  options: RequestOptions,
  signal: AbortSignal
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http
  const headers = {
    'User-Agent': browserUserAgent,
    'Accept-Language': defaultAcceptLanguage(),
    'Accept-Encoding': 'gzip, deflate, br',
    ...options.headers
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? defaultConnectTimeoutMs
  return new Promise((resolve, reject) => {
    const request = client.get(url, { headers, signal, lookup: options.lookup }, resolve)
    request.on('error', reject)
    request.on('socket', (socket) => {
      if (!socket.connecting) return
      const timer = setTimeout(() => {
        const seconds = connectTimeoutMs / 1000
        const message = `${url.host} did not accept a connection within ${seconds} s. Try again later.`
        request.destroy(new CaptureError('timeout', message))
      }, connectTimeoutMs)
      socket.once('connect', () => clearTimeout(timer))
      socket.once('close', () => clearTimeout(timer))
    })
  })
}

/** The user's language first, then English, which most sites serve as a fallback. */
function defaultAcceptLanguage(): string {
  const locale = Intl.DateTimeFormat().resolvedOptions().locale
  const language = locale.split('-')[0]
  if (language === 'en') return locale === 'en' ? 'en;q=0.9' : `${locale},en;q=0.9`
  return locale === language ? `${locale},en;q=0.8` : `${locale},${language};q=0.9,en;q=0.8`
}

/** Reads the body through its decompressor, stopping as soon as `maxBytes` is passed. */
async function readBody(
  response: IncomingMessage,
  url: string,
  maxBytes: number
): Promise<Uint8Array> {
  const announced = Number(response.headers['content-length'])
  if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge(url, maxBytes)
  const body = decompressed(response)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length
      if (size > maxBytes) throw tooLarge(url, maxBytes)
      chunks.push(chunk as Buffer)
    }
  } finally {
    body.destroy()
  }
  return new Uint8Array(Buffer.concat(chunks, size))
}

/** The encodings we announce in Accept-Encoding; zstd is left out until Node 22's zlib has it. */
const decompressors: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
  deflate: createInflate
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase()
  if (encoding === '' || encoding === 'identity') return response
  const createDecompressor = decompressors[encoding]
  if (createDecompressor === undefined) {
    throw new CaptureError('decode_failed', `The server used an unknown compression "${encoding}".`)
  }
  // pipeline destroys both streams on an error in either, so the reading loop sees it.
  return pipeline(response, createDecompressor(), () => {})
}

function refuseNonHtmlHead(url: string, contentType: string | null): void {
  if (!needsSniffing(contentType) && !isHtmlType(contentType)) {
    throw notHtml(url, mediaType(contentType))
  }
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0].trim().toLowerCase()
}

function isHtmlType(contentType: string | null): boolean {
  const type = mediaType(contentType)
  return type === 'text/html' || type === 'application/xhtml+xml'
}

/** Servers often send HTML without a type or as text/plain; the bytes decide then. */
function needsSniffing(contentType: string | null): boolean {
  const type = mediaType(contentType)
  return type === '' || type === 'text/plain'
}

function notHtml(url: string, type: string): CaptureError {
  const message = `${url} is ${type}, not a web page. Folio can only save HTML pages.`
  return new CaptureError('not_html', message)
}

function httpError(
  status: number,
  statusMessage: string | undefined,
  url: string,
  retryAfterMs?: number
): CaptureError {
  const reason = statusMessage || http.STATUS_CODES[status] || ''
  const wait =
    retryAfterMs === undefined
      ? ''
      : ` It asked to try again in ${Math.ceil(retryAfterMs / 1000)} s.`
  return new CaptureError(
    'http_error',
    `The server answered ${status} ${reason} for ${url}.${wait}`,
    { status, retryAfterMs }
  )
}

function tooLarge(url: string, maxBytes: number): CaptureError {
  const limit = inMebibytes(maxBytes)
  return new CaptureError('too_large', `${url} is larger than the ${limit} limit; Folio stopped.`)
}

/** The total timeout and the caller's cancel, merged into one signal for the request. */
class Deadline {
  readonly signal: AbortSignal
  readonly totalTimeoutMs: number
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout
  private readonly callerSignal?: AbortSignal
  private readonly onCallerAbort = (): void => this.controller.abort()
  timedOut = false

  constructor(totalTimeoutMs: number, callerSignal?: AbortSignal) {
    this.signal = this.controller.signal
    this.totalTimeoutMs = totalTimeoutMs
    this.callerSignal = callerSignal
    this.timer = setTimeout(() => {
      this.timedOut = true
      this.controller.abort()
    }, totalTimeoutMs)
    if (callerSignal?.aborted) this.controller.abort()
    callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true })
  }

  get cancelled(): boolean {
    return this.callerSignal?.aborted === true && !this.timedOut
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort)
  }
}

/** The deadline decides first: an abort surfaces as some socket error that would mislead. */
function toCaptureError(error: unknown, url: string, deadline: Deadline): CaptureError {
  if (deadline.cancelled) return new CaptureError('cancelled', `Saving ${url} was cancelled.`)
  if (deadline.timedOut) {
    const seconds = deadline.totalTimeoutMs / 1000
    return new CaptureError('timeout', `${url} did not finish loading within ${seconds} s.`, {
      cause: error
    })
  }
  return captureErrorFromNetwork(error, url)
}
