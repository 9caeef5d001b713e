import { createHmac } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contract, isOperationName } from '../../shared/contract'
import type { Caller } from '../../shared/contract'
import type { ErrorInfo } from '../../shared/errors'

/**
 * The browser-capture connector's rules (DESIGN.md §6, issue 7). Besides the server's own pages,
 * two kinds of browser caller may reach the API:
 *
 * - The browser extension, whose origin is `chrome-extension://<id>` or `moz-extension://<uuid>`.
 *   It may call the capture operations and nothing else, with the library token and the
 *   `X-Folio-Client` header. A custom header makes every such call a CORS "non-simple" request,
 *   so a browser always asks first (preflight), and we answer preflights for extension origins
 *   only: a web page can never get a capture call through, even if it learnt the token.
 * - The bookmarklet's page, `/capture` on this server (same origin as the API). The bookmarklet
 *   runs inside an arbitrary page, whose scripts can read anything it carries, so it carries a
 *   capture key derived from the token, never the token: that key saves pages and nothing else.
 *
 * Which operations each may call is the contract's door policy (src/shared/contract).
 */

/** True when the contract lets this kind of caller use the operation. */
export function mayCall(caller: Caller, operation: string | null): boolean {
  return operation !== null && isOperationName(operation)
    ? contract[operation].callers.includes(caller)
    : false
}

/** The operations a caller may use, for the messages that refuse the others. */
function operationsOf(caller: Caller): string {
  return Object.entries(contract)
    .filter(([, spec]) => spec.callers.includes(caller))
    .map(([name]) => name)
    .join(', ')
}

export const clientHeader = 'x-folio-client'

const extensionOriginPattern = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i

/** The headers an extension's capture call sends; a preflight asking for others is refused. */
const allowedRequestHeaders = new Set(['authorization', 'content-type', clientHeader])

/** Preflight answers are cached by the browser for 10 minutes (Chromium caps it at 2 hours). */
const preflightMaxAgeSeconds = 600

export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && extensionOriginPattern.test(origin)
}

export function operationOf(path: string): string | null {
  if (!path.startsWith('/api/')) return null
  try {
    return decodeURIComponent(path.slice('/api/'.length))
  } catch {
    return null
  }
}

/**
 * Admits an extension's call to a capture operation; refuses one without the client header.
 * Null means admitted. Sets the CORS answer first so the extension can read a refusal's message.
 */
export function checkExtensionCall(
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
  operation: string | null
): ErrorInfo | null {
  if (!mayCall('extension', operation)) {
    return {
      code: 'forbidden',
      message: `The browser extension may only save pages (${operationsOf('extension')}).`
    }
  }
  allowOrigin(response, origin)
  if (!request.headers[clientHeader]) {
    return {
      code: 'forbidden',
      message: `Browser capture calls must send the ${clientHeader} header (the Folio extension does).`
    }
  }
  return null
}

/**
 * Answers a CORS preflight: yes for an extension asking to POST a capture operation with our
 * headers, a refusal with a reason for everything else (which the browser then blocks).
 */
export function preflightRefusal(request: IncomingMessage, path: string): ErrorInfo | null {
  const origin = request.headers.origin
  const operation = operationOf(path)
  if (!isExtensionOrigin(origin)) {
    return { code: 'forbidden', message: `Cross-origin calls from ${origin} are not allowed.` }
  }
  if (!mayCall('extension', operation)) {
    return { code: 'forbidden', message: 'The browser extension may only call capture operations.' }
  }
  if ((request.headers['access-control-request-method'] ?? '').toUpperCase() !== 'POST') {
    return { code: 'forbidden', message: 'Capture operations are called with POST.' }
  }
  const asked = (request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((header) => header.trim().toLowerCase())
    .filter((header) => header !== '')
  const refused = asked.filter((header) => !allowedRequestHeaders.has(header))
  if (refused.length > 0) {
    return { code: 'forbidden', message: `Headers not allowed: ${refused.join(', ')}.` }
  }
  return null
}

export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  allowOrigin(response, request.headers.origin ?? '')
  response.writeHead(204, {
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': [...allowedRequestHeaders].join(', '),
    'access-control-max-age': String(preflightMaxAgeSeconds)
  })
  response.end()
}

function allowOrigin(response: ServerResponse, origin: string): void {
  response.setHeader('access-control-allow-origin', origin)
  response.setHeader('vary', 'Origin')
}

/** The bookmarklet's key: derived from the token, so it changes with it and reveals nothing of it. */
export function bookmarkletKeyFor(token: string): string {
  return createHmac('sha256', token).update('folio-bookmarklet').digest('base64url')
}
