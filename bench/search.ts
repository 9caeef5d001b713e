/**
 * `npm run bench:search -- --docs 10000|100000 [--queries 40] [--flex-docs 20000]`
 *
 * Builds a library from the multilingual corpus (bench/search/corpus.ts), then measures our
 * engine (FTS5 over CJK bigrams; search-as-you-type by FTS5 prefixes on search_meta) against
 * the FlexSearch quick index it replaced and two baselines in the same run:
 * FTS5 with plain unicode61 and FlexSearch with its default encoder. Prints markdown tables.
 */
import type { Database } from 'better-sqlite3'
import { existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../src/main/core/db/open'
import { indexArticle } from '../src/main/core/search/fts'
import { createFlexSearchQuickIndex } from './search/flexsearch-quick-index'
import { createQuickIndex } from '../src/main/core/search/quick-index'
import type { QuickIndex } from '../src/main/core/search/quick-index'
import { ensureIndexCurrent, rebuildIndex } from '../src/main/core/search/rebuild'
import { searchArticles } from '../src/main/core/search/search'
import { buildPlainFlexSearch, buildPlainFts } from './search/baselines'
import type { Engine } from './search/baselines'
import { dataDir, ensureCorpus, readCorpus, siteOf } from './search/corpus'
import type { CorpusDocument } from './search/corpus'
import { categories, documentMatches, generateQueries, matchableText } from './search/queries'
import type { BenchQuery } from './search/queries'
import { format, heapUsedMb, mean, percentile, table, timed } from './search/stats'

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(process.argv[index + 1])
}

const documentCount = argument('docs', 10_000)
const perCategory = argument('queries', 40)
const flexDocumentCount = Math.min(documentCount, argument('flex-docs', 20_000))
const log = (message: string): void =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`)

function insertCorpus(db: Database, documents: CorpusDocument[]): void {
  const article = db.prepare(
    `INSERT INTO articles (id, url, url_key, title, site, lang, saved_at, updated_at, state, capture_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unread', 'ready')`
  )
  const content = db.prepare('INSERT INTO article_contents (article_id, text) VALUES (?, ?)')
  const start = Date.UTC(2020, 0, 1)
  for (let offset = 0; offset < documents.length; offset += 1000) {
    db.transaction(() => {
      for (const document of documents.slice(offset, offset + 1000)) {
        const url = `https://${siteOf(document)}/doc/${document.id}`
        const savedAt = start + document.id * 60_000
        article.run(
          document.id,
          url,
          url,
          document.title,
          siteOf(document),
          document.lang,
          savedAt,
          savedAt
        )
        content.run(document.id, document.body)
      }
    })()
  }
}

function databaseSizeMb(dir: string): number {
  return ['library.db', 'library.db-wal']
    .map((file) => join(dir, file))
    .filter(existsSync)
    .reduce((sum, file) => sum + statSync(file).size / 2 ** 20, 0)
}

function ftsSizeMb(db: Database): number {
  try {
    const row = db
      .prepare(
        `SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search_fts%' OR name LIKE 'search_meta%'`
      )
      .get() as { bytes: number }
    return row.bytes / 2 ** 20
  } catch {
    return NaN
  }
}

interface BuildReport {
  insertMs: number
  rebuildMs: number
  quickBuildMs: number
  quickSaveMs: number
  indexOneP50: number
  indexOneP99: number
  indexOneMax: number
}

function buildLibrary(dir: string, documents: CorpusDocument[]): BuildReport {
  rmSync(dir, { recursive: true, force: true })
  const db = openDatabase(dir)
  const insert = timed(() => insertCorpus(db, documents))
  log(`inserted ${documents.length} articles in ${format(insert.ms / 1000)} s`)
  let lastShown = 0
  const rebuild = timed(() =>
    rebuildIndex(db, ({ done, total }) => {
      if (done - lastShown >= total / 10 || done === total) {
        lastShown = done
        log(`  indexing ${done}/${total}`)
      }
    })
  )
  const flexQuick = createFlexSearchQuickIndex(db)
  const quickBuild = timed(() => flexQuick.load())
  const quickSave = timed(() => flexQuick.save())
  const sample = documents.filter((_, index) => index % Math.ceil(documents.length / 200) === 0)
  const oneMs = sample.map(
    (document) => timed(() => db.transaction(() => indexArticle(db, document.id))()).ms
  )
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return {
    insertMs: insert.ms,
    rebuildMs: rebuild.ms,
    quickBuildMs: quickBuild.ms,
    quickSaveMs: quickSave.ms,
    indexOneP50: percentile(oneMs, 0.5),
    indexOneP99: percentile(oneMs, 0.99),
    indexOneMax: Math.max(...oneMs)
  }
}

/** What the matcher reads: the fields our index covers (title, site, body), or the small ones. */
function matcherText(document: CorpusDocument, small: boolean): string {
  const site = siteOf(document)
  return small
    ? matchableText(document.title, `${site} https://${site}/doc/${document.id}`)
    : matchableText(document.title, `${site}\n${document.body}`)
}

/** One pass over the corpus: the first ten matching ids of every query (the exhaustive truth). */
function exhaustiveMatches(
  documents: CorpusDocument[],
  queries: BenchQuery[]
): Map<BenchQuery, number[]> {
  const found = new Map(queries.map((query) => [query, [] as number[]]))
  for (const document of documents) {
    const body = matcherText(document, false)
    const small = matcherText(document, true)
    for (const query of queries) {
      const ids = found.get(query) ?? []
      if (ids.length >= 10) continue
      if (documentMatches(query.category === 'prefix' ? small : body, query)) ids.push(document.id)
    }
  }
  return found
}

interface QueryOutcome {
  query: BenchQuery
  ms: number
  precision: number
  rank: number | null
}

function judge(
  query: BenchQuery,
  ids: number[],
  truth: number[],
  byId: Map<number, CorpusDocument>,
  limitId: number
): { precision: number; rank: number | null } {
  const expected = truth.filter((id) => id <= limitId).length
  const top = ids.slice(0, 10)
  const relevant = top.filter((id) => {
    const document = byId.get(id)
    if (!document) return false
    return documentMatches(matcherText(document, query.category === 'prefix'), query)
  }).length
  const precision = expected === 0 ? (top.length === 0 ? 1 : 0) : relevant / Math.min(10, expected)
  const position = query.target === undefined ? -1 : top.indexOf(query.target)
  return { precision: Math.min(1, precision), rank: position === -1 ? null : position + 1 }
}

function runEngine(
  engine: Engine,
  queries: BenchQuery[],
  truth: Map<BenchQuery, number[]>,
  byId: Map<number, CorpusDocument>,
  limitId: number
): QueryOutcome[] {
  return queries.map((query) => {
    const { value: ids, ms } = timed(() => engine(query, 10))
    return { query, ms, ...judge(query, ids, truth.get(query) ?? [], byId, limitId) }
  })
}

function ourEngine(db: Database, quick: QuickIndex): Engine {
  return (query, limit) => {
    if (query.category === 'prefix') return quick.search(query.text, limit)
    return searchArticles(db, quick, query.text, { limit }).items.map((item) => item.id)
  }
}

function qualityRows(name: string, outcomes: QueryOutcome[]): string[][] {
  const rows: string[][] = []
  for (const category of [...categories, 'mixed' as const]) {
    const selected = outcomes.filter((outcome) =>
      category === 'mixed'
        ? outcome.query.category !== 'prefix'
        : outcome.query.category === category
    )
    if (selected.length === 0) continue
    const times = selected.map((outcome) => outcome.ms)
    const known = selected.filter((outcome) => outcome.query.target !== undefined)
    const success = (k: number): string =>
      known.length === 0
        ? ''
        : format(
            known.filter((outcome) => outcome.rank !== null && outcome.rank <= k).length /
              known.length,
            2
          )
    rows.push([
      name,
      category,
      String(selected.length),
      format(percentile(times, 0.5), 2),
      format(percentile(times, 0.95), 2),
      format(percentile(times, 0.99), 2),
      format(mean(selected.map((outcome) => outcome.precision)), 3),
      success(1),
      success(10)
    ])
  }
  return rows
}

function main(): void {
  const corpusFile = ensureCorpus()
  const documents = readCorpus(corpusFile, documentCount)
  const byId = new Map(documents.map((document) => [document.id, document]))
  log(`corpus: ${documents.length} documents`)
  const dir = join(dataDir, `library-${documentCount}`)
  const build = buildLibrary(dir, documents)
  const sizeMb = databaseSizeMb(dir)

  const heapBefore = heapUsedMb()
  const open = timed(() => {
    const db = openDatabase(dir)
    ensureIndexCurrent(db)
    const quick = createQuickIndex(db)
    searchArticles(db, quick, 'configuration', { limit: 10 })
    return { db, quick }
  })
  const { db, quick } = open.value
  const heap = heapUsedMb()

  const generated = generateQueries(documents, perCategory)
  const exhaustive = timed(() => exhaustiveMatches(documents, generated))
  const truth = exhaustive.value
  // A known item is a sentence found in exactly one document, so success@1 is well defined.
  const queries = generated.filter(
    (query) => query.target === undefined || truth.get(query)?.length === 1
  )
  log(`${queries.length} queries, exhaustive scan ${format(exhaustive.ms / 1000)} s`)
  const ours = ourEngine(db, quick)
  runEngine(ours, queries.slice(0, 30), truth, byId, Infinity) // warm-up
  const outcomes = runEngine(ours, queries, truth, byId, Infinity)
  const asYouType = queries
    .filter((query) => query.category === 'prefix')
    .map(
      (query) =>
        timed(() => searchArticles(db, quick, query.text, { limit: 10, asYouType: true })).ms
    )
  const prefixQueries = queries.filter((query) => query.category === 'prefix')
  const flexHeapStart = heapUsedMb()
  const flexQuick = createFlexSearchQuickIndex(db)
  const flexQuickLoad = timed(() => flexQuick.load())
  const flexQuickHeap = heapUsedMb() - flexHeapStart
  const flexQuickEngine: Engine = (query, limit) => flexQuick.search(query.text, limit)
  runEngine(flexQuickEngine, prefixQueries.slice(0, 10), truth, byId, Infinity) // warm-up
  const flexQuickOutcomes = runEngine(flexQuickEngine, prefixQueries, truth, byId, Infinity)
  const ftsMb = ftsSizeMb(db)

  log('baseline: FTS5 unicode61')
  const plainFts = timed(() =>
    buildPlainFts(join(dataDir, `plain-fts-${documentCount}.db`), documents)
  )
  const plainFtsOutcomes = runEngine(plainFts.value.engine, queries, truth, byId, Infinity)
  plainFts.value.db.close()
  log(`baseline: FlexSearch default over ${flexDocumentCount} documents`)
  const flexHeapBefore = heapUsedMb()
  const flex = timed(() => buildPlainFlexSearch(documents.slice(0, flexDocumentCount)))
  const flexHeap = heapUsedMb() - flexHeapBefore
  // Known items outside the documents FlexSearch was given cannot be found by it.
  const flexQueries = queries.filter(
    (query) => query.target === undefined || query.target <= flexDocumentCount
  )
  const flexOutcomes = runEngine(flex.value, flexQueries, truth, byId, flexDocumentCount)

  console.log(`\n## Search benchmark, ${documentCount} documents\n`)
  console.log(
    table(
      ['engine', 'build', 'on disk', 'heap', 'open → first result', 'notes'],
      [
        [
          'ours (FTS5 bigrams + search_meta)',
          `${format(build.rebuildMs / 1000)} s`,
          `${format(sizeMb, 0)} MB (FTS ${format(ftsMb, 0)} MB)`,
          `${format(heap - heapBefore, 0)} MB`,
          `${format(open.ms, 0)} ms`,
          `index one article p50 ${format(build.indexOneP50, 2)} / p99 ${format(build.indexOneP99, 2)} / max ${format(build.indexOneMax, 2)} ms`
        ],
        [
          'FlexSearch quick index (replaced)',
          `${format(build.quickBuildMs / 1000)} s (save ${format(build.quickSaveMs, 0)} ms)`,
          '(in search_state)',
          `${format(flexQuickHeap, 0)} MB`,
          `load ${format(flexQuickLoad.ms, 0)} ms`,
          'title, byline, site, tags, url; prefix search'
        ],
        [
          'FTS5 unicode61 (plain)',
          `${format(plainFts.ms / 1000)} s`,
          `${format(plainFts.value.sizeMb, 0)} MB`,
          '-',
          '-',
          ''
        ],
        [
          `FlexSearch default (${flexDocumentCount} docs)`,
          `${format(flex.ms / 1000)} s`,
          '-',
          `${format(flexHeap, 0)} MB`,
          '-',
          'in memory only'
        ]
      ]
    )
  )
  console.log(
    `\nsearch-as-you-type (searchArticles asYouType): p50 ${format(percentile(asYouType, 0.5), 2)} ms, p95 ${format(percentile(asYouType, 0.95), 2)} ms, p99 ${format(percentile(asYouType, 0.99), 2)} ms\n`
  )
  const header = [
    'engine',
    'category',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'P@10',
    'success@1',
    'success@10'
  ]
  console.log(
    table(header, [
      ...qualityRows('ours', outcomes),
      ...qualityRows('flexsearch quick index', flexQuickOutcomes),
      ...qualityRows('fts5-plain', plainFtsOutcomes),
      ...qualityRows(`flex-default(${flexDocumentCount})`, flexOutcomes)
    ])
  )
  const misses = outcomes.filter(
    (outcome) => outcome.precision < 1 || (outcome.query.target !== undefined && outcome.rank !== 1)
  )
  if (misses.length > 0) {
    console.log('\nour misses:')
    for (const miss of misses.slice(0, 20)) {
      console.log(
        `  ${miss.query.category} ${JSON.stringify(miss.query.text)} P@10=${format(miss.precision, 2)} rank=${miss.rank}`
      )
    }
  }
  db.close()
}

main()
