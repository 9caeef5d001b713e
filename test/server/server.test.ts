import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { startServer } from '../../src/main/server/server'
import type { RunningServer } from '../../src/main/server/server'
import { insertArticle } from '../helpers/articles'
import { send } from '../helpers/raw-http'
import type { Reply } from '../helpers/raw-http'
import { useTempDirs } from '../helpers/temp'

describe('the HTTP door', () => {
  const tempDir = useTempDirs()
  let library: Library
  let server: RunningServer
  const token = 'test-token-0123456789'

  async function start(): Promise<void> {
    library = openLibrary(tempDir())
    const rendererDir = tempDir()
    mkdirSync(join(rendererDir, 'assets'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>')
    server = await startServer({ engine: createEngine(library), token, rendererDir, log: () => {} })
  }

  function api(name: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return send(server.port, `/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body)
    })
  }

  afterEach(async () => {
    await server.close()
    library.close()
  })

  it('answers an operation with its result when the token is right', async () => {
    await start()
    insertArticle(library.db, { url: 'https://example.com/one', title: 'One' })
    const reply = await api('articles.list', {})
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.body)
    expect(result.ok).toBe(true)
    expect(result.value.items.map((item: { title: string }) => item.title)).toEqual(['One'])
  })

  it('refuses API calls without the token with 401 and a message', async () => {
    await start()
    const reply = await send(server.port, '/api/library.stats', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}'
    })
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('refuses a wrong token', async () => {
    await start()
    const reply = await api('library.stats', {}, { authorization: 'Bearer wrong' })
    expect(reply.status).toBe(401)
  })

  it('refuses a Host that is not this machine (DNS rebinding) with 403, even with the token', async () => {
    await start()
    const reply = await api('library.stats', {}, { host: `evil.example:${server.port}` })
    expect(reply.status).toBe(403)
    const page = await send(server.port, '/', { headers: { host: 'evil.example' } })
    expect(page.status).toBe(403)
  })

  it('refuses calls from a foreign web page origin', async () => {
    await start()
    const reply = await api('library.stats', {}, { origin: 'https://evil.example' })
    expect(reply.status).toBe(403)
    const own = await api('library.stats', {}, { origin: `http://127.0.0.1:${server.port}` })
    expect(own.status).toBe(200)
  })

  it('refuses bodies that are not JSON, and too large ones', async () => {
    await start()
    const form = await send(server.port, '/api/library.stats', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${token}`
      },
      body: 'a=b'
    })
    expect(form.status).toBe(415)
    const broken = await send(server.port, '/api/library.stats', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{not json'
    })
    expect(JSON.parse(broken.body).error.code).toBe('invalid_input')
    const huge = await api('articles.delete', {
      ids: Array.from({ length: 300_000 }, (_, index) => index + 1)
    })
    expect(huge.status).toBe(413)
  })

  it('answers invalid input and unknown operations as error values', async () => {
    await start()
    const invalid = await api('articles.get', { id: 'seven' })
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body).error.message).toContain('id')
    const unknown = await api('articles.explode', {})
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_operation')
    const missing = await api('articles.get', { id: 42 })
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('serves the user interface without the token, with a strict CSP, and never files outside it', async () => {
    await start()
    const page = await send(server.port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Folio</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const escape = await send(server.port, '/..%2f..%2fetc%2fpasswd')
    expect(escape.body).not.toContain('root:')
  })

  it('answers a path with broken percent-encoding with 400 and a message, not a server error', async () => {
    await start()
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%']) {
      const reply = await send(server.port, path)
      expect(reply.status).toBe(400)
      expect(reply.body).toContain('percent-encoding')
    }
  })

  it('serves stored images only with the library’s image key, which is not the API token', async () => {
    await start()
    const sha256 = 'a'.repeat(64)
    library.db
      .prepare('INSERT INTO assets (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, 0)')
      .run(sha256, 'image/png', 3, Buffer.from('png'))
    const keyReply = await send(server.port, '/api/asset-key', {
      headers: { authorization: `Bearer ${token}` }
    })
    const key = JSON.parse(keyReply.body).value.key as string
    expect(key).not.toBe(token)
    const image = await send(server.port, `/api/assets/${sha256}?key=${key}`, {
      headers: { origin: 'null' }
    })
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.body).toBe('png')
    expect((await send(server.port, `/api/assets/${sha256}`)).status).toBe(401)
    expect((await send(server.port, `/api/assets/${sha256}?key=${token}`)).status).toBe(401)
    const withKeyAsToken = await api('library.stats', {}, { authorization: `Bearer ${key}` })
    expect(withKeyAsToken.status).toBe(401)
  })

  it('listens on 127.0.0.1 only and puts the token in the URL fragment', async () => {
    await start()
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=`))
  })

  it('streams library events to a client holding the token', async () => {
    await start()
    const id = insertArticle(library.db, { url: 'https://example.com/gone' })
    const received = new Promise<string>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { authorization: `Bearer ${token}` }
        },
        (response) => {
          let text = ''
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString()
            if (text.includes('data: ')) {
              resolve(text)
              outgoing.destroy()
            }
          })
          void api('articles.delete', { ids: [id] })
        }
      )
      outgoing.on('error', reject)
      outgoing.end()
    })
    expect(await received).toContain(`"ids":[${id}]`)
  })
})
