/** The closed set of error codes every door returns. */
export const errorCodes = [
  'invalid_input',
  'unknown_operation',
  'not_found',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'rate_limited',
  'library_too_new',
  'library_unavailable',
  /** The disk holding the library is full (SQLITE_FULL, ENOSPC): nothing more can be written. */
  'storage_full',
  /** The desktop app's engine process stopped; calls answer this instead of hanging. */
  'engine_unavailable',
  'invalid_url',
  'unsupported_scheme',
  'dns_failed',
  'connection_failed',
  'timeout',
  'too_many_redirects',
  'http_error',
  'too_large',
  'not_html',
  'decode_failed',
  'extract_failed',
  'cancelled',
  /** A file Folio was asked to write exists already (`--force` replaces it). */
  'already_exists',
  /** Writing a backup or an export failed (a read-only folder, a full disk). */
  'write_failed',
  'internal'
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorInfo {
  code: ErrorCode
  /** A sentence for a person: what happened and what to do next. */
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

/** An error the core raises on purpose; the doors turn it into `{ ok: false, error }`. */
export class FolioError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'FolioError'
    this.code = code
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function failure<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

/** Returns the value of a result, or throws its error as a FolioError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new FolioError(result.error.code, result.error.message)
}
