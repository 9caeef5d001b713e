import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { contract, defaultMaxBodyBytes, isOperationName } from '../../shared/contract'
import type { Caller } from '../../shared/contract'
import type { ErrorInfo, Result } from '../../shared/errors'
import { isAssetName } from '../../shared/web'
import type { Engine } from '../core/engine'
import {
  assetKeyFor,
  bearerToken,
  httpStatusFor,
  isAllowedOrigin,
  isLoopbackHost,
  tokensMatch
} from './http-guard'
import { serveStatic } from './static-files'
import { serveCapturePage } from './capture-page'
import {
  answerPreflight,
  bookmarkletKeyFor,
  checkExtensionCall,
  isExtensionOrigin,
  mayCall,
  operationOf,
  preflightRefusal
} from './connector'
import { createRateLimiter, defaultCaptureRateLimit } from './rate-limit'
import type { RateLimit } from './rate-limit'

export interface ServerOptions {
  engine: Engine
  token: string
  /** The built renderer (out/renderer); without it only the API is served. */
  rendererDir?: string
  port?: number
  /** Lowers the contract's body caps (tests): for ordinary operations, and for page uploads. */
  maxBodyBytes?: number
  maxPageBodyBytes?: number
  /** Capture calls per client (its Origin); 60 a minute unless set. */
  captureRateLimit?: RateLimit
  log?: (message: string) => void
}

export interface RunningServer {
  port: number
  /** The address to open in a browser; the token travels in the fragment, never to the network. */
  url: string
  close(): Promise<void>
}

/**
 * The HTTP door (DESIGN.md §6): loopback only, a per-library token on every API call, `Host` and
 * `Origin` checked against DNS rebinding and cross-site requests.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.error(message))
  const assetKey = assetKeyFor(options.token)
  const bookmarkletKey = bookmarkletKeyFor(options.token)
  const captureLimiter = createRateLimiter(options.captureRateLimit ?? defaultCaptureRateLimit)
  let port = options.port ?? 0
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`folio serve: ${request.method} ${request.url} failed: ${String(error)}`)
      if (!response.headersSent)
        sendError(response, { code: 'internal', message: 'The server failed.' })
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (!isLoopbackHost(request.headers.host, port)) {
      log(
        `folio serve: refused ${request.method} ${path}: Host "${request.headers.host}" is not this machine`
      )
      return sendError(response, {
        code: 'forbidden',
        message: 'Folio only answers requests addressed to 127.0.0.1 or localhost.'
      })
    }
    if (request.method === 'OPTIONS') {
      const refusal = preflightRefusal(request, path)
      if (refusal) return refuse(response, request, path, refusal)
      return answerPreflight(request, response)
    }
    if (!path.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return void response.writeHead(405).end()
      if (serveCapturePage(path, response)) return
      if (!options.rendererDir)
        return sendText(response, 404, 'This Folio server has no user interface built.')
      return serveStatic(options.rendererDir, path, response, `http://127.0.0.1:${port}`)
    }
    // Images carry their own read-only key in the URL (an <img> cannot send the token), and the
    // reader's sandboxed frame sends them with `Origin: null`.
    if (path.startsWith('/api/assets/') && request.method === 'GET')
      return serveAsset(request, response, path)
    const refusal = callerRefusal(request, response)
    if (refusal) return refuse(response, request, path, refusal)
    if (path === '/api/events' && request.method === 'GET') return streamEvents(response)
    if (path === '/api/asset-key' && request.method === 'GET') {
      return sendJson(response, 200, { ok: true, value: { key: assetKey } })
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST')
      log(`folio serve: refused ${request.method} ${path}: not a POST`)
      return sendError(
        response,
        { code: 'invalid_input', message: 'API operations are called with POST.' },
        405
      )
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      log(`folio serve: refused ${path}: the body is not JSON`)
      return sendError(
        response,
        {
          code: 'invalid_input',
          message: 'Send the operation input as JSON (Content-Type: application/json).'
        },
        415
      )
    }
    const name = operationOf(path) ?? ''
    const body = await readBody(request, bodyLimit(name))
    if (!body.ok) return refuse(response, request, path, body.error)
    const result = await options.engine.invoke(name, body.value, callerOf(request))
    sendResult(response, result)
  }

  /** The contract's cap for the operation's body, lowered where the options say (tests). */
  function bodyLimit(name: string): number {
    const cap = isOperationName(name) ? contract[name].maxBodyBytes : defaultMaxBodyBytes
    const lowered = cap > defaultMaxBodyBytes ? options.maxPageBodyBytes : options.maxBodyBytes
    return Math.min(cap, lowered ?? cap)
  }

  /** The caller as the contract names it: an extension, the bookmarklet's key, or our own pages. */
  function callerOf(request: IncomingMessage): Caller {
    if (isExtensionOrigin(request.headers.origin)) return 'extension'
    return tokensMatch(bearerToken(request), options.token) ? 'ui' : 'bookmarklet'
  }

  /**
   * Who may call the API: the origin rules (own pages, or an extension for capture operations),
   * then the token (or the bookmarklet key), then the capture rate limit. Null admits the call.
   */
  function callerRefusal(request: IncomingMessage, response: ServerResponse): ErrorInfo | null {
    const origin = request.headers.origin
    const operation = operationOf(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (isExtensionOrigin(origin)) {
      const refusal = checkExtensionCall(request, response, origin, operation)
      if (refusal) return refusal
    } else if (!isAllowedOrigin(origin, port)) {
      return { code: 'forbidden', message: `Requests from ${origin} are not allowed.` }
    }
    if (!isAuthorized(bearerToken(request), operation)) {
      return {
        code: 'unauthorized',
        message:
          'This request needs the library token (Authorization: Bearer <token>), which `folio serve` prints.'
      }
    }
    if (!mayCall('extension', operation)) return null
    const retryAfter = captureLimiter.take(origin ?? 'local')
    if (retryAfter === null) return null
    response.setHeader('retry-after', String(retryAfter))
    return {
      code: 'rate_limited',
      message: `Too many pages saved in a short time; try again in ${retryAfter} s.`
    }
  }

  /** The token opens every operation; the bookmarklet's key only saves the page it is on. */
  function isAuthorized(given: string | null, operation: string | null): boolean {
    if (tokensMatch(given, options.token)) return true
    return mayCall('bookmarklet', operation) ? tokensMatch(given, bookmarkletKey) : false
  }

  /** Every refusal is answered with a status and a message, and logged. */
  function refuse(
    response: ServerResponse,
    request: IncomingMessage,
    path: string,
    error: ErrorInfo
  ): void {
    const from = request.headers.origin ? ` from ${request.headers.origin}` : ''
    log(`folio serve: refused ${request.method} ${path}${from}: ${error.message}`)
    sendError(response, error)
  }

  function serveAsset(request: IncomingMessage, response: ServerResponse, path: string): void {
    const sha256 = path.slice('/api/assets/'.length)
    const key = new URL(request.url ?? '/', 'http://localhost').searchParams.get('key')
    if (!tokensMatch(key, assetKey))
      return sendText(response, 401, 'This image needs the library key.')
    const asset = isAssetName(sha256) ? options.engine.readAsset(sha256) : null
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

  function streamEvents(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive'
    })
    response.write(': connected\n\n')
    const stop = options.engine.onEvent((event) => {
      response.write(`data: ${JSON.stringify(event)}\n\n`)
    })
    // Proxies and browsers drop idle streams; a comment every 25 s keeps it open.
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000)
    response.on('close', () => {
      clearInterval(keepAlive)
      stop()
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Result<unknown>> {
  const declared = Number(request.headers['content-length'] ?? 0)
  const tooLarge: ErrorInfo = {
    code: 'payload_too_large',
    message: `The request body is larger than the ${Math.round(maxBytes / 1024)} KiB this operation accepts.`
  }
  if (declared > maxBytes) return { ok: false, error: tooLarge }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBytes) return { ok: false, error: tooLarge }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return {
      ok: false,
      error: { code: 'invalid_input', message: 'The request body is not valid JSON.' }
    }
  }
}

function sendResult(response: ServerResponse, result: Result<unknown>): void {
  sendJson(response, result.ok ? 200 : httpStatusFor(result.error), result)
}

function sendError(
  response: ServerResponse,
  error: ErrorInfo,
  status = httpStatusFor(error)
): void {
  sendJson(response, status, { ok: false, error })
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  response.end(body)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(text)
}
