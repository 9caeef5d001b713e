import type { LookupFunction } from 'node:net'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusPage } from '../helpers/corpus'
import { decodeHtmlBytes } from '../../src/main/core/capture/decode'
import { CaptureError } from '../../src/main/core/capture/errors'
import { fetchImage, fetchPage } from '../../src/main/core/capture/fetch'
import { startFixtureServer, type FixtureServer } from '../helpers/http-server'

const page =
  '<!doctype html><html><head><title>Hello</title></head><body><p>Bonjour</p></body></html>'
const html = { 'content-type': 'text/html; charset=utf-8' }

let server: FixtureServer

beforeAll(async () => {
  server = await startFixtureServer({
    '/page': { headers: html, body: page },
    '/gzip': { headers: html, body: page, encoding: 'gzip' },
    '/brotli': { headers: html, body: page, encoding: 'br' },
    '/deflate': { headers: html, body: page, encoding: 'deflate' },
    '/relative': { redirect: '../page' },
    '/chain/1': { redirect: '/chain/2', status: 301 },
    '/chain/2': { redirect: '/chain/3', status: 307 },
    '/chain/3': { redirect: '/relative', status: 308 },
    '/loop/a': { redirect: '/loop/b' },
    '/loop/b': { redirect: '/loop/a' },
    '/to-ftp': { redirect: 'ftp://127.0.0.1/file' },
    '/missing': { status: 404, headers: html, body: '<p>gone</p>' },
    '/broken': { status: 500, headers: html, body: 'oops' },
    '/busy': { status: 429 },
    '/pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7 ...' },
    '/json': { headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
    '/png': {
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47])
    },
    '/png-as-html': {
      headers: html,
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    },
    '/binary-as-html': { headers: html, body: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x10, 0x42]) },
    '/utf16-html': {
      headers: { 'content-type': 'text/html; charset=utf-16le' },
      body: Buffer.from('\ufeff<html><body><p>UTF-16</p></body></html>', 'utf16le')
    },
    '/untyped-html': { body: '\n  <!DOCTYPE html><html><body>untyped</body></html>' },
    '/plain-text': { headers: { 'content-type': 'text/plain' }, body: 'just some words' },
    '/xhtml': { headers: { 'content-type': 'application/xhtml+xml' }, body: page },
    '/hang': { hang: true },
    '/slow': { headers: html, body: page.repeat(20), drip: { chunkSize: 50, intervalMs: 100 } },
    '/late-head': { headers: html, body: page, delayMs: 300 },
    '/reset': { destroy: 'before-head' },
    '/cut': { headers: html, body: page.repeat(100), destroy: 'mid-body' },
    '/announced-huge': { headers: { ...html, 'content-length': 50_000_000 } },
    '/big': { headers: html, body: 'x'.repeat(200_000) },
    '/bomb': { headers: html, body: 'a'.repeat(5_000_000), encoding: 'gzip' },
    '/image': { headers: { 'content-type': 'image/png' }, body: 'not really' }
  })
})

afterAll(async () => {
  await server.close()
})

async function captureError(promise: Promise<unknown>): Promise<CaptureError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(CaptureError)
  return error as CaptureError
}

describe('fetchPage', () => {
  it('returns the bytes, status and type of an HTML page', async () => {
    const result = await fetchPage(server.url('/page'))
    expect(result.status).toBe(200)
    expect(result.contentType).toBe('text/html; charset=utf-8')
    expect(Buffer.from(result.bytes).toString()).toBe(page)
    expect(result.redirects).toEqual([])
  })

  it('sends browser-like User-Agent, Accept, Accept-Language and Accept-Encoding headers', async () => {
    await fetchPage(server.url('/page?headers'))
    const request = server.requests.find((recorded) => recorded.path === '/page?headers')
    expect(request?.headers['user-agent']).toMatch(/^Mozilla\/5\.0 .*Chrome\//)
    expect(request?.headers.accept).toMatch(/^text\/html/)
    expect(request?.headers['accept-language']).toMatch(/\w/)
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br')
  })

  it.each(['/gzip', '/brotli', '/deflate'])('decompresses a %s body', async (path) => {
    const result = await fetchPage(server.url(path))
    expect(Buffer.from(result.bytes).toString()).toBe(page)
  })

  it('follows a relative Location', async () => {
    const result = await fetchPage(server.url('/relative'))
    expect(result.url).toBe(server.url('/page'))
    expect(result.redirects).toEqual([server.url('/relative')])
  })

  it('follows a chain of 301, 307 and 308 redirects and lists every hop', async () => {
    const result = await fetchPage(server.url('/chain/1'))
    expect(result.url).toBe(server.url('/page'))
    expect(result.redirects).toEqual(
      ['/chain/1', '/chain/2', '/chain/3', '/relative'].map((path) => server.url(path))
    )
  })

  it('stops a redirect loop with too_many_redirects', async () => {
    const error = await captureError(fetchPage(server.url('/loop/a')))
    expect(error.code).toBe('too_many_redirects')
    expect(error.message).toContain('loop')
    expect(error.transient).toBe(false)
  })

  it('gives up after more than 10 redirects', async () => {
    for (let hop = 0; hop < 11; hop++) server.route(`/hop/${hop}`, { redirect: `/hop/${hop + 1}` })
    server.route('/hop/11', { headers: html, body: page })
    const error = await captureError(fetchPage(server.url('/hop/0')))
    expect(error.code).toBe('too_many_redirects')
    expect(error.message).toContain('more than 10')
    const result = await fetchPage(server.url('/hop/1'))
    expect(result.redirects).toHaveLength(10)
  })

  it('follows a "set a cookie and redirect to yourself" handshake instead of calling it a loop', async () => {
    server.route('/consent', (request) =>
      request.headers.cookie === 'consent=yes; session=abc'
        ? { headers: html, body: page }
        : {
            redirect: '/consent',
            headers: {
              'set-cookie': ['consent=yes; Path=/; HttpOnly', 'session=abc; Domain=127.0.0.1']
            }
          }
    )
    const result = await fetchPage(server.url('/consent'))
    expect(result.status).toBe(200)
    expect(result.redirects).toEqual([server.url('/consent')])
  })

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const error = await captureError(fetchPage(server.url('/to-ftp')))
    expect(error.code).toBe('unsupported_scheme')
  })

  it('reports 404 as a permanent http_error that names the status', async () => {
    const error = await captureError(fetchPage(server.url('/missing')))
    expect(error.code).toBe('http_error')
    expect(error.status).toBe(404)
    expect(error.transient).toBe(false)
    expect(error.message).toBe(`The server answered 404 Not Found for ${server.url('/missing')}.`)
  })

  it('reports 500 and 429 as transient http_errors', async () => {
    const serverError = await captureError(fetchPage(server.url('/broken')))
    expect(serverError).toMatchObject({ code: 'http_error', status: 500, transient: true })
    const busy = await captureError(fetchPage(server.url('/busy')))
    expect(busy).toMatchObject({ code: 'http_error', status: 429, transient: true })
  })

  it.each([
    ['/pdf', 'application/pdf'],
    ['/json', 'application/json'],
    ['/png', 'image/png']
  ])('refuses %s as not_html naming its type', async (path, type) => {
    const error = await captureError(fetchPage(server.url(path)))
    expect(error.code).toBe('not_html')
    expect(error.message).toContain(type)
  })

  it('refuses an image or other binary data sent as text/html, naming what it holds', async () => {
    const png = await captureError(fetchPage(server.url('/png-as-html')))
    expect(png.code).toBe('not_html')
    expect(png.message).toContain('holds a PNG image')
    const binary = await captureError(fetchPage(server.url('/binary-as-html')))
    expect(binary.code).toBe('not_html')
    expect(binary.message).toContain('binary data')
    const utf16 = await fetchPage(server.url('/utf16-html'))
    expect(utf16.status).toBe(200)
  })

  it('sniffs HTML sent without a content type', async () => {
    const result = await fetchPage(server.url('/untyped-html'))
    expect(Buffer.from(result.bytes).toString()).toContain('untyped')
  })

  it('refuses text/plain that is not HTML', async () => {
    const error = await captureError(fetchPage(server.url('/plain-text')))
    expect(error.code).toBe('not_html')
    expect(error.message).toContain('text/plain')
  })

  it('accepts application/xhtml+xml', async () => {
    const result = await fetchPage(server.url('/xhtml'))
    expect(result.status).toBe(200)
  })

  it('times out a server that never answers', async () => {
    const started = Date.now()
    const error = await captureError(fetchPage(server.url('/hang'), { totalTimeoutMs: 300 }))
    expect(error).toMatchObject({ code: 'timeout', transient: true })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('times out a body that drips in slower than the total timeout allows', async () => {
    const error = await captureError(fetchPage(server.url('/slow'), { totalTimeoutMs: 500 }))
    expect(error.code).toBe('timeout')
    expect(error.message).toContain('0.5 s')
  })

  it('waits for a slow but timely answer', async () => {
    const result = await fetchPage(server.url('/late-head'), { totalTimeoutMs: 5000 })
    expect(result.status).toBe(200)
  })

  it('times out the connect phase separately from the total', async () => {
    const neverResolves: LookupFunction = () => undefined
    const error = await captureError(
      fetchPage('http://stuck.example/', { lookup: neverResolves, connectTimeoutMs: 200 })
    )
    expect(error.code).toBe('timeout')
    expect(error.message).toContain('did not accept a connection')
  })

  it('reports a DNS failure as transient dns_failed', async () => {
    const notFound: LookupFunction = (hostname, _options, callback) => {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`)
      error.code = 'ENOTFOUND'
      callback(error, '', 4)
    }
    const error = await captureError(
      fetchPage('http://no-such-host.example/', { lookup: notFound })
    )
    expect(error).toMatchObject({ code: 'dns_failed', transient: true })
    expect(error.message).toContain('no-such-host.example')
  })

  it('reports a refused connection as transient connection_failed', async () => {
    const port = await closedPort()
    const error = await captureError(fetchPage(`http://127.0.0.1:${port}/`))
    expect(error).toMatchObject({ code: 'connection_failed', transient: true })
  })

  it('reports a reset before the answer as connection_failed', async () => {
    const error = await captureError(fetchPage(server.url('/reset')))
    expect(error).toMatchObject({ code: 'connection_failed', transient: true })
  })

  it('reports a body cut off mid-way as connection_failed', async () => {
    const error = await captureError(fetchPage(server.url('/cut')))
    expect(error.code).toBe('connection_failed')
  })

  it('refuses a page whose Content-Length announces more than the cap', async () => {
    const error = await captureError(fetchPage(server.url('/announced-huge')))
    expect(error).toMatchObject({ code: 'too_large', transient: false })
    expect(error.message).toContain('15 MiB')
  })

  it('stops reading a body as soon as it passes the cap', async () => {
    server.route('/streamed-big', {
      headers: html,
      chunked: true,
      body: 'x'.repeat(200_000),
      drip: { chunkSize: 16_384, intervalMs: 5 }
    })
    const error = await captureError(fetchPage(server.url('/streamed-big'), { maxBytes: 50_000 }))
    expect(error.code).toBe('too_large')
    const small = await fetchPage(server.url('/big'), { maxBytes: 200_000 })
    expect(small.bytes.length).toBe(200_000)
  })

  it('reports a corrupt gzip body as decode_failed', async () => {
    server.route('/corrupt-gzip', {
      headers: { ...html, 'content-encoding': 'gzip' },
      body: 'this is not gzip at all'
    })
    const error = await captureError(fetchPage(server.url('/corrupt-gzip')))
    expect(error.code).toBe('decode_failed')
  })

  it('applies the cap to decompressed bytes (a gzip bomb)', async () => {
    const error = await captureError(fetchPage(server.url('/bomb'), { maxBytes: 1_000_000 }))
    expect(error.code).toBe('too_large')
  })

  it('is cancelled by its AbortSignal', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const error = await captureError(fetchPage(server.url('/hang'), { signal: controller.signal }))
    expect(error).toMatchObject({ code: 'cancelled', transient: false })
  })

  it('does not start when the signal is already aborted', async () => {
    const error = await captureError(
      fetchPage(server.url('/page'), { signal: AbortSignal.abort() })
    )
    expect(error.code).toBe('cancelled')
  })
})

describe('fetchPage with decodeHtmlBytes', () => {
  it('brings a real GBK page served gzip-compressed as "text/html; charset=utf-8" out right', async () => {
    server.route('/gbk-news', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: corpusPage('trafilatura-eval/html/archive.org.he.xinhuanet.com.25340717.html.gz'),
      encoding: 'gzip'
    })
    const fetched = await fetchPage(server.url('/gbk-news'))
    const decoded = decodeHtmlBytes(fetched.bytes, fetched.contentType)
    expect(decoded.charset).toBe('gbk')
    expect(decoded.html).toContain('<title>话剧《约定无期限》河北各市巡演结束</title>')
  })
})

describe('fetchImage', () => {
  it('sends the article as Referer and an image Accept header', async () => {
    const result = await fetchImage(server.url('/image'), { referer: 'http://127.0.0.1/article' })
    expect(Buffer.from(result.bytes).toString()).toBe('not really')
    const request = server.requestsTo('/image').at(-1)
    expect(request?.headers.referer).toBe('http://127.0.0.1/article')
    expect(request?.headers.accept).toMatch(/^image\//)
  })

  it('applies its own size cap', async () => {
    const error = await captureError(fetchImage(server.url('/big'), { maxBytes: 1000 }))
    expect(error.code).toBe('too_large')
  })
})

/** A port on 127.0.0.1 that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
