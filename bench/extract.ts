/**
 * `npm run bench:extract [-- --corpus NAME] [--limit N] [--runs N] [--only folio|baseline]
 *   [--disable RULE,RULE]` (pre/post-processing rule names, to measure each rule)
 * Scores plain Readability on jsdom (the baseline, measured in the same run) and Folio's
 * extractArticle on every corpus of /work/shared/corpus, by the metric of its README; on wcxb-dev
 * also per page type, and on every corpus the recall check (pages Folio cuts in half).
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { extractArticleWith } from '../src/main/core/capture/extract/extract'
import { ruleNames } from '../src/main/core/capture/extract/rules'
import { parseDate } from '../src/main/core/capture/extract/metadata/dates'
import {
  type BenchPage,
  type CorpusMetric,
  type CorpusName,
  corpusMetrics,
  corpusNames,
  loadCorpus
} from './corpora'
import { comparePage, compareSnippets, type Score } from './metric'
import { findCutPages, printCutPages, scoreOutputs, scorePage } from './scoring'
import { printWcxbTable } from './wcxb-table'

interface Output {
  text: string
  byline: string | null
  publishedAt: number | null
  crashed: boolean
}

type Extractor = (page: BenchPage) => Output

function runBaseline(page: BenchPage): Output {
  // A silent console: jsdom otherwise prints every CSS parse error of the page.
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() })
  try {
    const article = new Readability(dom.window.document).parse()
    return {
      text: article?.textContent ?? '',
      byline: article?.byline ?? null,
      publishedAt: parseDate(article?.publishedTime),
      crashed: false
    }
  } finally {
    dom.window.close()
  }
}

let disabledRules: string[] = []

function runFolio(page: BenchPage): Output {
  const article = extractArticleWith({ html: page.html, url: page.url }, { disabledRules })
  return {
    text: article.text,
    byline: article.byline,
    publishedAt: article.publishedAt,
    crashed: false
  }
}

interface RunResult {
  outputs: Output[]
  milliseconds: number[]
  crashes: number
}

// jsdom frees a window's resources only once the event loop turns; yielding between pages keeps
// memory flat and the baseline's timing honest.
const turnEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

interface NamedExtractor {
  name: string
  extract: Extractor
}

function emptyRun(): RunResult {
  return { outputs: [], milliseconds: [], crashes: 0 }
}

function runPage(page: BenchPage, extractor: Extractor, result: RunResult): void {
  const start = performance.now()
  try {
    result.outputs.push(extractor(page))
  } catch (error) {
    result.crashes += 1
    if (process.env.BENCH_VERBOSE) console.error(page.id, (error as Error).message)
    result.outputs.push({ text: '', byline: null, publishedAt: null, crashed: true })
  }
  result.milliseconds.push(performance.now() - start)
}

/**
 * Runs every extractor on each page before moving to the next page, so that load from other
 * processes on a shared machine slows both alike and the speed ratio stays fair.
 */
async function runExtractors(
  pages: BenchPage[],
  extractors: NamedExtractor[]
): Promise<RunResult[]> {
  const results = extractors.map(() => emptyRun())
  for (const lazyPage of pages) {
    // wcxb-dev reads a page's HTML when asked: once here, outside the timed extraction.
    const page = { ...lazyPage, html: lazyPage.html }
    for (const [index, extractor] of extractors.entries()) {
      runPage(page, extractor.extract, results[index])
      await turnEventLoop()
    }
  }
  return results
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function calendarDate(epoch: number | null): string | null {
  return epoch === null ? null : new Date(epoch).toISOString().slice(0, 10)
}

// Author lists are joined with ";" or "," in trafilatura's annotations, and the page's own "und",
// "and", "&" in ours when we keep the printed byline ("Benjamin Fischer und Marcus Theurer" is
// annotated so on faz.net, while tagesschau.de's "A, B und C" is annotated "A, B, C"): the same
// list of people either way.
const normalizeName = (value: string): string =>
  value
    .toLowerCase()
    .replace(/\s*;\s*|\s+(?:und|and|&|et|y)\s+/g, ', ')
    .replace(/\s+/g, ' ')
    .trim()

/** Share of annotated pages whose date (calendar day) and author (either contains the other) match. */
function metadataAccuracy(pages: BenchPage[], outputs: Output[]): { date: string; author: string } {
  let dates = 0
  let rightDates = 0
  let authors = 0
  let rightAuthors = 0
  pages.forEach((page, index) => {
    const expectedDate = calendarDate(parseDate(page.date))
    if (expectedDate) {
      dates += 1
      if (calendarDate(outputs[index].publishedAt) === expectedDate) rightDates += 1
    }
    if (page.author) {
      authors += 1
      const expected = normalizeName(page.author)
      const actual = normalizeName(outputs[index].byline ?? '')
      if (actual && (actual.includes(expected) || expected.includes(actual))) rightAuthors += 1
    }
  })
  const percent = (right: number, total: number): string =>
    total ? `${((100 * right) / total).toFixed(1)}% of ${total}` : '-'
  return { date: percent(rightDates, dates), author: percent(rightAuthors, authors) }
}

/** Per-page scores and outputs, for finding which pages a rule helps or hurts. */
function dumpPages(
  path: string,
  metric: CorpusMetric,
  pages: BenchPage[],
  outputs: Output[]
): void {
  const rows = pages.map((page, index) => {
    const text = outputs[index].text
    if (metric === 'words') {
      return { id: page.id, pageType: page.pageType, ...scorePage(metric, page, text), text }
    }
    if (page.truth === undefined) {
      const counts = compareSnippets(text, page.withSnippets ?? [], page.withoutSnippets ?? [])
      return { id: page.id, ...counts }
    }
    const { truePositive, falsePositive, falseNegative } = comparePage(page.truth, text)
    return {
      id: page.id,
      precision: truePositive / Math.max(1, truePositive + falsePositive),
      recall: truePositive / Math.max(1, truePositive + falseNegative),
      text
    }
  })
  writeFileSync(path, JSON.stringify(rows, null, 1))
}

interface Row {
  name: string
  outputs: Output[]
  score: Score
  pagesPerSecond: number
  medianMilliseconds: number
  crashes: number
  date: string
  author: string
}

function pagesPerSecond(result: RunResult): number {
  return (
    result.milliseconds.length / (result.milliseconds.reduce((sum, value) => sum + value, 0) / 1000)
  )
}

// Pages each extractor reads, untimed, before the measured run: both start with their code
// compiled by the JIT, as a long-running capture worker does after its first pages.
const warmUpPages = 10

async function measure(
  corpus: CorpusName,
  metric: CorpusMetric,
  pages: BenchPage[],
  extractors: NamedExtractor[],
  runs: number
): Promise<Row[]> {
  await runExtractors(pages.slice(0, warmUpPages), extractors)
  const first = await runExtractors(pages, extractors)
  const rates = first.map((result) => [pagesPerSecond(result)])
  const perPage = first.map((result) => [median(result.milliseconds)])
  for (let run = 1; run < runs; run += 1) {
    const again = await runExtractors(pages, extractors)
    again.forEach((result, index) => {
      rates[index].push(pagesPerSecond(result))
      perPage[index].push(median(result.milliseconds))
    })
  }
  return extractors.map(({ name }, index) => {
    if (process.env.BENCH_DUMP)
      dumpPages(
        `${process.env.BENCH_DUMP}-${corpus}-${name}.json`,
        metric,
        pages,
        first[index].outputs
      )
    const outputs = first[index].outputs
    return {
      name,
      outputs,
      score: scoreOutputs(
        metric,
        pages,
        outputs.map((output) => output.text)
      ),
      pagesPerSecond: median(rates[index]),
      medianMilliseconds: median(perPage[index]),
      crashes: first[index].crashes,
      ...metadataAccuracy(pages, first[index].outputs)
    }
  })
}

function printTable(corpus: string, pageCount: number, rows: Row[]): void {
  console.log(`\n## ${corpus} (${pageCount} pages)`)
  console.log(
    '| extractor | F1 | precision | recall | pages/s | median ms/page | crashes | date | author |'
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const row of rows) {
    const { f1, precision, recall } = row.score
    console.log(
      `| ${row.name} | ${f1.toFixed(4)} | ${precision.toFixed(4)} | ${recall.toFixed(4)} | ${row.pagesPerSecond.toFixed(1)} | ${row.medianMilliseconds.toFixed(1)} | ${row.crashes} | ${row.date} | ${row.author} |`
    )
  }
  const [baseline, folio] = rows
  if (baseline && folio) {
    const ratio = folio.pagesPerSecond / baseline.pagesPerSecond
    const perPageRatio = baseline.medianMilliseconds / folio.medianMilliseconds
    console.log(
      `speed ratio folio/baseline: ${ratio.toFixed(2)}x pages/s, ${perPageRatio.toFixed(2)}x median page`
    )
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      limit: { type: 'string' },
      runs: { type: 'string', default: '1' },
      only: { type: 'string' },
      disable: { type: 'string', default: '' }
    }
  })
  disabledRules = values.disable.split(',').filter(Boolean)
  const unknown = disabledRules.filter((name) => !ruleNames.includes(name))
  if (unknown.length > 0)
    throw new Error(`No rule is named ${unknown.join(', ')}; the rules: ${ruleNames.join(', ')}.`)
  const selected = (values.corpus ?? [...corpusNames]) as CorpusName[]
  const limit = values.limit ? Number(values.limit) : Infinity
  const runs = Math.max(1, Number(values.runs))
  for (const corpus of selected) {
    const pages = loadCorpus(corpus, limit)
    const extractors: NamedExtractor[] = []
    if (values.only !== 'folio')
      extractors.push({ name: 'readability+jsdom', extract: runBaseline })
    if (values.only !== 'baseline') extractors.push({ name: 'folio', extract: runFolio })
    const metric = corpusMetrics[corpus]
    const rows = await measure(corpus, metric, pages, extractors, runs)
    printTable(corpus, pages.length, rows)
    printChecks(corpus, metric, pages, rows)
  }
}

/** wcxb-dev's per-type table, and the recall check when both extractors ran. */
function printChecks(corpus: string, metric: CorpusMetric, pages: BenchPage[], rows: Row[]): void {
  const texts = (row: Row): string[] => row.outputs.map((output) => output.text)
  if (metric === 'words') {
    printWcxbTable(
      pages,
      rows.map((row) => ({
        name: row.name,
        scores: texts(row).map((text, index) => scorePage(metric, pages[index], text) ?? zero)
      }))
    )
  }
  const [baseline, folio] = rows
  if (baseline && folio) {
    printCutPages(corpus, findCutPages(metric, pages, texts(baseline), texts(folio)))
  }
}

const zero = { precision: 0, recall: 0, f1: 0 }

await main()
