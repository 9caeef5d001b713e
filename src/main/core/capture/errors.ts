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
  cause?: unknown
}

/** A capture failure: a FolioError that also says whether a retry may help. */
export class CaptureError extends FolioError {
  readonly transient: boolean
  readonly status?: number

  constructor(code: CaptureErrorCode, message: string, options: CaptureErrorOptions = {}) {
    super(code, message)
    this.name = 'CaptureError'
    this.status = options.status
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

export function isCaptureError(error: unknown): error is CaptureError {
  return error instanceof CaptureError
}
