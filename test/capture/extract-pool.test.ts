import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/core/capture/extract/extract'
import { createExtractPool, type ExtractPool } from '../../src/main/core/capture/extract/pool'
import type { FolioError } from '../../src/shared/errors'
import { corpusDir } from '../helpers/corpus'

const corpus = corpusDir
const repository = fileURLToPath(new URL('../..', import.meta.url))
const url = 'http://fakehost/test/page.html'

function testPage(name: string): string {
  return gunzipSync(
    readFileSync(join(corpus, 'readability-testpages/pages', name, 'source.html.gz'))
  ).toString('utf8')
}

/** A page far too big to extract within seconds: ~12 MB of paragraphs (~10 s to extract). */
function enormousPage(): string {
  const paragraph = `<div><p>${'word '.repeat(40)}<a href="/x">link</a></p></div>`
  return `<html><body>${paragraph.repeat(50_000)}</body></html>`
}

async function failure(promise: Promise<unknown>): Promise<FolioError> {
  try {
    await promise
  } catch (error) {
    return error as FolioError
  }
  throw new Error('expected the extraction to fail')
}

let pool: ExtractPool | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

describe('createExtractPool', () => {
  it('extracts several pages in parallel with the same result as in-thread extraction', async () => {
    pool = createExtractPool({ size: 2 })
    const names = ['001', 'ars-1', 'cnet', 'guardian-1', 'wikipedia-2', 'rtl-1']
    const articles = await Promise.all(
      names.map((name) => pool!.extract({ html: testPage(name), url }))
    )
    names.forEach((name, index) => {
      const direct = extractArticle({ html: testPage(name), url })
      expect(articles[index].title).toBe(direct.title)
      expect(articles[index].text).toBe(direct.text)
    })
  })

  it('kills a page that runs past its time limit and keeps working', async () => {
    // 5 s: a normal page takes well under a second even on a loaded machine; the enormous page
    // takes tens of seconds, so the limit separates them without depending on exact timings.
    pool = createExtractPool({ size: 1, timeoutMs: 5_000 })
    const error = await failure(
      pool.extract({ html: enormousPage(), url: 'https://example.com/huge' })
    )
    expect(error.code).toBe('extract_failed')
    expect(error.message).toContain('https://example.com/huge')
    const article = await pool.extract({ html: testPage('001'), url })
    expect(article.title).toBe('Get your Frontend JavaScript Code Covered | Code')
  })

  it('fails a page with nothing readable as extract_failed', async () => {
    pool = createExtractPool({ size: 1 })
    const error = await failure(
      pool.extract({ html: '<html><body></body></html>', url: 'https://example.com/empty' })
    )
    expect(error.code).toBe('extract_failed')
  })

  it('rejects input without an absolute URL', async () => {
    pool = createExtractPool({ size: 1 })
    const error = await failure(pool.extract({ html: '<p>x</p>', url: 'not a url' }))
    expect(error.code).toBe('invalid_input')
  })

  it('cancels a running page when its signal aborts, then extracts the next one', async () => {
    pool = createExtractPool({ size: 1 })
    const controller = new AbortController()
    const running = pool.extract(
      { html: enormousPage(), url: 'https://example.com/huge' },
      controller.signal
    )
    const queued = pool.extract({ html: testPage('001'), url })
    controller.abort()
    expect((await failure(running)).code).toBe('cancelled')
    expect((await queued).title).toBe('Get your Frontend JavaScript Code Covered | Code')
  })

  it('refuses pages beyond its queue bound and still extracts the queued ones', async () => {
    pool = createExtractPool({ size: 1, maximumQueue: 1 })
    const html = testPage('001')
    // Workers start on demand, so in this same tick the first page waits in the queue.
    const first = pool.extract({ html, url })
    const second = await failure(pool.extract({ html, url }))
    expect(second.code).toBe('extract_failed')
    expect(second.message).toContain('Too many pages')
    expect((await first).title).toBe('Get your Frontend JavaScript Code Covered | Code')
  })

  it('cancels waiting pages on close() and refuses new ones', async () => {
    const closing = createExtractPool({ size: 1 })
    const running = closing.extract({ html: enormousPage(), url: 'https://example.com/huge' })
    const waiting = closing.extract({ html: testPage('001'), url })
    const failures = [failure(running), failure(waiting)]
    await closing.close()
    for (const error of await Promise.all(failures)) expect(error.code).toBe('cancelled')
    expect((await failure(closing.extract({ html: testPage('001'), url }))).code).toBe('cancelled')
  })

  it('works under plain Node with tsx registered through its API, as bin/folio.js does', async () => {
    const poolModule = join(repository, 'src/main/core/capture/extract/pool.ts')
    const script = `
      import { register } from 'tsx/esm/api'
      register()
      const { createExtractPool } = await import(${JSON.stringify(poolModule)})
      const pool = createExtractPool({ size: 1 })
      const article = await pool.extract({ html: '<html><head><title>Plain</title></head><body><article><p>' + 'Plain Node works. '.repeat(40) + '</p></article></body></html>', url: 'https://example.com/plain' })
      await pool.close()
      console.log(JSON.stringify({ title: article.title, words: article.wordCount }))`
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        cwd: repository
      }
    )
    expect(JSON.parse(stdout)).toEqual({ title: 'Plain', words: 120 })
  })
})

describe('an extractor that cannot start', () => {
  it('fails the waiting pages with a clear error instead of restarting forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-broken-worker-'))
    const broken = join(dir, 'broken-worker.mjs')
    writeFileSync(broken, "throw new Error('a damaged install')\n")
    const pool = createExtractPool({ size: 1, workerUrl: pathToFileURL(broken) })
    try {
      const attempt = pool.extract({
        html: '<html><body><p>text</p></body></html>',
        url: 'https://example.com/a'
      })
      await expect(attempt).rejects.toMatchObject({ code: 'extract_failed' })
      await expect(attempt).rejects.toThrow(/could not start/)
    } finally {
      await pool.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
