import type { IncomingMessage, ServerResponse } from 'node:http'
import { contract, defaultMaxBodyBytes, isOperationName } from '../../shared/contract'
import type { Caller } from '../../shared/contract'
import type { ErrorInfo } from '../../shared/errors'
import { isAssetName } from '../../shared/web'
import type { Engine } from '../core/engine'
import { checkExtensionCall, isExtensionOrigin, mayCall, operationOf } from './connector'
import { bearerToken, isAllowedOrigin, tokensMatch } from './http-guard'
import type { RateLimiter } from './rate-limit'
import { readBody, sendError, sendJson, sendResult, sendText } from './replies'

/** What the API needs of its server: the engine, the keys, the limits and where to log. */
export interface ApiDoor {
  engine: Engine
  token: string
  /** The read-only key images are fetched with, and the bookmarklet's capture-only key. */
  assetKey: string
  bookmarkletKey: string
  captureLimiter: RateLimiter
  /** The port the server listens on, for the same-origin check. */
  port(): number
  /** Lower the contract's body caps (tests): for ordinary operations, and for page uploads. */
  maxBodyBytes?: number
  maxPageBodyBytes?: number
  log(message: string): void
}

/** Every refusal is answered with a status and a message, and logged. */
export function refuse(
  door: ApiDoor,
  response: ServerResponse,
  request: IncomingMessage,
  path: string,
  error: ErrorInfo
): void {
  const from = request.headers.origin ? ` from ${request.headers.origin}` : ''
  door.log(`folio serve: refused ${request.method} ${path}${from}: ${error.message}`)
  sendError(response, error)
}

/** The token opens every operation; the bookmarklet's key only saves the page it is on. */
function isAuthorized(door: ApiDoor, given: string | null, operation: string | null): boolean {
  if (tokensMatch(given, door.token)) return true
  return mayCall('bookmarklet', operation) ? tokensMatch(given, door.bookmarkletKey) : false
}

/**
 * Who may call the API: the origin rules (own pages, or an extension for capture operations),
 * then the token (or the bookmarklet key), then the capture rate limit. Null admits the call.
 */
function callerRefusal(
  door: ApiDoor,
  request: IncomingMessage,
  response: ServerResponse
): ErrorInfo | null {
  const origin = request.headers.origin
  const operation = operationOf(new URL(request.url ?? '/', 'http://localhost').pathname)
  if (isExtensionOrigin(origin)) {
    const refusal = checkExtensionCall(request, response, origin, operation)
    if (refusal) return refusal
  } else if (!isAllowedOrigin(origin, door.port())) {
    return { code: 'forbidden', message: `Requests from ${origin} are not allowed.` }
  }
  if (!isAuthorized(door, bearerToken(request), operation)) {
    return {
      code: 'unauthorized',
      message:
        'This request needs the library token (Authorization: Bearer <token>), which `folio serve` prints.'
    }
  }
  if (!mayCall('extension', operation)) return null
  const retryAfter = door.captureLimiter.take(origin ?? 'local')
  if (retryAfter === null) return null
  response.setHeader('retry-after', String(retryAfter))
  return {
    code: 'rate_limited',
    message: `Too many pages saved in a short time; try again in ${retryAfter} s.`
  }
}

/** The caller as the contract names it: an extension, the bookmarklet's key, or our own pages. */
function callerOf(door: ApiDoor, request: IncomingMessage): Caller {
  if (isExtensionOrigin(request.headers.origin)) return 'extension'
  return tokensMatch(bearerToken(request), door.token) ? 'ui' : 'bookmarklet'
}

/** The contract's cap for the operation's body, lowered where the options say (tests). */
function bodyLimit(door: ApiDoor, name: string): number {
  const cap = isOperationName(name) ? contract[name].maxBodyBytes : defaultMaxBodyBytes
  const lowered = cap > defaultMaxBodyBytes ? door.maxPageBodyBytes : door.maxBodyBytes
  return Math.min(cap, lowered ?? cap)
}

function serveAsset(
  door: ApiDoor,
  request: IncomingMessage,
  response: ServerResponse,
  path: string
) {
  const sha256 = path.slice('/api/assets/'.length)
  const key = new URL(request.url ?? '/', 'http://localhost').searchParams.get('key')
  if (!tokensMatch(key, door.assetKey))
    return sendText(response, 401, 'This image needs the library key.')
  const asset = isAssetName(sha256) ? door.engine.readAsset(sha256) : null
  if (!asset) return sendText(response, 404, 'No such image in this library.')
  response.writeHead(200, {
    'content-type': asset.mime,
    'content-length': asset.bytes.length,
    // An SVG opened on its own must not run script.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    // Content-addressed: the bytes behind a sha256 never change.
    'cache-control': 'private, max-age=31536000, immutable'
  })
  response.end(asset.bytes)
}

function streamEvents(door: ApiDoor, response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive'
  })
  response.write(': connected\n\n')
  const stop = door.engine.onEvent((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`)
  })
  // Proxies and browsers drop idle streams; a comment every 25 s keeps it open.
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000)
  response.on('close', () => {
    clearInterval(keepAlive)
    stop()
  })
}

/** A refusal of the request's shape (method, content type), or null when it is a JSON POST. */
function shapeRefusal(request: IncomingMessage): { error: ErrorInfo; status: number } | null {
  if (request.method !== 'POST') {
    return {
      error: { code: 'invalid_input', message: 'API operations are called with POST.' },
      status: 405
    }
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    const message = 'Send the operation input as JSON (Content-Type: application/json).'
    return { error: { code: 'invalid_input', message }, status: 415 }
  }
  return null
}

/** `/api/…`: images, the event stream, the asset key, and `POST /api/<operation>`. */
export async function handleApi(
  door: ApiDoor,
  request: IncomingMessage,
  response: ServerResponse,
  path: string
): Promise<void> {
  // Images carry their own read-only key in the URL (an <img> cannot send the token), and the
  // reader's sandboxed frame sends them with `Origin: null`.
  if (path.startsWith('/api/assets/') && request.method === 'GET')
    return serveAsset(door, request, response, path)
  const refusal = callerRefusal(door, request, response)
  if (refusal) return refuse(door, response, request, path, refusal)
  if (path === '/api/events' && request.method === 'GET') return streamEvents(door, response)
  if (path === '/api/asset-key' && request.method === 'GET') {
    return sendJson(response, 200, { ok: true, value: { key: door.assetKey } })
  }
  const shape = shapeRefusal(request)
  if (shape) {
    if (shape.status === 405) response.setHeader('allow', 'POST')
    door.log(`folio serve: refused ${request.method} ${path}: ${shape.error.message}`)
    return sendError(response, shape.error, shape.status)
  }
  const name = operationOf(path) ?? ''
  const body = await readBody(request, bodyLimit(door, name))
  if (!body.ok) return refuse(door, response, request, path, body.error)
  sendResult(response, await door.engine.invoke(name, body.value, callerOf(door, request)))
}
