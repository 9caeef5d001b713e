import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeHtmlBytes } from '../../src/main/core/capture/decode'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { startServer } from '../../src/main/server/server'
import type { RunningServer } from '../../src/main/server/server'
import { corpusPage } from '../helpers/corpus'
import { send } from '../helpers/raw-http'
import { useTempDirs } from '../helpers/temp'

const token = 'test-token-0123456789'

describe('highlights and notes through the HTTP door', () => {
  const tempDir = useTempDirs()
  let library: Library
  let engine: Engine
  let server: RunningServer

  afterEach(async () => {
    await server.close()
    await engine.close()
    library.close()
  })

  async function start(): Promise<void> {
    library = openLibrary(tempDir())
    engine = createEngine(library, { log: () => {}, capture: { workers: 1 } })
    engine.start()
    const rendererDir = tempDir()
    mkdirSync(join(rendererDir, 'assets'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>')
    server = await startServer({ engine, token, rendererDir, log: () => {} })
  }

  interface Answer {
    status: number
    // The JSON of any operation's answer; each test reads the fields it checks.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json: any
  }

  async function api(name: string, body: unknown): Promise<Answer> {
    const reply = await send(server.port, `/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body)
    })
    return { status: reply.status, json: JSON.parse(reply.body) }
  }

  /** A real corpus page saved as the browser extension would send it. */
  async function savedArticle(): Promise<{ id: number; text: string }> {
    const html = decodeHtmlBytes(
      corpusPage('readability-testpages/pages/guardian-1/source.html.gz')
    ).html
    const saved = await api('capture.saveHtml', { url: 'https://www.theguardian.com/x', html })
    await engine.waitForJobs([saved.json.value.jobId])
    const article = await api('articles.get', { id: saved.json.value.articleId, content: 'text' })
    return { id: article.json.value.id, text: article.json.value.text }
  }

  it('creates, lists, updates, deletes and restores highlights, and sets a note', async () => {
    await start()
    const { id, text } = await savedArticle()
    const created = await api('highlights.create', { articleId: id, start: 10, end: 50 })
    expect(created).toMatchObject({
      status: 200,
      json: { ok: true, value: { quote: text.slice(10, 50), status: 'anchored' } }
    })
    const highlightId = created.json.value.id
    const byQuote = await api('highlights.create', { articleId: id, quote: text.slice(100, 140) })
    expect(byQuote.json.value).toMatchObject({ start: 100, end: 140 })
    const updated = await api('highlights.update', { id: highlightId, color: 'blue', note: 'n' })
    expect(updated.json.value).toMatchObject({ color: 'blue', note: 'n' })
    const listed = await api('highlights.list', { articleId: id })
    expect(listed.json.value.items.map((item: { id: number }) => item.id)).toEqual([
      highlightId,
      byQuote.json.value.id
    ])
    const deleted = await api('highlights.delete', { ids: [highlightId] })
    expect(deleted.json.value.deleted).toEqual([highlightId])
    const restored = await api('highlights.restore', { undo: deleted.json.value.undo })
    expect(restored.json.value).toEqual({ restored: [highlightId], skipped: [] })
    const noted = await api('articles.setNote', { id, note: 'A note **in Markdown**.' })
    expect(noted.json.value).toEqual({ id, note: 'A note **in Markdown**.' })
    const search = await api('search.query', { query: 'markdown has:note' })
    expect(search.json.value.items.map((item: { id: number }) => item.id)).toEqual([id])
  })

  it('answers bad input with a code and a sentence', async () => {
    await start()
    const { id, text } = await savedArticle()
    const cases: [string, unknown, number, string, string][] = [
      ['highlights.create', { articleId: id, quote: '' }, 400, 'invalid_input', 'quote is empty'],
      ['highlights.create', { articleId: 404, start: 0, end: 4 }, 404, 'not_found', '404'],
      [
        'highlights.create',
        { articleId: id, start: 0, end: text.length + 10 },
        400,
        'invalid_input',
        'out of range'
      ],
      ['highlights.create', { articleId: id, start: 5 }, 400, 'invalid_input', 'start and end'],
      ['highlights.update', { id: 1 }, 400, 'invalid_input', 'color or note'],
      ['highlights.update', { id: 77, color: 'red' }, 400, 'invalid_input', 'color'],
      // 1 MB is over the operation's 650 KiB body cap: refused before it is read whole.
      ['articles.setNote', { id, note: 'x'.repeat(1_000_000) }, 413, 'payload_too_large', 'KiB'],
      ['articles.setNote', { id: 999, note: 'x' }, 404, 'not_found', 'no article with id 999']
    ]
    for (const [name, body, status, code, words] of cases) {
      const reply = await api(name, body)
      const seen = { name, status: reply.status, code: reply.json.error?.code }
      expect(seen).toEqual({ name, status, code })
      expect(reply.json.error.message).toContain(words)
    }
  })
})
