import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { loopbackLookup } from '../../src/main/core/capture/loopback'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { bookmarkletFor } from '../../src/main/server/capture-page'
import { bookmarkletKeyFor } from '../../src/main/server/connector'
import { startServer } from '../../src/main/server/server'
import type { RunningServer, ServerOptions } from '../../src/main/server/server'
import { unwrap } from '../../src/shared/errors'
import type { Article, SaveItemResult } from '../../src/shared/types'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'
import { send } from '../helpers/raw-http'
import type { Reply } from '../helpers/raw-http'
import { useTempDirs } from '../helpers/temp'

const extensionOrigin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'
const sentText = 'This paragraph was built by script in the browser, after the user signed in.'
const fetchedText = 'Please sign in to read this article.'

function renderedPage(text: string): string {
  const paragraphs = Array.from({ length: 6 }, (_, index) => `<p>${text} (${index + 1})</p>`)
  return `<!doctype html><html><head><title>Rendered</title></head><body><article><h1>Rendered</h1>
    ${paragraphs.join('\n')}</article></body></html>`
}

describe('the browser-capture connector', () => {
  const tempDir = useTempDirs()
  let core: Engine
  let library: Library
  let server: RunningServer
  let site: FixtureServer
  let logged: string[]
  const token = 'connector-test-token-0123456789'

  async function start(options: Partial<ServerOptions> = {}): Promise<void> {
    site = await startFixtureServer({
      // What a direct fetch gets: the page before sign-in and before its script ran.
      '/article': { headers: { 'content-type': 'text/html' }, body: renderedPage(fetchedText) }
    })
    library = openLibrary(tempDir())
    core = createEngine(library, {
      log: () => {},
      capture: { lookup: loopbackLookup, workers: 1 }
    })
    core.start()
    logged = []
    server = await startServer({
      engine: core,
      token,
      log: (line) => logged.push(line),
      ...options
    })
  }

  afterEach(async () => {
    await server?.close()
    await core?.close()
    library?.close()
    await site?.close()
  })

  function extensionHeaders(headers: Record<string, string | null> = {}): Record<string, string> {
    const all: Record<string, string | null> = {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      origin: extensionOrigin,
      'x-folio-client': 'extension',
      ...headers
    }
    // null leaves a header out.
    return Object.fromEntries(
      Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null)
    )
  }

  function saveHtml(
    headers: Record<string, string>,
    html = renderedPage(sentText)
  ): Promise<Reply> {
    return send(server.port, '/api/capture.saveHtml', {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: site.url('/article'), title: 'Rendered', html, tags: ['web'] })
    })
  }

  async function articleCount(): Promise<number> {
    const stats = unwrap(await core.call('library.stats', {}))
    return stats.articles
  }

  function expectRefused(reply: Reply, status: number, code: string): void {
    expect(reply.status).toBe(status)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } }
    expect(body.ok).toBe(false)
    expect(body.error.code).toBe(code)
    expect(body.error.message.length).toBeGreaterThan(10)
  }

  it('stores the rendered DOM the extension sends, never a refetch of the page', async () => {
    await start()
    const reply = await saveHtml(extensionHeaders())
    expect(reply.status).toBe(200)
    expect(reply.headers['access-control-allow-origin']).toBe(extensionOrigin)
    const result = JSON.parse(reply.body) as { ok: true; value: SaveItemResult }
    await core.waitForJobs([result.value.jobId!])
    const article = unwrap(
      await core.call('articles.get', { id: result.value.articleId!, content: 'text' })
    ) as Article
    expect(article.text).toContain(sentText)
    expect(article.text).not.toContain(fetchedText)
    expect(site.requestsTo('/article')).toHaveLength(0)
  })

  it('answers CORS preflights for extension origins and capture operations only', async () => {
    await start()
    const preflight = (origin: string, operation = 'capture.saveHtml'): Promise<Reply> =>
      send(server.port, `/api/${operation}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, x-folio-client'
        }
      })
    const allowed = await preflight(extensionOrigin)
    expect(allowed.status).toBe(204)
    expect(allowed.headers['access-control-allow-origin']).toBe(extensionOrigin)
    expect(allowed.headers['access-control-allow-headers']).toContain('x-folio-client')
    expect((await preflight('moz-extension://0f1e2d3c-aaaa-bbbb-cccc-0123456789ab')).status).toBe(
      204
    )
    const evil = await preflight('https://evil.example')
    expectRefused(evil, 403, 'forbidden')
    expect(evil.headers['access-control-allow-origin']).toBeUndefined()
    expectRefused(await preflight(extensionOrigin, 'articles.list'), 403, 'forbidden')
  })

  it('refuses a capture without the token, with a wrong Host, from a web page, without the client header, or too large, and stores nothing', async () => {
    await start({ maxPageBodyBytes: 64 * 1024 })
    expectRefused(await saveHtml(extensionHeaders({ authorization: null })), 401, 'unauthorized')
    expectRefused(
      await saveHtml(extensionHeaders({ authorization: 'Bearer wrong' })),
      401,
      'unauthorized'
    )
    expectRefused(
      await saveHtml(extensionHeaders({ host: `evil.example:${server.port}` })),
      403,
      'forbidden'
    )
    expectRefused(
      await saveHtml(extensionHeaders({ origin: 'https://evil.example' })),
      403,
      'forbidden'
    )
    expectRefused(await saveHtml(extensionHeaders({ 'x-folio-client': null })), 403, 'forbidden')
    expectRefused(
      await saveHtml(extensionHeaders(), renderedPage(sentText.repeat(1000))),
      413,
      'payload_too_large'
    )
    expect(await articleCount()).toBe(0)
    expect(unwrap(await core.call('jobs.list', {}))).toEqual([])
    expect(site.requests).toHaveLength(0)
    expect(logged.filter((line) => line.includes('refused'))).toHaveLength(6)
  })

  it('lets an extension call only the capture operations', async () => {
    await start()
    const reply = await send(server.port, '/api/articles.list', {
      method: 'POST',
      headers: extensionHeaders(),
      body: '{}'
    })
    expectRefused(reply, 403, 'forbidden')
  })

  it('refuses to read a file on this machine for the extension or a page, and saves nothing', async () => {
    await start()
    const secret = join(tempDir(), 'notes.md')
    writeFileSync(secret, '# Private notes\n\nNot for the web.')
    for (const headers of [
      extensionHeaders(),
      { 'content-type': 'application/json', authorization: `Bearer ${token}` }
    ]) {
      const reply = await send(server.port, '/api/capture.save', {
        method: 'POST',
        headers,
        body: JSON.stringify({ inputs: [secret] })
      })
      expectRefused(reply, 403, 'forbidden')
      expect(JSON.parse(reply.body).error.message).toContain('is not a web address')
    }
    expect(await articleCount()).toBe(0)
    // The same file through the command line's door is read as an article.
    const local = unwrap(await core.call('capture.save', { inputs: [secret] }))
    expect(local.items[0]).toMatchObject({ ok: true })
  })

  it('answers 429 with Retry-After once a client saves too many pages in a minute', async () => {
    await start({ captureRateLimit: { limit: 2, windowMs: 60_000 } })
    expect((await saveHtml(extensionHeaders())).status).toBe(200)
    expect((await saveHtml(extensionHeaders())).status).toBe(200)
    const limited = await saveHtml(extensionHeaders())
    expectRefused(limited, 429, 'rate_limited')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(logged.some((line) => line.includes('Too many pages'))).toBe(true)
  })

  it('accepts the bookmarklet key for saving a page and for nothing else', async () => {
    await start()
    const key = bookmarkletKeyFor(token)
    const own = { origin: `http://127.0.0.1:${server.port}`, 'content-type': 'application/json' }
    const saved = await saveHtml({ ...own, authorization: `Bearer ${key}` })
    expect(saved.status).toBe(200)
    const list = await send(server.port, '/api/articles.list', {
      method: 'POST',
      headers: { ...own, authorization: `Bearer ${key}` },
      body: '{}'
    })
    expectRefused(list, 401, 'unauthorized')
    expect(bookmarkletFor(server.port, token)).toContain(key)
    expect(bookmarkletFor(server.port, token)).not.toContain(token)
  })

  it('serves the bookmarklet pop-up without the token, under a strict policy', async () => {
    await start()
    const page = await send(server.port, '/capture')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.body).toContain('/capture.js')
    const script = await send(server.port, '/capture.js')
    expect(script.body).toContain('event.source !== window.opener')
  })
})
