/** Loading the corpora of ../shared/corpus (read in place, never copied into the repository). */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { decodeHtmlBytes } from '../src/main/core/capture/decode'

/** FOLIO_CORPUS, else ../shared/corpus beside the checkout, else this machine's /work/shared/corpus. */
function findCorpus(): string {
  if (process.env.FOLIO_CORPUS) return process.env.FOLIO_CORPUS
  const beside = fileURLToPath(new URL('../../shared/corpus', import.meta.url))
  return existsSync(beside) ? beside : '/work/shared/corpus'
}

export const corpusRoot = findCorpus()

export interface BenchPage {
  id: string
  url: string
  html: string
  /** Full article text, for the shingle metric. */
  truth?: string
  /** trafilatura-eval snippets. */
  withSnippets?: string[]
  withoutSnippets?: string[]
  date?: string
  author?: string
  /** wcxb-dev's page type: article, documentation, service, forum, product, listing, collection. */
  pageType?: string
}

export const corpusNames = [
  'readability-testpages',
  'scrapinghub-aeb',
  'trafilatura-eval',
  'zh-gne',
  'wcxb-dev'
] as const
export type CorpusName = (typeof corpusNames)[number]

/**
 * How each corpus is scored (its README): shingle F1 against full text, trafilatura's snippet
 * counts, or wcxb's mean word F1 per page.
 */
export type CorpusMetric = 'shingles' | 'snippets' | 'words'
export const corpusMetrics: Record<CorpusName, CorpusMetric> = {
  'readability-testpages': 'shingles',
  'scrapinghub-aeb': 'shingles',
  'trafilatura-eval': 'snippets',
  'zh-gne': 'shingles',
  'wcxb-dev': 'words'
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

function readPage(path: string): string {
  return decodeHtmlBytes(gunzipSync(readFileSync(path))).html
}

function readabilityPages(directory: string): BenchPage[] {
  const truth = readJson<Record<string, { articleBody: string }>>(
    join(directory, 'ground-truth.json')
  )
  return readdirSync(join(directory, 'pages'))
    .sort()
    .map((name) => ({
      id: name,
      // The URL upstream's tests use, so expected links match.
      url: 'http://fakehost/test/page.html',
      html: readPage(join(directory, 'pages', name, 'source.html.gz')),
      truth: truth[name]?.articleBody ?? ''
    }))
}

function scrapinghubPages(directory: string): BenchPage[] {
  const truth = readJson<Record<string, { articleBody: string; url: string }>>(
    join(directory, 'ground-truth.json')
  )
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      url: truth[id].url,
      html: readPage(join(directory, 'html', `${id}.html.gz`)),
      truth: truth[id].articleBody
    }))
}

interface TrafilaturaEntry {
  file: string
  with?: string[]
  without?: string[]
  date?: string
  author?: string | string[]
}

function asText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value
  return text || undefined
}

function trafilaturaPages(directory: string): BenchPage[] {
  const entries = readJson<Record<string, TrafilaturaEntry>>(join(directory, 'evaldata.json'))
  return Object.entries(entries).map(([key, entry]) => ({
    id: key,
    // Keys are URLs, some prefixed with a difficulty ("hard::…") or without a scheme.
    url: pageUrlFromKey(key),
    html: readPage(join(directory, entry.file)),
    withSnippets: entry.with ?? [],
    withoutSnippets: entry.without ?? [],
    date: entry.date || undefined,
    author: asText(entry.author)
  }))
}

function pageUrlFromKey(key: string): string {
  const bare = key.replace(/^[a-z]+::/, '')
  const candidate = /^https?:\/\//.test(bare) ? bare : `https://${bare}`
  try {
    return new URL(candidate).href
  } catch {
    return 'https://example.com/'
  }
}

interface GneEntry {
  articleBody: string
  author: string
  publish_time: string
}

function gnePages(directory: string): BenchPage[] {
  const reference = readJson<Record<string, GneEntry>>(join(directory, 'gne-output-2019.json'))
  const pages: BenchPage[] = []
  for (const site of readdirSync(join(directory, 'html')).sort()) {
    for (const file of readdirSync(join(directory, 'html', site)).sort()) {
      const id = `${site}/${file.replace(/\.gz$/, '')}`
      const entry = reference[id]
      pages.push({
        id,
        url: `https://${site}.example.com/${file.replace(/\.gz$/, '')}`,
        html: readPage(join(directory, 'html', site, file)),
        truth: entry?.articleBody,
        date: entry?.publish_time || undefined,
        author: entry?.author || undefined
      })
    }
  }
  return pages
}

interface WcxbTruth {
  url?: string
  _internal?: { page_type?: { primary?: string } }
  ground_truth?: { main_content?: string; author?: string; publish_date?: string }
}

/**
 * wcxb-dev's 1,497 pages are 416 MB of HTML: each page's HTML is read when it is asked for, so
 * that the bench holds one page at a time (the runner reads it once per page, before timing).
 */
function wcxbPages(directory: string): BenchPage[] {
  return readdirSync(join(directory, 'ground-truth'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.json$/, '')
      const entry = readJson<WcxbTruth>(join(directory, 'ground-truth', file))
      const truth = entry.ground_truth ?? {}
      const type = entry._internal?.page_type?.primary ?? 'article'
      const htmlPath = join(directory, 'html', `${id}.html.gz`)
      return {
        id,
        url: entry.url || 'https://example.com/',
        get html(): string {
          return readPage(htmlPath)
        },
        truth: truth.main_content ?? '',
        date: truth.publish_date || undefined,
        author: truth.author || undefined,
        // Upstream's evaluate.py counts its older "category" pages as collections.
        pageType: type === 'category' ? 'collection' : type
      }
    })
}

export function loadCorpus(name: CorpusName, limit = Infinity): BenchPage[] {
  const directory = join(corpusRoot, name)
  const loaders: Record<CorpusName, (path: string) => BenchPage[]> = {
    'readability-testpages': readabilityPages,
    'scrapinghub-aeb': scrapinghubPages,
    'trafilatura-eval': trafilaturaPages,
    'zh-gne': gnePages,
    'wcxb-dev': wcxbPages
  }
  return loaders[name](directory).slice(0, limit)
}
