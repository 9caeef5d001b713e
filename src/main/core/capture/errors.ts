import { FolioError, type ErrorCode } from '../../../shared/errors'

/** The error codes the capture pipeline raises (a subset of the shared closed set). */
export type CaptureErrorCode = Extract<
  ErrorCode,
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'dns_failed'
  | 'connection_failed'
  | 'timeout'
  | 'too_many_redirects'
  | 'http_error'
  | 'too_large'
  | 'not_html'
  | 'decode_failed'
  | 'extract_failed'
  | 'cancelled'
>

/**
 * Network trouble that usually goes away by itself. The job queue retries these with backoff;
 * everything else fails the job at once, because retrying a 404 or a PDF only wastes time.
 */
const transientCodes: ReadonlySet<CaptureErrorCode> = new Set([
  'dns_failed',
  'connection_failed',
  'timeout'
])

export interface CaptureErrorOptions {
  /** Overrides the default that follows from the code (and from the status for HTTP errors). */
  transient?: boolean
  /** The HTTP status, for `http_error`. */
  status?: number
  /** How long the server asked us to wait before trying again (429/503 `Retry-After`). */
  retryAfterMs?: number
  cause?: unknown
}

/** A capture failure: a FolioError that also says whether a retry may help. */
export class CaptureError extends FolioError {
  readonly transient: boolean
  readonly status?: number
  readonly retryAfterMs?: number

  constructor(code: CaptureErrorCode, message: string, options: CaptureErrorOptions = {}) {
    super(code, message)
    this.name = 'CaptureError'
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
    this.transient = options.transient ?? defaultTransient(code, options.status)
    if (options.cause !== undefined) this.cause = options.cause
  }
}

function defaultTransient(code: CaptureErrorCode, status: number | undefined): boolean {
  if (code === 'http_error' && status !== undefined) return isTransientStatus(status)
  return transientCodes.has(code)
}

/**
 * 408 Request Timeout, 425 Too Early and 429 Too Many Requests ask the client to come back later;
 * 5xx are server-side failures that are often temporary (deploys, overload, a 502 from a proxy).
 */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500
}

/**
 * A `Retry-After` header (seconds, or an HTTP date) in milliseconds from `now`, at most 10
 * minutes (a server asking for hours is not waited for in a queue slot); null when absent or
 * unreadable.
 */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | null {
  if (header === undefined) return null
  const text = header.trim()
  const milliseconds = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now
  if (!Number.isFinite(milliseconds)) return null
  return Math.min(Math.max(0, milliseconds), maxRetryAfterMs)
}

const maxRetryAfterMs = 10 * 60_000

export function isCaptureError(error: unknown): error is CaptureError {
  return error instanceof CaptureError
}

const dnsErrorCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'])
const refusedCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN'])

/** Node's network errors → the closed set of capture codes, with a sentence for a person. */
export function captureErrorFromNetwork(error: unknown, url: string): CaptureError {
  if (error instanceof CaptureError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
  const host = new URL(url).host
  const options = { cause: error }
  if (dnsErrorCodes.has(code)) {
    const message = `Could not find the server ${host} (DNS lookup failed). Check the address and your connection.`
    return new CaptureError('dns_failed', message, options)
  }
  if (code === 'ETIMEDOUT') {
    return new CaptureError('timeout', `The connection to ${host} timed out.`, options)
  }
  if (refusedCodes.has(code)) {
    const message = `${host} refused the connection (${code}). The site may be down; try again later.`
    return new CaptureError('connection_failed', message, options)
  }
  if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__')) {
    const message = `${url} sent a damaged compressed body.`
    return new CaptureError('decode_failed', message, { ...options, transient: true })
  }
  const reason = error instanceof Error ? error.message : String(error)
  // Certificate problems do not fix themselves; resets and cut-off bodies often do.
  const certificateProblem = code.includes('CERT') || code.startsWith('ERR_TLS')
  return new CaptureError('connection_failed', `The connection to ${host} failed: ${reason}.`, {
    ...options,
    transient: !certificateProblem
  })
}
