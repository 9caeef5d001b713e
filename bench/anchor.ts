/**
 * npm run bench:anchor — do highlights survive an extractor upgrade? (issue 14)
 *
 * Takes highlights over Folio's own extracted plain text of real corpus articles, changes each
 * text the way a new extractor version does (a paragraph removed before the highlights, the
 * whitespace between paragraphs and words changed, a photo caption added), re-anchors them with
 * the engine's own code in a real library (reanchorHighlights, as the reextract job does), and
 * reports how many landed exactly where their text went, fuzzily, orphaned, misplaced, or lost.
 * Where each highlight's text went is known, not guessed: every character of the changed text
 * remembers which character of the old one it came from. The baselines, in the same run: the
 * offsets alone (what a reader that stores only positions keeps) and the exact quote alone.
 *
 *   npm run bench:anchor -- --highlights 300 --seed 7
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { extractArticle } from '../src/main/core/capture/extract/extract'
import { createEngine } from '../src/main/core/engine'
import { collapseWhitespace, placeSelector } from '../src/main/core/highlights/anchor'
import type { AnchorMethod } from '../src/main/core/highlights/anchor'
import { reanchorHighlights } from '../src/main/core/highlights/reanchor'
import { openLibrary } from '../src/main/core/library'
import type { Library } from '../src/main/core/library'
import { unwrap } from '../src/shared/errors'
import type { Highlight } from '../src/shared/types'
import { loadCorpus } from './corpora'
import type { CorpusName } from './corpora'

const { values } = parseArgs({
  options: {
    highlights: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    'per-article': { type: 'string', default: '5' },
    /** Print every highlight that did not re-anchor exactly. */
    verbose: { type: 'boolean', default: false }
  }
})
const wanted = Number(values.highlights)
const perArticle = Number(values['per-article'])

/** A small seeded generator (mulberry32), so every run picks the same highlights. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}
const random = generator(Number(values.seed))
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low))

/** Text whose characters remember where in the original text they came from (-1: added). */
interface TrackedText {
  text: string
  origin: number[]
}

interface Sample {
  id: string
  text: string
}

// English, other European languages and Chinese: the corpora's articles in Folio's own text.
const sources: [CorpusName, number][] = [
  ['readability-testpages', 140],
  ['zh-gne', 40],
  ['scrapinghub-aeb', 60]
]

function extractedTexts(articles: number): Sample[] {
  const samples: Sample[] = []
  for (const [corpus, limit] of sources) {
    for (const page of loadCorpus(corpus, limit)) {
      try {
        const { text } = extractArticle({ html: page.html, url: page.url })
        if (text.length >= 3000 && text.split('\n').length >= 8) {
          samples.push({ id: `${corpus}/${page.id}`, text })
        }
      } catch {
        // Pages without a readable article are not what this measures.
      }
    }
  }
  // Interleave corpora so a short run still mixes scripts.
  return samples.sort(() => random() - 0.5).slice(0, articles)
}

const spaced = /\s/
const isCjk = (character: string): boolean => /[\p{Script=Han}\p{Script=Hangul}]/u.test(character)

/** A reader's selection: from a word's start to a word's end (any character in CJK text). */
function pickRange(text: string, from: number): [number, number] | null {
  let start = between(from, text.length - 60)
  while (start > from && !spaced.test(text[start - 1]) && !isCjk(text[start])) start -= 1
  const length = Math.round(Math.exp(between(300, 560) / 100))
  let end = Math.min(text.length, start + length)
  while (end < text.length && !spaced.test(text[end]) && !isCjk(text[end - 1])) end += 1
  const quote = text.slice(start, end)
  return quote.trim().length >= 4 ? [start, end] : null
}

/** The first paragraph's end: highlights start after it, so removing it moves them all. */
function firstParagraphEnd(text: string): number {
  return text.indexOf('\n') + 1
}

function tracked(text: string): TrackedText {
  return { text, origin: Array.from({ length: text.length }, (_, index) => index) }
}

function removeRange(source: TrackedText, start: number, end: number): TrackedText {
  return {
    text: source.text.slice(0, start) + source.text.slice(end),
    origin: [...source.origin.slice(0, start), ...source.origin.slice(end)]
  }
}

function insertAt(source: TrackedText, at: number, added: string): TrackedText {
  return {
    text: source.text.slice(0, at) + added + source.text.slice(at),
    origin: [
      ...source.origin.slice(0, at),
      ...added.split('').map(() => -1),
      ...source.origin.slice(at)
    ]
  }
}

/** Paragraph breaks doubled, runs of spaces collapsed, spaces before a break trimmed. */
function rewriteWhitespace(source: TrackedText): TrackedText {
  const characters: string[] = []
  const origin: number[] = []
  for (let index = 0; index < source.text.length; index += 1) {
    const character = source.text[index]
    if (character === ' ' && (source.text[index + 1] === ' ' || source.text[index + 1] === '\n')) {
      continue
    }
    const copies = character === '\n' ? ['\n', '\n'] : [character]
    for (const copy of copies) {
      characters.push(copy)
      origin.push(source.origin[index])
    }
  }
  return { text: characters.join(''), origin }
}

/** What an extractor upgrade does to a text, with the highlights' paragraph moved down. */
function upgradedText(text: string): TrackedText {
  const firstEnd = firstParagraphEnd(text)
  let changed = removeRange(tracked(text), 0, firstEnd)
  changed = rewriteWhitespace(changed)
  const breaks = [...changed.text.matchAll(/\n+/g)].map((match) => match.index + match[0].length)
  const at = breaks[between(0, breaks.length)] ?? 0
  return insertAt(changed, at, 'Photograph: Folio benchmark caption (Getty Images)\n\n')
}

/** Where `[start, end)` of the old text went in the new one, or null if it was removed. */
function expectedRange(changed: TrackedText, start: number, end: number): [number, number] | null {
  let first = -1
  let last = -1
  changed.origin.forEach((origin, index) => {
    if (origin >= start && origin < end) {
      if (first === -1) first = index
      last = index
    }
  })
  return first === -1 ? null : [first, last + 1]
}

type Outcome = 'exact' | 'fuzzy' | 'orphaned' | 'misplaced'

function overlap(a: [number, number], b: [number, number]): number {
  const shared = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]))
  return shared / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]))
}

function outcomeOf(after: Highlight, changed: TrackedText, start: number, end: number): Outcome {
  if (after.status === 'orphaned' || after.start === null || after.end === null) return 'orphaned'
  const expected = expectedRange(changed, start, end)
  if (!expected) return 'misplaced'
  const placed: [number, number] = [after.start, after.end]
  const words = (range: [number, number]) =>
    collapseWhitespace(changed.text.slice(...range)).text.trim()
  if (words(placed) === words(expected) && overlap(placed, expected) > 0.9) return 'exact'
  return overlap(placed, expected) >= 0.5 ? 'fuzzy' : 'misplaced'
}

interface Made {
  articleId: number
  highlight: Highlight
}

function insertArticle(library: Library, index: number, text: string): number {
  const { lastInsertRowid } = library.db
    .prepare(
      `INSERT INTO articles (url, url_key, title, saved_at, updated_at, capture_status)
       VALUES (?, ?, ?, 0, 0, 'ready')`
    )
    .run(`https://example.com/${index}`, `https://example.com/${index}`, `Article ${index}`)
  const id = Number(lastInsertRowid)
  library.db.prepare('INSERT INTO article_contents (article_id, text) VALUES (?, ?)').run(id, text)
  return id
}

/** Highlights through the real operation (it checks the offsets against the stored text). */
async function makeHighlights(
  engine: ReturnType<typeof createEngine>,
  articleId: number,
  text: string
): Promise<Made[]> {
  const made: Made[] = []
  for (let attempt = 0; made.length < perArticle && attempt < perArticle * 4; attempt += 1) {
    const range = pickRange(text, firstParagraphEnd(text))
    if (!range) continue
    const [start, end] = range
    const result = await engine.call('highlights.create', { articleId, start, end })
    if (result.ok) made.push({ articleId, highlight: result.value })
  }
  return made
}

interface Tally {
  outcomes: Record<Outcome, number>
  methods: Record<AnchorMethod | 'none', number>
  baselinePosition: number
  baselineQuote: number
  lost: number
  total: number
  milliseconds: number[]
}

function baselines(tally: Tally, changed: TrackedText, highlight: Highlight): void {
  const expected = expectedRange(changed, highlight.start!, highlight.end!)
  if (!expected) return
  const at = (start: number) => start === expected[0]
  if (
    changed.text.slice(highlight.start!, highlight.end!) === highlight.quote &&
    at(highlight.start!)
  )
    tally.baselinePosition += 1
  const found = changed.text.indexOf(highlight.quote)
  if (found !== -1 && at(found)) tally.baselineQuote += 1
}

/** Upgrades one article's text and re-anchors its highlights in one transaction, as reextract. */
async function upgradeArticle(
  library: Library,
  engine: ReturnType<typeof createEngine>,
  articleId: number,
  made: Made[],
  tally: Tally
): Promise<void> {
  const text = library.db
    .prepare('SELECT text FROM article_contents WHERE article_id = ?')
    .pluck()
    .get(articleId) as string
  const changed = upgradedText(text)
  for (const { highlight } of made) {
    baselines(tally, changed, highlight)
    tally.methods[placeSelector(changed.text, highlight)?.method ?? 'none'] += 1
  }
  const started = performance.now()
  library.db.transaction(() => {
    library.db
      .prepare('UPDATE article_contents SET text = ? WHERE article_id = ?')
      .run(changed.text, articleId)
    reanchorHighlights(library.db, articleId, changed.text)
  })()
  tally.milliseconds.push(performance.now() - started)
  const after = unwrap(await engine.call('highlights.list', { articleId })).items
  const byId = new Map(after.map((item) => [item.id, item]))
  for (const { highlight } of made) {
    const now = byId.get(highlight.id)
    tally.total += 1
    if (!now) {
      tally.lost += 1
      continue
    }
    const outcome = outcomeOf(now, changed, highlight.start!, highlight.end!)
    tally.outcomes[outcome] += 1
    if (values.verbose && outcome !== 'exact') {
      const expected = expectedRange(changed, highlight.start!, highlight.end!)
      console.log(
        outcome,
        JSON.stringify({
          quote: highlight.quote,
          context: [highlight.prefix, highlight.suffix],
          placed: [now.start, now.end],
          expected,
          placedText: now.quote,
          expectedText: expected && changed.text.slice(...expected)
        })
      )
    }
  }
}

function percent(count: number, total: number): string {
  return `${((100 * count) / Math.max(1, total)).toFixed(1)}%`.padStart(7)
}

function report(tally: Tally, articles: number): void {
  const row = (label: string, count: number) =>
    console.log(`  ${label.padEnd(44)} ${String(count).padStart(5)} ${percent(count, tally.total)}`)
  const sorted = [...tally.milliseconds].sort((a, b) => a - b)
  console.log(
    `\nRe-anchoring ${tally.total} highlights over ${articles} corpus articles after a simulated ` +
      'extractor upgrade\n(first paragraph removed, paragraph breaks doubled and spaces collapsed, ' +
      'a caption added)\n'
  )
  row('re-anchored exactly (same words, right place)', tally.outcomes.exact)
  row('re-anchored fuzzily (right place)', tally.outcomes.fuzzy)
  row('orphaned (kept with their quote)', tally.outcomes.orphaned)
  row('misplaced (anchored somewhere else)', tally.outcomes.misplaced)
  row('lost (no longer in the library)', tally.lost)
  console.log('\n  how they were placed:')
  for (const [method, count] of Object.entries(tally.methods)) row(`  ${method}`, count)
  console.log('\n  baselines, same run (right place):')
  row('  offsets alone', tally.baselinePosition)
  row('  exact quote alone (first occurrence)', tally.baselineQuote)
  console.log(
    `\n  re-anchoring one article (all its highlights): median ` +
      `${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`
  )
}

async function main(): Promise<void> {
  const articles = Math.ceil(wanted / perArticle)
  const samples = extractedTexts(articles + 10)
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-anchor-'))
  const library = openLibrary(dir)
  const engine = createEngine(library, { log: () => {} })
  const tally: Tally = {
    outcomes: { exact: 0, fuzzy: 0, orphaned: 0, misplaced: 0 },
    methods: { position: 0, quote: 0, whitespace: 0, fuzzy: 0, none: 0 },
    baselinePosition: 0,
    baselineQuote: 0,
    lost: 0,
    total: 0,
    milliseconds: []
  }
  try {
    let used = 0
    for (const [index, sample] of samples.entries()) {
      if (tally.total >= wanted) break
      const articleId = insertArticle(library, index, sample.text)
      const made = (await makeHighlights(engine, articleId, sample.text)).slice(
        0,
        wanted - tally.total
      )
      await upgradeArticle(library, engine, articleId, made, tally)
      used += 1
    }
    report(tally, used)
  } finally {
    await engine.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
