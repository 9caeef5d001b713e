import type { IncomingMessage } from 'node:http'
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { ErrorInfo } from '../../shared/errors'

/** Loopback names a browser may put in `Host`; anything else is a DNS-rebinding attempt. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase())
  if (!match) return false
  const [, host, hostPort] = match
  return (
    loopbackHosts.has(host) && (hostPort === undefined ? port === 80 : Number(hostPort) === port)
  )
}

/** A request without `Origin` (curl, the CLI) or from the server's own pages is same-origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && isLoopbackHost(url.host, port)
  } catch {
    return false
  }
}

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match ? match[1] : null
}

export function tokensMatch(given: string | null, expected: string): boolean {
  if (given === null) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

const statusByCode: Partial<Record<ErrorInfo['code'], number>> = {
  invalid_input: 400,
  unknown_operation: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  library_unavailable: 503,
  storage_full: 507
}

/** HTTP status for an error result; operations that fail on their input's merits answer 422. */
export function httpStatusFor(error: ErrorInfo): number {
  return statusByCode[error.code] ?? 422
}

/**
 * A read-only key for article images, derived from the token. Image URLs inside the reader
 * carry it (an <img> cannot send headers), so a leaked image URL reveals images, never the API.
 */
export function assetKeyFor(token: string): string {
  return createHmac('sha256', token).update('folio-assets').digest('base64url')
}
