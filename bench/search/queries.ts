import type { CorpusDocument } from './corpus'
import { mulberry32 } from '../random'

/**
 * Benchmark queries drawn from the corpus itself (deterministic), and the exhaustive matcher that
 * judges results. The matcher is written independently of src/main/core/search: folded text and
 * plain substring / whole-word tests, so it can catch the tokenizer's mistakes.
 */
export type Category =
  | 'en-1word'
  | 'en-2words'
  | 'phrase'
  | 'prefix'
  | 'european'
  | 'zh'
  | 'ja'
  | 'ko'
  | 'known-latin'
  | 'known-cjk'

export interface BenchQuery {
  category: Category
  text: string
  /** What the matcher checks: every part must occur (words as whole words, CJK as substrings). */
  parts: MatchPart[]
  /** Known-item queries: the document the sentence was taken from. */
  target?: number
}

export interface MatchPart {
  text: string
  /** Whole-word match (Latin) or substring (CJK). `prefix`: a word starting with text. */
  mode: 'word' | 'substring' | 'prefix'
}

/** NFKC, lower case, Latin/Greek/Cyrillic combining diacritics (U+0300–036F) removed. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss')
}

// Only spaced scripts make word boundaries: `大foo` holds the word `foo`.
const wordCharacter = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}\p{M}]/u

function isWordAt(text: string, index: number, length: number, prefix: boolean): boolean {
  const before = index > 0 ? text[index - 1] : ' '
  const after = text[index + length] ?? ' '
  return !wordCharacter.test(before) && (prefix || !wordCharacter.test(after))
}

function partOccurs(folded: string, part: MatchPart): boolean {
  if (part.mode === 'substring') return folded.includes(part.text)
  let index = folded.indexOf(part.text)
  while (index !== -1) {
    if (isWordAt(folded, index, part.text.length, part.mode === 'prefix')) return true
    index = folded.indexOf(part.text, index + 1)
  }
  return false
}

/** The form the matcher searches: folded, every run of non-letters one space (phrases). */
export function matchableText(title: string, body: string): string {
  return ` ${foldForMatch(`${title}\n${body}`).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')} `
}

export function documentMatches(folded: string, query: BenchQuery): boolean {
  return query.parts.every((part) => partOccurs(folded, part))
}

const latinWord = /[\p{Script=Latin}\p{Script=Cyrillic}]{3,}/gu
const hanRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}/gu
const hangulRun = /\p{Script=Hangul}{2,}/gu

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)]
}

function wordsOf(text: string): string[] {
  return text.match(latinWord) ?? []
}

function wordPart(word: string, mode: MatchPart['mode'] = 'word'): MatchPart {
  return { text: foldForMatch(word), mode }
}

function substringOf(random: () => number, run: string, minimum: number, maximum: number): string {
  const characters = [...run]
  const length = Math.min(
    characters.length,
    minimum + Math.floor(random() * (maximum - minimum + 1))
  )
  const start = Math.floor(random() * (characters.length - length + 1))
  return characters.slice(start, start + length).join('')
}

type Generator = (random: () => number, document: CorpusDocument) => BenchQuery | null

/** A random window of consecutive Latin words from one line of the body. */
function consecutiveWords(random: () => number, body: string, count: number): string[] | null {
  const lines = body.split('\n').filter((line) => wordsOf(line).length >= count)
  if (lines.length === 0) return null
  const words = wordsOf(pick(random, lines))
  const start = Math.floor(random() * (words.length - count + 1))
  return words.slice(start, start + count)
}

const generators: Record<Category, { langs: string[]; make: Generator }> = {
  'en-1word': {
    langs: ['en'],
    make: (random, document) => {
      const word = pick(random, wordsOf(document.body))
      return word ? { category: 'en-1word', text: word, parts: [wordPart(word)] } : null
    }
  },
  'en-2words': {
    langs: ['en'],
    make: (random, document) => {
      const words = consecutiveWords(random, document.body, 2)
      if (!words) return null
      return {
        category: 'en-2words',
        text: words.join(' '),
        parts: words.map((word) => wordPart(word))
      }
    }
  },
  phrase: {
    langs: ['en', 'de', 'fr'],
    make: (random, document) => {
      const words = consecutiveWords(random, document.body, 3)
      if (!words) return null
      // The matcher needs the words adjacent: single spaces in the folded text.
      const text = foldForMatch(words.join(' '))
      return { category: 'phrase', text: `"${words.join(' ')}"`, parts: [{ text, mode: 'word' }] }
    }
  },
  prefix: {
    langs: ['en', 'de', 'fr', 'es'],
    make: (random, document) => {
      const word = pick(
        random,
        wordsOf(document.title).filter((candidate) => candidate.length >= 4)
      )
      if (!word) return null
      const typed = word.slice(0, 3 + Math.floor(random() * 2))
      return { category: 'prefix', text: typed, parts: [wordPart(typed, 'prefix')] }
    }
  },
  european: {
    langs: ['de', 'fr', 'es', 'it', 'pt', 'nl', 'ru'],
    make: (random, document) => {
      const words = wordsOf(document.body)
      const accented = words.filter((word) => /\P{ASCII}/u.test(word))
      const word = pick(random, random() < 0.5 && accented.length > 0 ? accented : words)
      return word ? { category: 'european', text: word, parts: [wordPart(word)] } : null
    }
  },
  zh: {
    langs: ['zh', 'zh-tw'],
    make: (random, document) => cjkQuery(random, document, 'zh', hanRun, 1, 4)
  },
  ja: {
    langs: ['ja'],
    make: (random, document) => {
      const runs = (document.body.match(hanRun) ?? []).filter((run) =>
        /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run)
      )
      if (runs.length === 0) return null
      const text = substringOf(random, pick(random, runs), 2, 4)
      return { category: 'ja', text, parts: [{ text: foldForMatch(text), mode: 'substring' }] }
    }
  },
  ko: {
    langs: ['ko'],
    make: (random, document) => cjkQuery(random, document, 'ko', hangulRun, 2, 3)
  },
  'known-latin': {
    langs: ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru'],
    make: (random, document) => {
      const words = consecutiveWords(random, document.body, 8)
      if (!words) return null
      const parts = words.map((word) => wordPart(word))
      return { category: 'known-latin', text: words.join(' '), parts, target: document.id }
    }
  },
  'known-cjk': {
    langs: ['zh', 'zh-tw', 'ja'],
    make: (random, document) => {
      const query = cjkQuery(random, document, 'known-cjk', hanRun, 10, 14)
      return query && [...query.text].length >= 8 ? { ...query, target: document.id } : null
    }
  }
}

function cjkQuery(
  random: () => number,
  document: CorpusDocument,
  category: Category,
  pattern: RegExp,
  minimum: number,
  maximum: number
): BenchQuery | null {
  const runs = document.body.match(pattern) ?? []
  if (runs.length === 0) return null
  const text = substringOf(random, pick(random, runs), minimum, maximum)
  return { category, text, parts: [{ text: foldForMatch(text), mode: 'substring' }] }
}

export const categories = Object.keys(generators) as Category[]

/** `perCategory` queries of each category (known-item: extra candidates, filtered later). */
export function generateQueries(
  documents: CorpusDocument[],
  perCategory: number,
  seed = 7
): BenchQuery[] {
  const random = mulberry32(seed)
  const queries: BenchQuery[] = []
  for (const category of categories) {
    const { langs, make } = generators[category]
    const pool = documents.filter((document) => langs.includes(document.lang))
    const wanted = category.startsWith('known') ? perCategory * 2 : perCategory
    let made = 0
    for (let attempt = 0; attempt < wanted * 20 && made < wanted; attempt++) {
      const query = make(random, pick(random, pool))
      if (query && query.parts.every((part) => part.text.length > 0)) {
        queries.push(query)
        made += 1
      }
    }
  }
  return queries
}
