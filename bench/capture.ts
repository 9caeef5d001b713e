/**
 * `npm run bench:capture [-- --pages N] [--concurrency N]`
 * End-to-end captures of real corpus pages, served as raw bytes by a local HTTP server, into a
 * temporary library: pages/s and peak RSS. The baseline, measured in the same run, is the network
 * and decoding floor: fetching and decoding the same pages with the same concurrency, nothing else.
 * Every host name resolves to 127.0.0.1 (the pages' images name real sites).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { createEngine } from '../src/main/core/engine'
import { decodeHtmlBytes } from '../src/main/core/capture/decode'
import { fetchPage } from '../src/main/core/capture/fetch'
import { loopbackLookup } from '../src/main/core/capture/loopback'
import { openLibrary } from '../src/main/core/library'
import { startFixtureServer } from '../test/helpers/http-server'
import { corpusRoot } from './corpora'

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '4' }
  }
})
const pageLimit = Number(values.pages)
const concurrency = Number(values.concurrency)

/** Every gzipped page of every corpus, in a fixed order, round-robin so the mix stays varied. */
function corpusFiles(): string[] {
  const lists = [
    readdirSync(join(corpusRoot, 'readability-testpages/pages')).map((name) =>
      join(corpusRoot, 'readability-testpages/pages', name, 'source.html.gz')
    ),
    readdirSync(join(corpusRoot, 'scrapinghub-aeb/html')).map((name) =>
      join(corpusRoot, 'scrapinghub-aeb/html', name)
    ),
    readdirSync(join(corpusRoot, 'trafilatura-eval/html')).map((name) =>
      join(corpusRoot, 'trafilatura-eval/html', name)
    ),
    readdirSync(join(corpusRoot, 'zh-gne/html')).flatMap((site) =>
      readdirSync(join(corpusRoot, 'zh-gne/html', site)).map((name) =>
        join(corpusRoot, 'zh-gne/html', site, name)
      )
    )
  ].map((list) => list.sort())
  const files: string[] = []
  for (
    let index = 0;
    files.length < pageLimit && lists.some((list) => index < list.length);
    index += 1
  ) {
    for (const list of lists)
      if (index < list.length && files.length < pageLimit) files.push(list[index])
  }
  return files
}

function trackPeakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage().rss)
    }
  }
}

async function baseline(urls: string[]): Promise<number> {
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++]
        const page = await fetchPage(url).catch(() => null)
        if (page) decodeHtmlBytes(page.bytes, page.contentType)
      }
    })
  )
  return (performance.now() - started) / 1000
}

async function main(): Promise<void> {
  const files = corpusFiles()
  const routes = Object.fromEntries(
    files.map((file, index) => [
      `/page/${index}`,
      { headers: { 'content-type': 'text/html' }, body: gunzipSync(readFileSync(file)) }
    ])
  )
  const server = await startFixtureServer(routes)
  const urls = files.map((_, index) => server.url(`/page/${index}`))
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-capture-'))
  try {
    const baselineSeconds = await baseline(urls)

    const library = openLibrary(dir)
    const core = createEngine(library, {
      log: () => {},
      queue: { concurrency },
      capture: { lookup: loopbackLookup }
    })
    const rss = trackPeakRss()
    const started = performance.now()
    const saved = await core.call('capture.save', { inputs: urls })
    if (!saved.ok) throw new Error(saved.error.message)
    const { items } = saved.value
    core.start()
    const jobs = await core.waitForJobs(items.map((item) => item.jobId!))
    const seconds = (performance.now() - started) / 1000
    const peakRss = rss.stop()
    await core.close()
    library.close()

    const done = jobs.filter((job) => job.status === 'done').length
    const failures = new Map<string, number>()
    for (const job of jobs)
      if (job.error) failures.set(job.error.code, (failures.get(job.error.code) ?? 0) + 1)
    const rows = [
      ['measure', 'fetch+decode (baseline)', 'Folio capture'],
      ['pages', String(urls.length), String(urls.length)],
      ['seconds', baselineSeconds.toFixed(1), seconds.toFixed(1)],
      ['pages/s', (urls.length / baselineSeconds).toFixed(1), (urls.length / seconds).toFixed(1)],
      [
        'captured',
        '',
        `${done} (${urls.length - done} failed: ${[...failures].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'})`
      ],
      ['peak RSS', '', `${(peakRss / 1024 / 1024).toFixed(0)} MB`],
      ['ratio to baseline', '1.00', (baselineSeconds / seconds).toFixed(2)]
    ]
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
    console.log(
      `\nbench:capture — ${urls.length} corpus pages, concurrency ${concurrency}, ${library.dir}`
    )
    for (const row of rows)
      console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '))
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
