/**
 * `npm run bench:tags -- [--articles 100000] [--tags 5000] [--runs 20]`
 *
 * Builds a library of articles (plain SQL, indexed for search) with hierarchical tags (depth 1–4,
 * about 3 per article, popularity skewed as real libraries are), then times the tag operations
 * through `core.invoke`, as every door calls them. Baseline in the same run: the bare own-count
 * query over the links, what any recount starts from. Target: `tags.list` under 50 ms, the first
 * read on a freshly opened library included (the counts are stored, migration 0004).
 * The load average is printed with the table: on a shared machine, `min` is the closest to an
 * idle one.
 */
import type { Database } from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../src/main/core/engine'
import type { Engine } from '../src/main/core/engine'
import { openLibrary } from '../src/main/core/library'
import { listTags } from '../src/main/core/tags/tree'
import type { Library } from '../src/main/core/library'
import type { OperationInput, OperationName, OperationOutput } from '../src/shared/contract'
import { rebuildIndex } from '../src/main/core/search/rebuild'
import { unwrap } from '../src/shared/errors'
import { mulberry32 } from './random'

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(process.argv[index + 1])
}

const articleCount = argument('articles', 100_000)
const tagCount = argument('tags', 5000)
const runs = argument('runs', 20)
/** The subtree the rename measurement moves: one parent with this many tags beneath it. */
const renamedSubtreeSize = 500
const log = (message: string): void =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`)

const random = mulberry32(42)
const words = (
  'research science history design policy health climate energy finance law music film ' +
  'language model vision robotics biology physics chemistry economics education cities travel ' +
  'food archive reading software security privacy data networks markets art poetry media'
).split(' ')

function pick<T>(list: T[]): T {
  return list[Math.floor(random() * list.length)]
}

/** Names for the tree: `bench/parent` with 500 beneath it, the rest under 40 roots, depth 1–4. */
function tagNames(): string[] {
  const names = new Set<string>(['bench/parent'])
  const grow = (pool: string[], target: number, within: number): void => {
    while (names.size < target) {
      const parent = pick(pool)
      if (parent.split('/').length >= 4) continue
      const name = `${parent}/${pick(words)}-${Math.floor(random() * within)}`
      if (names.has(name)) continue
      names.add(name)
      pool.push(name)
    }
  }
  grow(['bench/parent'], renamedSubtreeSize + 1, 60)
  const roots = Array.from({ length: 40 }, (_, index) => `${words[index % words.length]}${index}`)
  for (const root of roots) names.add(root)
  grow([...roots], tagCount, 200)
  return [...names]
}

function insertLibrary(db: Database, names: string[]): void {
  const insertTag = db.prepare('INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)')
  const article = db.prepare(
    `INSERT INTO articles (id, url, url_key, title, site, saved_at, updated_at, capture_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'ready')`
  )
  const content = db.prepare('INSERT INTO article_contents (article_id, text) VALUES (?, ?)')
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
  db.transaction(() => names.forEach((name, index) => insertTag.run(index + 1, name)))()
  // Tag ids by popularity, shuffled, so the popular tags spread over the whole tree.
  const popularity = names.map((_, index) => index + 1)
  for (let index = popularity.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1))
    ;[popularity[index], popularity[other]] = [popularity[other], popularity[index]]
  }
  for (let start = 1; start <= articleCount; start += 5000) {
    db.transaction(() => {
      for (let id = start; id < Math.min(start + 5000, articleCount + 1); id += 1) {
        const title = `${pick(words)} ${pick(words)} ${id}`
        const url = `https://site${id % 300}.example/${id}`
        article.run(id, url, url, title, `site${id % 300}.example`, id * 1000, id * 1000)
        content.run(id, Array.from({ length: 40 }, () => pick(words)).join(' '))
        // Skewed popularity: a few tags carry most links, as in real libraries.
        for (let count = 0; count < 3; count += 1) {
          link.run(id, popularity[Math.floor(names.length * random() ** 2)])
        }
      }
    })()
  }
}

interface Measurement {
  label: string
  times: number[]
  note: string
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}

async function measure(
  count: number,
  run: (index: number) => Promise<unknown> | unknown
): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < count; index += 1) {
    const start = performance.now()
    await run(index)
    times.push(performance.now() - start)
  }
  return times
}

function printTable(measurements: Measurement[]): void {
  console.log('\n| operation | runs | min ms | median ms | p95 ms | note |')
  console.log('|---|---:|---:|---:|---:|---|')
  for (const { label, times, note } of measurements) {
    const sorted = [...times].sort((left, right) => left - right)
    const median = percentile(sorted, 0.5).toFixed(1)
    console.log(
      `| ${label} | ${times.length} | ${sorted[0].toFixed(1)} | ${median} | ${percentile(sorted, 0.95).toFixed(1)} | ${note} |`
    )
  }
}

async function call<K extends OperationName>(
  core: Engine,
  name: K,
  input: OperationInput<K>
): Promise<OperationOutput<K>> {
  return unwrap(await core.call(name, input))
}

/** `tags.list` on a library just opened (a new connection, nothing cached): the open untimed. */
function firstReads(dir: string, count: number): number[] {
  const times: number[] = []
  for (let index = 0; index < count; index += 1) {
    const library = openLibrary(dir)
    try {
      const start = performance.now()
      listTags(library.db)
      times.push(performance.now() - start)
    } finally {
      library.close()
    }
  }
  return times
}

async function measureAll(core: Engine, library: Library): Promise<Measurement[]> {
  const { db } = library
  const dir = library.dir
  const list = await call(core, 'tags.list', {})
  const roots = list.filter((node) => node.depth === 0).sort((a, b) => b.total - a.total)
  const filters = [roots[0], roots[Math.floor(roots.length / 2)], roots[roots.length - 1]]
  const moved = await call(core, 'tags.rename', { from: 'bench/parent', to: 'bench/moved' })
  await call(core, 'tags.rename', { from: 'bench/moved', to: 'bench/parent' })
  const bulkIds = Array.from(
    { length: 1000 },
    (_, index) => 1 + index * Math.floor(articleCount / 1000)
  )
  const renameRuns = Math.max(2, Math.floor(runs / 4))
  return [
    {
      label: 'own counts only (baseline)',
      times: await measure(runs, () =>
        db.prepare('SELECT tag_id, count(*) FROM article_tags GROUP BY tag_id').all()
      ),
      note: 'GROUP BY tag_id over the links'
    },
    {
      label: 'tags.list',
      times: await measure(runs, () => call(core, 'tags.list', {})),
      note: `${list.length} nodes; stored counts`
    },
    {
      label: 'tags.list, first read after opening',
      times: firstReads(dir, Math.max(2, Math.floor(runs / 4))),
      note: 'a new connection to the library'
    },
    ...(await filterMeasurements(core, filters)),
    {
      label: `tags.rename parent with ${renamedSubtreeSize} beneath`,
      times: await measure(renameRuns, (index) =>
        call(
          core,
          'tags.rename',
          index % 2 === 0
            ? { from: 'bench/parent', to: 'bench/moved' }
            : { from: 'bench/moved', to: 'bench/parent' }
        )
      ),
      note: `${moved.articles.length} articles' tag rows re-indexed`
    },
    {
      label: 'articles.tag add on 1,000 articles',
      times: await measure(renameRuns, async (index) => {
        await call(core, 'articles.tag', { ids: bulkIds, add: [`bench/bulk-${index}`] })
      }),
      note: 'one transaction, tag rows re-indexed'
    },
    {
      label: 'articles.tag remove on 1,000 articles',
      times: await measure(renameRuns, (index) =>
        call(core, 'articles.tag', { ids: bulkIds, remove: [`bench/bulk-${index}`] })
      ),
      note: 'one transaction, tag rows re-indexed'
    },
    {
      label: 'tags.list after the changes above',
      times: await measure(runs, () => call(core, 'tags.list', {})),
      note: 'counts moved by triggers, never recounted'
    }
  ]
}

async function filterMeasurements(
  core: Engine,
  filters: { name: string; total: number }[]
): Promise<Measurement[]> {
  const measurements: Measurement[] = []
  for (const filter of filters) {
    measurements.push({
      label: `articles.list tag:${filter.name} (first 100)`,
      times: await measure(runs, () =>
        call(core, 'articles.list', { tag: filter.name, limit: 100 })
      ),
      note: `${filter.total} articles beneath`
    })
  }
  return measurements
}

async function main(): Promise<void> {
  const keep = process.argv.indexOf('--keep')
  const dir =
    keep === -1 ? mkdtempSync(join(tmpdir(), 'folio-bench-tags-')) : process.argv[keep + 1]
  try {
    const library = openLibrary(dir)
    const names = tagNames()
    log(`inserting ${articleCount} articles and ${names.length} tags`)
    insertLibrary(library.db, names)
    log('indexing for search')
    rebuildIndex(library.db)
    const core = createEngine(library, { log: () => {} })
    log('measuring')
    printTable(await measureAll(core, library))
    console.log(
      `\nload average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')} on ${cpus().length} cores`
    )
    await core.close()
    library.close()
  } finally {
    if (keep === -1) rmSync(dir, { recursive: true, force: true })
  }
}

await main()
