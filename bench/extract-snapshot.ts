/**
 * `npm run bench:extract-snapshot -- --write FILE | --compare FILE [--corpus NAME] [--limit N]
 *   [--disable RULE,RULE]`
 * Runs Folio's extractor over every page of every corpus (wcxb-dev too when present) and records a
 * sha256 per page of the whole extracted result (every field of ExtractedArticle, or the error it
 * threw). `--write` saves them; `--compare` reports the pages whose result differs from a saved
 * file. A refactoring that must not change the output compares against a snapshot taken before it.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { decodeHtmlBytes } from '../src/main/core/capture/decode'
import { extractArticleWith } from '../src/main/core/capture/extract/extract'
import { corpusNames, corpusRoot, loadCorpus, type CorpusName } from './corpora'

interface SnapshotPage {
  id: string
  url: string
  html: string
}

/** wcxb-dev's pages are read here one at a time and only once (416 MB of HTML). */
function* wcxbPages(limit: number): Generator<SnapshotPage> {
  const directory = join(corpusRoot, 'wcxb-dev')
  const files = readdirSync(join(directory, 'html')).sort().slice(0, limit)
  for (const file of files) {
    const id = file.replace(/\.html\.gz$/, '')
    const truth = JSON.parse(
      readFileSync(join(directory, 'ground-truth', `${id}.json`), 'utf8')
    ) as { url?: string }
    yield {
      id,
      url: truth.url || 'https://example.com/',
      html: decodeHtmlBytes(gunzipSync(readFileSync(join(directory, 'html', file)))).html
    }
  }
}

function* pagesOf(corpus: string, limit: number): Generator<SnapshotPage> {
  if (corpus === 'wcxb-dev') yield* wcxbPages(limit)
  else yield* loadCorpus(corpus as CorpusName, limit)
}

function availableCorpora(): string[] {
  return corpusNames.filter(
    (name) => name !== 'wcxb-dev' || existsSync(join(corpusRoot, 'wcxb-dev', 'html'))
  )
}

function resultHash(page: SnapshotPage, disabledRules: string[]): string {
  let result: string
  try {
    result = JSON.stringify(
      extractArticleWith({ html: page.html, url: page.url }, { disabledRules })
    )
  } catch (error) {
    result = `error: ${(error as Error).message}`
  }
  return createHash('sha256').update(result).digest('hex')
}

function compare(saved: Record<string, string>, current: Record<string, string>): number {
  let compared = 0
  const differing: string[] = []
  for (const [key, hash] of Object.entries(current)) {
    if (!(key in saved)) continue
    compared += 1
    if (saved[key] !== hash) differing.push(key)
  }
  for (const key of differing) console.log(`differs: ${key}`)
  const missing = Object.keys(saved).filter((key) => !(key in current)).length
  console.log(`${compared} pages compared, ${differing.length} differing`)
  if (missing) console.log(`${missing} pages of the snapshot not run (--corpus or --limit)`)
  return differing.length
}

function main(): void {
  const { values } = parseArgs({
    options: {
      write: { type: 'string' },
      compare: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      limit: { type: 'string' },
      disable: { type: 'string', default: '' }
    }
  })
  if (!values.write && !values.compare) throw new Error('Give --write FILE or --compare FILE.')
  const disabledRules = values.disable.split(',').filter(Boolean)
  const limit = values.limit ? Number(values.limit) : Infinity
  const hashes: Record<string, string> = {}
  for (const corpus of values.corpus ?? availableCorpora()) {
    const start = performance.now()
    let count = 0
    for (const page of pagesOf(corpus, limit)) {
      hashes[`${corpus}/${page.id}`] = resultHash(page, disabledRules)
      count += 1
    }
    const seconds = ((performance.now() - start) / 1000).toFixed(0)
    console.error(`${corpus}: ${count} pages in ${seconds} s`)
  }
  if (values.write) {
    writeFileSync(values.write, JSON.stringify(hashes, null, 1))
    console.log(`${Object.keys(hashes).length} pages written to ${values.write}`)
  }
  if (values.compare) {
    const saved = JSON.parse(readFileSync(values.compare, 'utf8')) as Record<string, string>
    if (compare(saved, hashes) > 0) process.exitCode = 1
  }
}

main()
