/**
 * `npm run bench:export -- [--articles 10000]`
 *
 * Builds a library of generated articles (plain SQL: metadata like a capture's, a 3 KB body, two
 * or three hierarchical tags each), then runs each measurement in its own process, so each peak
 * RSS is its own:
 * - idle: the library opened and closed, the floor every process pays (Node, tsx, SQLite);
 * - baseline: a plain `SELECT` over the same rows (articles and their tags), read row by row and
 *   thrown away: what any export must at least do;
 * - held: the same rows read at once into an array, the memory an export that held the library
 *   would need (the number a streamed export must stay clear of);
 * - Folio's `json` and `bibtex` exports through `writeExport`, the code the `export` job runs.
 * Peak RSS is `process.resourceUsage().maxRSS` of each process (Node itself is ~45 MB of it).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeExport } from '../src/main/core/io/export/run'
import { createJobQueue } from '../src/main/core/jobs/queue'
import { openLibrary } from '../src/main/core/library'
import { createSearchService } from '../src/main/core/search/service'
import { seededWords } from './random'
import { argument, runPhaseProcess } from './phase'

const { random, word, phrase } = seededWords(17)

function seed(dir: string, count: number): void {
  const library = openLibrary(dir)
  const { db } = library
  const tags = Array.from({ length: 200 }, (_, index) => `${word()}${index % 20}/${word()}${index}`)
  const article = db.prepare(
    `INSERT INTO articles (id, url, url_key, title, byline, site, site_name, lang, excerpt,
       published_at, saved_at, updated_at, capture_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, 'ready')`
  )
  const content = db.prepare(
    'INSERT INTO article_contents (article_id, content_html, text) VALUES (?, ?, ?)'
  )
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
  db.transaction(() => {
    tags.forEach((name, index) =>
      db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)').run(index + 1, name)
    )
    for (let id = 1; id <= count; id += 1) {
      const url = `https://site${id % 300}.example.com/articles/${id}`
      const saved = Date.UTC(2020, 0, 1) + id * 3_600_000
      const text = phrase(450)
      article.run(
        id,
        url,
        url,
        phrase(8),
        random() < 0.7 ? 'Jane Doe and John Roe' : null,
        `site${id % 300}.example.com`,
        `Site ${id % 300}`,
        phrase(30),
        saved - 86_400_000,
        saved,
        saved
      )
      content.run(id, `<p>${text}</p>`, text)
      for (let tag = 0; tag < 2 + (id % 2); tag += 1)
        link.run(id, 1 + Math.floor(random() * tags.length))
    }
  })()
  library.close()
}

const rowsSql = `SELECT a.*, (SELECT group_concat(t.name, ',') FROM article_tags l
  JOIN tags t ON t.id = l.tag_id WHERE l.article_id = a.id) AS tags FROM articles a ORDER BY a.id`

/** One measurement, in this (child) process; prints `{seconds, maxRssMb, bytes}`. */
async function measure(phase: string, dir: string, out: string): Promise<void> {
  const library = openLibrary(dir)
  const started = performance.now()
  let bytes = 0
  if (phase === 'idle') {
    bytes = 0
  } else if (phase === 'baseline') {
    for (const row of library.db.prepare(rowsSql).iterate()) bytes += JSON.stringify(row).length
  } else if (phase === 'held') {
    const rows = library.db.prepare(rowsSql).all()
    bytes = JSON.stringify(rows).length
  } else {
    const search = createSearchService(library, createJobQueue(library))
    const format = phase as 'json' | 'bibtex'
    const payload = { format, path: out, selection: {}, force: true }
    bytes = (await writeExport(library.db, payload, { name: 'bench', search })).bytes
  }
  const seconds = (performance.now() - started) / 1000
  library.close()
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ seconds, maxRssMb, bytes }))
}

function runPhase(
  phase: string,
  dir: string
): { seconds: number; maxRssMb: number; bytes: number } {
  const out = join(dir, `export.${phase}`)
  return runPhaseProcess(fileURLToPath(import.meta.url), phase, ['--dir', dir, '--out', out])
}

async function main(): Promise<void> {
  const phase = argument('phase')
  if (phase) return measure(phase, argument('dir')!, argument('out')!)
  const count = Number(argument('articles') ?? 10_000)
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-export-'))
  const keep = argument('keep')
  try {
    const seeding = performance.now()
    seed(dir, count)
    const libraryMb = statSync(join(dir, 'library.db')).size / 1024 / 1024
    console.log(
      `bench:export — ${count} articles, library.db ${libraryMb.toFixed(0)} MB (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`
    )
    const rows = [['measure', 'seconds', 'peak RSS', 'output', 'articles/s']]
    for (const [name, label] of [
      ['idle', 'open the library only'],
      ['baseline', 'SELECT, row by row (baseline)'],
      ['held', 'SELECT, all rows held'],
      ['json', 'Folio export json'],
      ['bibtex', 'Folio export bibtex']
    ]) {
      const result = runPhase(name, dir)
      rows.push([
        label,
        result.seconds.toFixed(2),
        `${result.maxRssMb.toFixed(0)} MB`,
        `${(result.bytes / 1024 / 1024).toFixed(1)} MB`,
        name === 'idle' ? '' : (count / result.seconds).toFixed(0)
      ])
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
    for (const row of rows)
      console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '))
  } finally {
    if (keep === undefined) rmSync(dir, { recursive: true, force: true })
    else console.log(`kept ${dir}`)
  }
}

await main()
