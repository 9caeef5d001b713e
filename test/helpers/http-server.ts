import {
  createServer,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerResponse
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'

/** What a route answers. Everything is optional: `{}` is an empty 200. */
export interface FixtureResponse {
  status?: number
  headers?: OutgoingHttpHeaders
  body?: string | Uint8Array
  /** Compresses the body and sets Content-Encoding. */
  encoding?: 'gzip' | 'br' | 'deflate'
  /** Sends `Location` with this (possibly relative) target and status 302 unless `status` is set. */
  redirect?: string
  /** Leaves out Content-Length, so the body goes out chunked and its size is unknown upfront. */
  chunked?: boolean
  /** Waits this long before sending anything. */
  delayMs?: number
  /** Sends the body `chunkSize` bytes every `intervalMs` instead of all at once. */
  drip?: { chunkSize: number; intervalMs: number }
  /** Accepts the request and never answers (until the server closes). */
  hang?: boolean
  /**
   * Destroys the socket: 'before-head' answers nothing (the client sees a reset),
   * 'mid-body' sends the head and half the body first.
   */
  destroy?: 'before-head' | 'mid-body'
}

export interface RecordedRequest {
  method: string
  /** Path and query, as requested. */
  path: string
  headers: IncomingHttpHeaders
  /** The request body (empty for GET). */
  body: Buffer
}

export type FixtureRoute =
  FixtureResponse | ((request: RecordedRequest) => FixtureResponse | Promise<FixtureResponse>)

export interface FixtureServer {
  /** "http://127.0.0.1:PORT" */
  origin: string
  /** An absolute URL on this server. */
  url(path: string): string
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** Requests whose path (without the query) equals `path`. */
  requestsTo(path: string): RecordedRequest[]
  /** Adds or replaces a route after start. */
  route(path: string, route: FixtureRoute): void
  /** Stops listening and destroys every open connection, hanging ones included. */
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 and a free port. Routes are matched on the path without the
 * query; the route '*' answers every other path, else unknown paths answer 404. Meant for any
 * test that needs a network peer.
 */
export async function startFixtureServer(
  routes: Record<string, FixtureRoute> = {}
): Promise<FixtureServer> {
  const routeTable = new Map(Object.entries(routes))
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const wait = (milliseconds: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, milliseconds)
      timers.add(timer)
    })

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks)
      }
      requests.push(recorded)
      const route = routeTable.get(pathOf(recorded.path)) ??
        routeTable.get('*') ?? { status: 404, body: 'Not found' }
      void Promise.resolve(typeof route === 'function' ? route(recorded) : route)
        .then((answer) => respond(answer, request.socket, response, wait))
        .catch(() => request.socket.destroy())
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    requestsTo: (path) => requests.filter((request) => pathOf(request.path) === path),
    route: (path, route) => void routeTable.set(path, route),
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function pathOf(pathAndQuery: string): string {
  return pathAndQuery.split('?', 1)[0]
}

type Wait = (milliseconds: number) => Promise<void>

async function respond(
  answer: FixtureResponse,
  socket: Socket,
  response: ServerResponse,
  wait: Wait
): Promise<void> {
  if (answer.delayMs) await wait(answer.delayMs)
  if (answer.hang) return
  if (answer.destroy === 'before-head') return void socket.destroy()
  const body = encodeBody(answer)
  const headers: OutgoingHttpHeaders = answer.chunked
    ? { ...answer.headers }
    : { 'content-length': body.length, ...answer.headers }
  if (answer.encoding) headers['content-encoding'] = answer.encoding
  if (answer.redirect !== undefined) headers.location = answer.redirect
  response.writeHead(answer.status ?? (answer.redirect !== undefined ? 302 : 200), headers)
  if (answer.destroy === 'mid-body') {
    response.write(body.subarray(0, Math.floor(body.length / 2)))
    await wait(20)
    return void socket.destroy()
  }
  if (answer.drip) return sendSlowly(body, answer.drip, response, wait)
  response.end(body)
}

function encodeBody(answer: FixtureResponse): Buffer {
  const raw =
    typeof answer.body === 'string' ? Buffer.from(answer.body) : Buffer.from(answer.body ?? [])
  switch (answer.encoding) {
    case 'gzip':
      return gzipSync(raw)
    case 'br':
      return brotliCompressSync(raw)
    case 'deflate':
      return deflateSync(raw)
    case undefined:
      return raw
  }
}

async function sendSlowly(
  body: Buffer,
  drip: { chunkSize: number; intervalMs: number },
  response: ServerResponse,
  wait: Wait
): Promise<void> {
  for (let offset = 0; offset < body.length; offset += drip.chunkSize) {
    if (response.destroyed) return
    response.write(body.subarray(offset, offset + drip.chunkSize))
    await wait(drip.intervalMs)
  }
  response.end()
}
