import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { startServer } from '../../src/main/server/server'
import type { RunningServer } from '../../src/main/server/server'
import type { TagEditResult, TagInfo } from '../../src/shared/types'
import { useTempDirs } from '../helpers/temp'

const token = 'test-token-0123456789'

function post(
  port: number,
  name: string,
  input: unknown
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${name}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() })
        )
      }
    )
    outgoing.on('error', reject)
    outgoing.end(JSON.stringify(input))
  })
}

/** `count` articles, each tagged with `big/0` … `big/11`, inserted with plain SQL. */
function insertTaggedArticles(library: Library, count: number): void {
  library.db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO articles (id, url, url_key, title, saved_at, updated_at, capture_status)
    SELECT i, 'https://example.com/' || i, 'https://example.com/' || i, 'Article ' || i, i, i, 'ready'
    FROM n;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 11)
    INSERT INTO tags (name, created_at) SELECT 'big/' || i, 0 FROM n;
    INSERT INTO article_tags (article_id, tag_id) SELECT a.id, t.id FROM articles a, tags t;`)
}

describe('tags through the HTTP door', () => {
  const tempDir = useTempDirs()
  let library: Library | undefined
  let server: RunningServer | undefined

  afterEach(async () => {
    await server?.close()
    library?.close()
  })

  it('undoes a delete whose undo is larger than the 1 MiB body cap of other operations', async () => {
    library = openLibrary(tempDir())
    insertTaggedArticles(library, 10_000)
    const rendererDir = tempDir()
    mkdirSync(join(rendererDir, 'assets'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>')
    server = await startServer({ engine: createEngine(library), token, rendererDir, log: () => {} })

    const deleted = await post(server.port, 'tags.delete', { name: 'big' })
    expect(deleted.status).toBe(200)
    const { undo } = (JSON.parse(deleted.body) as { value: TagEditResult }).value
    expect(undo.links).toHaveLength(120_000)
    expect(JSON.stringify({ undo }).length).toBeGreaterThan(1024 * 1024)

    const restored = await post(server.port, 'tags.restore', { undo })
    expect(restored.status).toBe(200)
    const listed = await post(server.port, 'tags.list', {})
    const tree = (JSON.parse(listed.body) as { value: TagInfo[] }).value
    expect(tree[0]).toMatchObject({ name: 'big', total: 10_000 })
    expect(tree).toHaveLength(13)
  })
})
