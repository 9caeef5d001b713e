import { brotliDecompressSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { loopbackLookup } from '../../src/main/core/capture/loopback'
import { readAsset } from '../../src/main/core/assets/queries'
import type { Article, JobInfo, SaveItemResult } from '../../src/shared/types'
import { unwrap } from '../../src/shared/errors'
import { corpusPage } from '../helpers/corpus'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'
import { useTempDirs } from '../helpers/temp'

// A real 1x1 PNG and GIF: image bytes the asset sniffer must recognise.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')

const paragraphs = [
  'The archive keeps every article it saves, with its pictures, so that it can be read years later without the network.',
  'Researchers collect thousands of pages on one topic; each must come back exactly as it was saved, searchable and tagged.',
  'A reader that loses highlights or cannot find a Chinese phrase is not an archive anyone can trust for a decade.',
  'This page exists to be captured: its images are served by a local server and must be stored inside the library.'
]

function articlePage(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
    <meta name="author" content="Ada Lovelace"><meta name="keywords" content="archives, reading"></head>
    <body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>${title}</h1>
    ${paragraphs.map((text) => `<p>${text} ${text}</p>`).join('\n')}
    <figure><img src="/img/photo.png" alt="A photo"></figure>
    <p>${paragraphs[0]}</p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="/img/lazy.gif" alt="Lazy">
    <p>${paragraphs[1]}</p></article><footer>© Example</footer></body></html>`
}

describe('capturing pages into the library', () => {
  const tempDir = useTempDirs()
  let server: FixtureServer
  let core: Engine
  let library: Library

  async function setUp(routes: Parameters<typeof startFixtureServer>[0]): Promise<void> {
    server = await startFixtureServer(routes)
    library = openLibrary(tempDir())
    core = createEngine(library, {
      log: () => {},
      queue: { retryBaseMs: 20 },
      capture: { lookup: loopbackLookup, workers: 1, fetch: { totalTimeoutMs: 5000 } }
    })
    core.start()
  }

  afterEach(async () => {
    await core?.close()
    library?.close()
    await server?.close()
  })

  async function save(
    inputs: string[],
    tags: string[] = []
  ): Promise<{ items: SaveItemResult[]; jobs: JobInfo[] }> {
    const { items } = unwrap(await core.call('capture.save', { inputs, tags }))
    const jobs = await core.waitForJobs(items.flatMap((item) => (item.jobId ? [item.jobId] : [])))
    return { items, jobs }
  }

  async function article(id: number): Promise<Article> {
    return unwrap(await core.call('articles.get', { id, content: 'all' }))
  }

  it('saves a page with its metadata, text and images, all stored in the library', async () => {
    await setUp({
      '/post': {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: articlePage('Keeping things')
      },
      '/img/photo.png': { headers: { 'content-type': 'image/png' }, body: png },
      '/img/lazy.gif': { headers: { 'content-type': 'image/gif' }, body: gif }
    })
    const { items, jobs } = await save([server.url('/post')], ['research/archives'])
    expect(jobs[0].status).toBe('done')
    const saved = await article(items[0].articleId!)
    expect(saved).toMatchObject({
      title: 'Keeping things',
      byline: 'Ada Lovelace',
      captureStatus: 'ready',
      tags: ['research/archives']
    })
    expect(saved.text).toContain('The archive keeps every article it saves')
    expect(saved.text).not.toContain('© Example')
    const shas = [...saved.contentHtml!.matchAll(/folio-asset:\/\/([0-9a-f]{64})/g)].map(
      (match) => match[1]
    )
    expect(shas).toHaveLength(2)
    expect(readAsset(library.db, shas[0])?.bytes.equals(png)).toBe(true)
    expect(readAsset(library.db, shas[1])?.bytes.equals(gif)).toBe(true)
    expect(server.requestsTo('/img/photo.png')[0].headers.referer).toBe(server.url('/post'))
  })

  it('saves a URL again as the same article, whatever tracking parameters it carries', async () => {
    await setUp({
      '/post': { headers: { 'content-type': 'text/html' }, body: articlePage('Once') }
    })
    const first = await save([server.url('/post?utm_source=newsletter&utm_medium=email')])
    const second = await save([server.url('/post#comments'), server.url('/post?fbclid=abc')])
    expect(second.items.map((item) => item.articleId)).toEqual([
      first.items[0].articleId,
      first.items[0].articleId
    ])
    const stats = unwrap(await core.call('library.stats', {}))
    expect(stats.articles).toBe(1)
  })

  it('records a failure on the article with its reason, and a retry succeeds once the page exists', async () => {
    await setUp({})
    const { items, jobs } = await save([server.url('/missing')])
    expect(jobs[0]).toMatchObject({ status: 'failed', error: { code: 'http_error' } })
    const failed = await article(items[0].articleId!)
    expect(failed.captureStatus).toBe('failed')
    expect(failed.errorMessage).toContain('404')
    server.route('/missing', {
      headers: { 'content-type': 'text/html' },
      body: articlePage('Found later')
    })
    unwrap(await core.call('jobs.retry', { ids: [jobs[0].id] }))
    const [retried] = await core.waitForJobs([jobs[0].id])
    expect(retried.status).toBe('done')
    expect((await article(items[0].articleId!)).title).toBe('Found later')
  })

  it('retries transient server errors with backoff and then saves the page', async () => {
    let calls = 0
    await setUp({
      '/flaky': () => {
        calls += 1
        return calls < 3
          ? { status: 503, body: 'busy' }
          : { headers: { 'content-type': 'text/html' }, body: articlePage('Third time lucky') }
      }
    })
    const { jobs } = await save([server.url('/flaky')])
    expect(jobs[0]).toMatchObject({ status: 'done', attempts: 3 })
  })

  it('refuses a PDF with a clear error, and input that is neither a URL nor a file', async () => {
    await setUp({
      '/paper.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7' }
    })
    const { items, jobs } = await save([
      server.url('/paper.pdf'),
      'not a url at all',
      'ftp://example.com/x'
    ])
    expect(jobs[0]).toMatchObject({ status: 'failed', error: { code: 'not_html' } })
    expect(items[1]).toMatchObject({ ok: false, error: { code: 'invalid_url' } })
    expect(items[1].error!.message).toContain('not a url at all')
    expect(items[2].ok).toBe(false)
  })

  it('re-extracts from the stored page without the network, keeping the images', async () => {
    await setUp({
      '/post': { headers: { 'content-type': 'text/html' }, body: articlePage('Offline again') },
      '/img/photo.png': { headers: { 'content-type': 'image/png' }, body: png },
      '/img/lazy.gif': { headers: { 'content-type': 'image/gif' }, body: gif }
    })
    const { items } = await save([server.url('/post')])
    const before = await article(items[0].articleId!)
    await server.close()
    const started = unwrap(await core.call('articles.reextract', { ids: [items[0].articleId!] }))
    expect(started.articles).toBe(1)
    const [job] = await core.waitForJobs([started.jobId])
    expect(job).toMatchObject({
      kind: 'reextract',
      status: 'done',
      result: { done: 1, failed: [] }
    })
    expect(job.progress).toEqual({ done: 1, total: 1 })
    const after = await article(items[0].articleId!)
    expect(after.text).toBe(before.text)
    expect(after.contentHtml!.match(/folio-asset:\/\//g)).toHaveLength(2)
    const stats = unwrap(await core.call('library.stats', {}))
    expect(stats.assets).toBe(2)
  })

  it('keeps the original bytes compressed with their charset, and decodes a GBK page right', async () => {
    const html = `<html><head><meta charset="gbk"><title>大模型的未来</title></head><body><article>
      ${Array.from({ length: 6 }, () => '<p>人工智能大模型正在改变人们阅读和保存文章的方式，离线档案需要正确显示每一个汉字。</p>').join('')}
      </article></body></html>`
    const bytes = iconv.encode(html, 'gbk')
    await setUp({ '/zh': { headers: { 'content-type': 'text/html' }, body: bytes } })
    const { items } = await save([server.url('/zh')])
    const saved = await article(items[0].articleId!)
    expect(saved.title).toBe('大模型的未来')
    expect(saved.text).toContain('离线档案需要正确显示每一个汉字')
    const stored = library.db
      .prepare(
        'SELECT original_html, original_encoding, original_charset FROM article_contents WHERE article_id = ?'
      )
      .get(items[0].articleId) as {
      original_html: Buffer
      original_encoding: string
      original_charset: string
    }
    expect(stored.original_charset).toBe('gbk')
    expect(brotliDecompressSync(stored.original_html).equals(bytes)).toBe(true)
  })

  it('imports local HTML and text files as articles', async () => {
    await setUp({})
    const dir = tempDir()
    const page = join(dir, 'saved-page.html')
    writeFileSync(page, corpusPage('readability-testpages/pages/001/source.html.gz'))
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'Field notes\n\nFirst paragraph of notes.\n\nSecond paragraph.')
    const { jobs, items } = await save([page, notes])
    expect(jobs.map((job) => job.status)).toEqual(['done', 'done'])
    expect((await article(items[0].articleId!)).title).toContain('Frontend JavaScript')
    const text = await article(items[1].articleId!)
    expect(text.title).toBe('Field notes')
    expect(text.text).toContain('Second paragraph.')
  })

  it('saves files sent as bytes (dropped in a browser), in their charset, once however often they are sent', async () => {
    await setUp({})
    const page = iconv.encode(
      `<html><head><meta charset="gbk"><title>离线阅读</title></head><body><article>${'<p>档案馆保存每一篇文章，多年以后依然可以离线阅读，不会丢失任何一个汉字。</p>'.repeat(6)}</article></body></html>`,
      'gbk'
    )
    const send = async (name: string, bytes: Buffer): Promise<SaveItemResult> => {
      const result = unwrap(
        await core.call('capture.saveFile', {
          name,
          contentBase64: bytes.toString('base64'),
          tags: []
        })
      ) as SaveItemResult
      await core.waitForJobs([result.jobId!])
      return result
    }
    const first = await send('离线阅读.html', page)
    const again = await send('copy of it.html', page)
    const note = await send(
      'C:\\Users\\ada\\notes.md',
      Buffer.from('# Reading list\n\nFinish the chapter on archives.')
    )
    expect(again.articleId).toBe(first.articleId)
    expect(await article(first.articleId!)).toMatchObject({
      title: '离线阅读',
      captureStatus: 'ready'
    })
    expect((await article(first.articleId!)).text).toContain('不会丢失任何一个汉字')
    expect(await article(note.articleId!)).toMatchObject({
      title: 'Reading list',
      captureStatus: 'ready'
    })
    const refused = await core.call('capture.saveFile', {
      name: 'photo.jpg',
      contentBase64: 'AAAA',
      tags: []
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(refused.ok ? '' : refused.error.message).toContain('photo.jpg')
  })

  it('stores the DOM the browser sent for a rendered page, not a fresh download', async () => {
    await setUp({
      '/app': {
        headers: { 'content-type': 'text/html' },
        body: '<html><body><p>Loading…</p></body></html>'
      }
    })
    const result = unwrap(
      await core.call('capture.saveHtml', {
        url: server.url('/app'),
        html: articlePage('Rendered by script'),
        tags: []
      })
    ) as SaveItemResult
    await core.waitForJobs([result.jobId!])
    expect((await article(result.articleId!)).title).toBe('Rendered by script')
    expect(server.requestsTo('/app')).toHaveLength(0)
  })
})
