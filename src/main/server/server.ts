import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Engine } from '../core/engine'
import { handleApi, refuse } from './api'
import type { ApiDoor } from './api'
import { serveCapturePage } from './capture-page'
import { answerPreflight, bookmarkletKeyFor, preflightRefusal } from './connector'
import { assetKeyFor, isLoopbackHost } from './http-guard'
import { createRateLimiter, defaultCaptureRateLimit } from './rate-limit'
import type { RateLimit } from './rate-limit'
import { sendError, sendText } from './replies'
import { serveStatic } from './static-files'

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
  let port = options.port ?? 0
  const door: ApiDoor = {
    engine: options.engine,
    token: options.token,
    assetKey: assetKeyFor(options.token),
    bookmarkletKey: bookmarkletKeyFor(options.token),
    captureLimiter: createRateLimiter(options.captureRateLimit ?? defaultCaptureRateLimit),
    port: () => port,
    maxBodyBytes: options.maxBodyBytes,
    maxPageBodyBytes: options.maxPageBodyBytes,
    log
  }

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
      if (refusal) return refuse(door, response, request, path, refusal)
      return answerPreflight(request, response)
    }
    if (path.startsWith('/api/')) return handleApi(door, request, response, path)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return void response.writeHead(405).end()
    if (serveCapturePage(path, response)) return
    if (!options.rendererDir)
      return sendText(response, 404, 'This Folio server has no user interface built.')
    return serveStatic(options.rendererDir, path, response, `http://127.0.0.1:${port}`)
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`folio serve: ${request.method} ${request.url} failed: ${String(error)}`)
      if (!response.headersSent)
        sendError(response, { code: 'internal', message: 'The server failed.' })
      else response.destroy()
    })
  })
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
