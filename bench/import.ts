/**
 * `npm run bench:import -- [--items 20000]`
 *
 * Generates a Pocket export ZIP as Pocket mailed it (`part_*.csv` of 10,000 rows each, tags
 * split by `|`, a tenth of the items with highlights in `annotations/part_000000.json`), then
 * runs each measurement in its own process so each peak RSS is its own:
 * - idle: an empty library opened and closed, the floor every process pays (Node, tsx, SQLite);
 * - baseline: the ZIP's rows parsed (yauzl + csv-parse + the annotations joined), nothing
 *   written: what any import must at least do;
 * - import: `library.import --no-fetch` into a fresh library, the metadata phase as the `import`
 *   job runs it (batches of 500 rows a transaction, each article indexed for search);
 * - again: the same file imported a second time, every row found and skipped.
 * Peak RSS is `process.resourceUsage().maxRSS` of each process (Node itself is ~45 MB of it).
 * CPU seconds (user + system, all threads) are printed beside the wall time: on a shared
 * machine the wall time of one run can double while the CPU time stays put.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import yazl from 'yazl'
import { openEngine } from '../src/main/core/engine'
import { detectFormat } from '../src/main/core/io/import/detect'
import { parseFile } from '../src/main/core/io/import/parse'
import { seededWords } from './random'
import { argument, runPhaseProcess } from './phase'

const { random, pick, word, phrase } = seededWords(16)
const cell = (value: string): string =>
  /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value

/** Pocket's export for `count` items: 10,000 rows a part, a tenth of them highlighted. */
function writePocketZip(path: string, count: number): Promise<void> {
  const zip = new yazl.ZipFile()
  const tags = Array.from({ length: 300 }, (_, index) => `${word()} ${index}`)
  const annotations: unknown[] = []
  for (let part = 0; part * 10_000 < count; part += 1) {
    const lines = ['title,url,time_added,cursor,tags,status']
    for (let index = part * 10_000; index < Math.min(count, (part + 1) * 10_000); index += 1) {
      const url = `https://site${index % 500}.example.com/articles/${index}?utm_source=pocket`
      const itemTags = Array.from({ length: index % 4 }, () => pick(tags)).join('|')
      const status = random() < 0.6 ? 'archive' : 'unread'
      lines.push(
        [
          cell(`${phrase(6)}, "${index}"`),
          url,
          String(1.4e9 + index * 3600),
          String(index),
          itemTags,
          status
        ].join(',')
      )
      if (index % 10 === 0) {
        const quotes = [phrase(12), phrase(9)].map((quote) => ({
          quote,
          created_at: 1.4e9 + index * 3600 + 60
        }))
        annotations.push({ url, title: phrase(6), highlights: quotes })
      }
    }
    zip.addBuffer(Buffer.from(lines.join('\n') + '\n'), `part_${String(part).padStart(6, '0')}.csv`)
  }
  zip.addBuffer(Buffer.from(JSON.stringify(annotations)), 'annotations/part_000000.json')
  zip.end()
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject)
  })
}

/** One measurement, in this (child) process; prints `{seconds, maxRssMb, rows}`. */
async function measure(phase: string, dir: string, zip: string): Promise<void> {
  const started = performance.now()
  const cpuAtStart = process.cpuUsage()
  let rows = 0
  if (phase === 'baseline') {
    const parsed = parseFile(zip, await detectFormat(zip))
    for await (const row of parsed.rows) rows += 'item' in row ? 1 : 0
  } else {
    const engine = openEngine(dir, { log: () => undefined })
    if (phase !== 'idle') {
      engine.start()
      const started = await engine.call('library.import', { path: zip, fetch: false })
      if (!started.ok) throw new Error(started.error.message)
      const [job] = await engine.waitForJobs([started.value.jobId])
      if (job.status !== 'done') throw new Error(job.error?.message ?? job.status)
      rows = job.result?.import?.rows.length ?? 0
    }
    await engine.close()
  }
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuAtStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ seconds, cpuSeconds, maxRssMb, rows }))
}

function runPhase(
  phase: string,
  dir: string,
  zip: string
): { seconds: number; cpuSeconds: number; maxRssMb: number; rows: number } {
  return runPhaseProcess(fileURLToPath(import.meta.url), phase, ['--dir', dir, '--zip', zip])
}

async function main(): Promise<void> {
  const phase = argument('phase')
  if (phase) return measure(phase, argument('dir')!, argument('zip')!)
  const count = Number(argument('items') ?? 20_000)
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-import-'))
  try {
    const zip = join(dir, 'pocket.zip')
    await writePocketZip(zip, count)
    console.log(
      `bench:import — a Pocket ZIP of ${count} items, ${(statSync(zip).size / 1024 / 1024).toFixed(1)} MB, --no-fetch`
    )
    const rows = [['measure', 'seconds', 'CPU s', 'peak RSS', 'items/s']]
    for (const [name, label, library] of [
      ['idle', 'open an empty library only', 'idle'],
      ['baseline', 'parse the ZIP, write nothing (baseline)', 'none'],
      ['import', 'Folio import, metadata phase', 'library'],
      ['again', 'the same file again (all skipped)', 'library']
    ]) {
      const result = runPhase(name, join(dir, library), zip)
      rows.push([
        label,
        result.seconds.toFixed(2),
        result.cpuSeconds.toFixed(2),
        `${result.maxRssMb.toFixed(0)} MB`,
        name === 'idle' ? '' : (result.rows / result.seconds).toFixed(0)
      ])
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
    for (const row of rows)
      console.log(row.map((text, column) => text.padEnd(widths[column])).join('  '))
  } finally {
    if (argument('keep') === undefined) rmSync(dir, { recursive: true, force: true })
    else console.log(`kept ${dir}`)
  }
}

await main()
