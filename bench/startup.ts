/**
 * `npm run bench:startup [-- --runs 10] [--articles 1000]`
 *
 * How long the `folio` CLI takes to start, as a script calling it in a loop sees it: the wall time
 * of each process, from spawn to exit, median of `--runs` taken in turns with the others. The
 * baseline, measured in the same rounds, is `node -e 0`, the floor any Node program starts from. It builds the CLI first (scripts/
 * build-cli.js) and runs bin/folio.js, the real entry with its freshness check, on a temporary
 * library of 1,000 articles (plain SQL, indexed for search). `folio serve` counts until its API
 * answers a call. One extra run of each command with the module recorder (test/cli/) counts the
 * modules it loads. The load average is printed with the table: on a shared machine the medians
 * move with it; the ratio to `node -e 0` moves less.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Database } from 'better-sqlite3'
import { openDatabase } from '../src/main/core/db/open'
import { serverToken } from '../src/main/core/settings/queries'
import { rebuildIndex } from '../src/main/core/search/rebuild'
import { mulberry32 } from './random'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    articles: { type: 'string', default: '1000' }
  }
})
const runs = Number(values.runs)
const articleCount = Number(values.articles)
const root = fileURLToPath(new URL('..', import.meta.url))
const folioBin = join(root, 'bin', 'folio.js')
const recorder = pathToFileURL(join(root, 'test', 'cli', 'module-recorder', 'register.js')).href
const searchWord = 'archive'

const log = (message: string): void =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`)

const words = (
  'research science history design policy health climate energy finance law music film ' +
  'language model vision robotics biology physics chemistry economics education cities travel ' +
  'food archive reading software security privacy data networks markets art poetry media'
).split(' ')

/** Articles of ~300 words each, as a capture stores them, then the search index over them. */
function seedLibrary(db: Database, count: number): void {
  const random = mulberry32(7)
  const sentence = (length: number): string =>
    Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ')
  const insertArticle = db.prepare(
    `INSERT INTO articles (url, url_key, title, site, saved_at, updated_at, state, favorite,
       capture_status, word_count)
     VALUES (?, ?, ?, ?, ?, ?, 'unread', 0, 'ready', ?)`
  )
  const insertContent = db.prepare(
    'INSERT INTO article_contents (article_id, content_html, text) VALUES (?, ?, ?)'
  )
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const paragraphs = Array.from({ length: 6 }, () => `${sentence(50)}.`)
      const url = `https://site${index % 40}.example.com/articles/${index}`
      const savedAt = Date.UTC(2024, 0, 1) + index * 3_600_000
      const { lastInsertRowid } = insertArticle.run(
        url,
        url,
        sentence(6),
        new URL(url).hostname,
        savedAt,
        savedAt,
        300
      )
      insertContent.run(
        lastInsertRowid,
        paragraphs.map((text) => `<p>${text}</p>`).join(''),
        paragraphs.join('\n\n')
      )
    }
  })()
  rebuildIndex(db)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Wall time of one `node ...args` process, spawn to exit, in milliseconds. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve(performance.now() - started)
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`))
    })
  })
}

/** True once `POST /api/library.stats` answers 200 on the port. */
function apiAnswers(port: number, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const call = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/library.stats',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      },
      (response) => {
        response.resume()
        resolve(response.statusCode === 200)
      }
    )
    call.on('error', () => resolve(false))
    call.end('{}')
  })
}

/** Wall time from spawning `folio serve` to its API's first answer; then stops it. */
async function timeServe(libraryDir: string, token: string, env: NodeJS.ProcessEnv = {}) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [folioBin, '--library', libraryDir, 'serve', '--port', String(port), '--json'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`folio serve exited with ${child.exitCode}`)
      if (await apiAnswers(port, token)) return performance.now() - started
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * The median of `runs` timed runs of each measure, after one untimed run (disk cache). The
 * measures take turns, one run each per round, so a burst of load on a shared machine slows all
 * of them, the baseline included, instead of one row.
 */
async function interleavedMedians(measures: (() => Promise<number>)[]): Promise<number[]> {
  for (const measure of measures) await measure()
  const samples = measures.map((): number[] => [])
  for (let run = 0; run < runs; run += 1) {
    for (const [index, measure] of measures.entries()) samples[index].push(await measure())
  }
  return samples.map(median)
}

/** How many files (ours and packages') one run loads, counted by the module recorder. */
async function modulesLoaded(
  run: (env: NodeJS.ProcessEnv) => Promise<number>,
  dir: string,
  env: NodeJS.ProcessEnv = {}
): Promise<number> {
  const recordFile = join(dir, `modules-${performance.now()}.txt`)
  await run({ ...env, NODE_OPTIONS: `--import=${recorder}`, FOLIO_MODULE_RECORD: recordFile })
  if (!existsSync(recordFile)) return 0
  return new Set(readFileSync(recordFile, 'utf8').split('\n').filter(Boolean)).size
}

interface Case {
  name: string
  targetMs: number
  /** One timed run, with extra environment variables. */
  run(env?: NodeJS.ProcessEnv): Promise<number>
}

/** Runs of bin/folio.js with these arguments. */
function folio(...args: string[]): Case['run'] {
  return (env) => timeProcess([folioBin, ...args], env)
}

async function main(): Promise<void> {
  log('building the CLI (scripts/build-cli.js)')
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.js')], { stdio: 'inherit' })

  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-startup-'))
  try {
    const libraryDir = join(dir, 'library')
    const db = openDatabase(libraryDir)
    seedLibrary(db, articleCount)
    const token = serverToken(db)
    const { id } = db.prepare('SELECT max(id) AS id FROM articles').get() as { id: number }
    db.close()
    log(`library of ${articleCount} articles in ${libraryDir}`)

    const library = ['--library', libraryDir]
    const cases: Case[] = [
      { name: 'folio --help', targetMs: 150, run: folio('--help') },
      { name: 'folio list --json', targetMs: 300, run: folio(...library, 'list', '--json') },
      {
        name: `folio show ${id} --format json`,
        targetMs: 300,
        run: folio(...library, 'show', String(id), '--format', 'json')
      },
      {
        name: `folio search ${searchWord}`,
        targetMs: 350,
        run: folio(...library, 'search', searchWord)
      },
      {
        name: 'folio serve, until its API answers',
        targetMs: 500,
        run: (env) => timeServe(libraryDir, token, env)
      }
    ]
    // The same --help from the TypeScript sources through tsx: what runs when the build is stale.
    const sources = { FOLIO_CLI_FROM_SOURCES: '1' }
    log(`timing ${cases.length + 2} commands, ${runs} rounds`)
    const [baseline, fromSources, ...medians] = await interleavedMedians([
      () => timeProcess(['-e', '0']),
      () => folio('--help')(sources),
      ...cases.map((entry) => () => entry.run())
    ])
    const rows: string[][] = [['node -e 0', baseline.toFixed(0), '1.0', '', '', '']]
    let failed = 0
    for (const [index, entry] of cases.entries()) {
      const ms = medians[index]
      const pass = ms <= entry.targetMs
      if (!pass) failed += 1
      rows.push([
        entry.name,
        ms.toFixed(0),
        (ms / baseline).toFixed(1),
        `≤ ${entry.targetMs}`,
        pass ? 'pass' : 'FAIL',
        String(await modulesLoaded(entry.run, dir))
      ])
    }
    rows.push([
      'folio --help from the sources (tsx)',
      fromSources.toFixed(0),
      (fromSources / baseline).toFixed(1),
      '',
      '',
      String(await modulesLoaded(folio('--help'), dir, sources))
    ])
    printTable(rows)
    process.exitCode = failed === 0 ? 0 : 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function printTable(rows: string[][]): void {
  const header = ['command', 'median ms', '× node -e 0', 'target ms', '', 'modules']
  const table = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)))
  console.log(
    `\n${runs} runs each (median); ${cpus().length} cores, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`
  )
  for (const row of table) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column])
        )
        .join('  ')
    )
  }
}

await main()
