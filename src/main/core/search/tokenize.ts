/**
 * The one tokenizer behind the search index, the queries and the snippets (DESIGN.md §4).
 *
 * - Spaced scripts (Latin, Cyrillic, Greek, Arabic, Devanagari, …): runs of letters, marks and
 *   digits, NFKC-normalised and lower-cased; Latin, Greek and Cyrillic also lose their diacritics
 *   (`café` → `cafe`). Other scripts keep their marks: a Devanagari vowel sign is not decoration.
 * - Han and kana: overlapping character bigrams (`大模型` → `大模`, `模型`). In the index the last
 *   character of a run is also kept as a unigram, so every character starts some token and a
 *   one-character query is a prefix query (`模*`) that finds every occurrence. Kana are never
 *   decomposed, so `が` and `か` stay different.
 * - Hangul syllables: bigrams the same way, in their own runs (Korean spaces its words).
 * - Numbers stay whole, decimals included (`3.14`, `1,000`).
 *
 * Every token keeps `start`/`end`, UTF-16 offsets into the original string, so snippets and
 * highlights map back to the text as the user sees it.
 */

/** Bump whenever the output of `tokenize` changes: the index is then rebuilt on open. */
export const tokenizerVersion = 1

export type TokenKind = 'word' | 'number' | 'cjk' | 'hangul'

export interface Token {
  /** The normalised form that goes into the index. */
  text: string
  start: number
  end: number
  kind: TokenKind
}

/**
 * `index` adds the closing unigram of each CJK run (see above); `query` emits only what a
 * document must contain, so a query run of two or more characters is a phrase of its bigrams.
 */
export type TokenizeMode = 'index' | 'query'

/** One run of one script family, before it is split into tokens. */
export interface TokenRun {
  text: string
  start: number
  end: number
  kind: TokenKind
  /** Only ASCII characters: lower-casing is all the folding it needs. */
  ascii: boolean
}

const foldableBase = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu
// Letters that NFD does not decompose but every user types without the stroke.
const extraFolds: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ'
}
const extraFoldPattern = new RegExp(`[${Object.keys(extraFolds).join('')}]`, 'g')

/** Lower-case, NFKC and, for Latin/Greek/Cyrillic only, diacritics removed. */
export function foldWord(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase()
  const decomposed = lower.normalize('NFD')
  const folded = decomposed.replace(foldableBase, '$1').normalize('NFC')
  return folded.replace(extraFoldPattern, (letter) => extraFolds[letter] ?? letter)
}

// Character classes, decided once per code point (a lookup table for the BMP): the tokenizer reads
// every character of every article on a rebuild (1.3 GB at 100k), so it avoids regexes per char.
const separator = 1
const letter = 2
const digit = 3
const cjk = 4
const hangul = 5
type CharacterClass = 1 | 2 | 3 | 4 | 5

const bmpClasses = new Uint8Array(0x10000)
const astralClasses = new Map<number, CharacterClass>()
const letterPattern = /[\p{L}\p{M}]/u
const digitPattern = /\p{Nd}/u
const otherNumberPattern = /\p{N}/u

function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x3040 && codePoint <= 0x30ff && codePoint !== 0x30a0 && codePoint !== 0x30fb) || // kana, ー, not ・
    (codePoint >= 0x31f0 && codePoint <= 0x31ff) || // katakana extensions
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff66 && codePoint <= 0xff9f) || // half-width katakana and voicing marks
    (codePoint >= 0x20000 && codePoint <= 0x3ffff) ||
    codePoint === 0x3005 || // 々
    codePoint === 0x3006 // 〆
  )
}

function isHangul(codePoint: number): boolean {
  return (
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0x1100 && codePoint <= 0x11ff) ||
    (codePoint >= 0x3130 && codePoint <= 0x318f) ||
    (codePoint >= 0xffa0 && codePoint <= 0xffdc)
  )
}

function computeClass(codePoint: number): CharacterClass {
  if (isCjk(codePoint)) return cjk
  if (isHangul(codePoint)) return hangul
  const character = String.fromCodePoint(codePoint)
  if (digitPattern.test(character)) return digit
  if (letterPattern.test(character) || otherNumberPattern.test(character)) return letter
  return separator
}

function classOf(codePoint: number): CharacterClass {
  if (codePoint < 0x10000) {
    let known = bmpClasses[codePoint]
    if (known === 0) known = bmpClasses[codePoint] = computeClass(codePoint)
    return known as CharacterClass
  }
  let known = astralClasses.get(codePoint)
  if (known === undefined) astralClasses.set(codePoint, (known = computeClass(codePoint)))
  return known
}

function isDecimalSeparator(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code !== 0x2e && code !== 0x2c) return false
  const before = text.codePointAt(index - 1) ?? 0
  const after = text.codePointAt(index + 1) ?? 0
  return index > 0 && classOf(before) === digit && classOf(after) === digit
}

const foldedWords = new Map<string, string>()
// Bounded so a rebuild over millions of distinct words does not keep them all (about 10 MB).
const foldedWordsLimit = 100_000

function foldCached(word: string): string {
  let folded = foldedWords.get(word)
  if (folded === undefined) {
    if (foldedWords.size >= foldedWordsLimit) foldedWords.clear()
    folded = foldWord(word)
    foldedWords.set(word, folded)
  }
  return folded
}

/**
 * The indexed form of a word or number run. `lower` is the whole text lower-cased once when that
 * kept its length: slicing an ASCII word out of it is a third faster than lower-casing each word.
 */
function spacedText(run: TokenRun, lower: string | null): string {
  if (run.ascii) return lower ? lower.slice(run.start, run.end) : run.text.toLowerCase()
  return run.kind === 'number' ? run.text.normalize('NFKC') : foldCached(run.text)
}

function lowerCased(text: string): string | null {
  const lower = text.toLowerCase()
  return lower.length === text.length ? lower : null
}

/** Splits text into runs of one script family with their offsets. */
export function tokenRuns(text: string): TokenRun[] {
  const runs: TokenRun[] = []
  let index = 0
  while (index < text.length) {
    const codePoint = text.codePointAt(index) ?? 0
    const characterClass = classOf(codePoint)
    if (characterClass === separator) {
      index += codePoint > 0xffff ? 2 : 1
      continue
    }
    const start = index
    const spaced = characterClass === letter || characterClass === digit
    let onlyDigits = characterClass === digit
    let ascii = codePoint < 0x80
    index += codePoint > 0xffff ? 2 : 1
    while (index < text.length) {
      const next = text.codePointAt(index) ?? 0
      const nextClass = classOf(next)
      const continues = spaced
        ? nextClass === letter || nextClass === digit || isDecimalSeparator(text, index)
        : nextClass === characterClass
      if (!continues) break
      if (nextClass === letter) onlyDigits = false
      if (next >= 0x80) ascii = false
      index += next > 0xffff ? 2 : 1
    }
    const kind: TokenKind = spaced
      ? onlyDigits
        ? 'number'
        : 'word'
      : characterClass === cjk
        ? 'cjk'
        : 'hangul'
    runs.push({ text: text.slice(start, index), start, end: index, kind, ascii })
  }
  return runs
}

interface Character {
  text: string
  start: number
  end: number
}

function needsNormalising(codePoint: number): boolean {
  // Half-width kana and compatibility ideographs change under NFKC; plain Han and kana do not.
  return (
    (codePoint >= 0xff00 && codePoint <= 0xffef) || (codePoint >= 0xf900 && codePoint <= 0xfaff)
  )
}

/** Code points of a CJK run with their offsets, NFKC-normalised where that changes them. */
function characters(run: TokenRun): Character[] {
  const result: Character[] = []
  let offset = run.start
  for (const character of run.text) {
    const end = offset + character.length
    const codePoint = character.codePointAt(0) ?? 0
    const normalised = needsNormalising(codePoint) ? character.normalize('NFKC') : character
    const previous = result[result.length - 1]
    // A half-width voicing mark normalises to a combining mark: it belongs to the kana before it.
    if (previous && (codePoint === 0xff9e || codePoint === 0xff9f)) {
      previous.text = (previous.text + normalised).normalize('NFKC')
      previous.end = end
    } else {
      result.push({ text: normalised, start: offset, end })
    }
    offset = end
  }
  return result
}

function pushBigrams(run: TokenRun, mode: TokenizeMode, output: Token[]): void {
  const chars = characters(run)
  const kind = run.kind
  if (chars.length === 1) {
    output.push({ text: chars[0].text, start: chars[0].start, end: chars[0].end, kind })
    return
  }
  for (let index = 0; index + 1 < chars.length; index++) {
    const first = chars[index]
    const second = chars[index + 1]
    output.push({ text: first.text + second.text, start: first.start, end: second.end, kind })
  }
  if (mode === 'index') {
    const last = chars[chars.length - 1]
    output.push({ text: last.text, start: last.start, end: last.end, kind })
  }
}

/** Tokens of `text` in order of their position. */
export function tokenize(text: string, mode: TokenizeMode = 'index'): Token[] {
  const output: Token[] = []
  const lower = lowerCased(text)
  for (const run of tokenRuns(text)) {
    if (run.kind === 'cjk' || run.kind === 'hangul') {
      pushBigrams(run, mode, output)
    } else {
      const folded = spacedText(run, lower)
      if (folded) output.push({ text: folded, start: run.start, end: run.end, kind: run.kind })
    }
  }
  return output
}

/** What one field contributes to the index, computed in one pass over the text. */
export interface IndexForms {
  /** Tokens joined by spaces, for the FTS5 columns (FTS5 splits on the spaces again). */
  tokens: string
  /**
   * Every Han, kana and Hangul character once, in order: the `*_chars` columns, so a
   * one-character query is one term lookup instead of a prefix scan over every bigram that starts
   * with it (`的*` merged thousands of terms: 40–80 ms at 10k articles).
   */
  characters: string
}

/** A CJK run whose characters are all single UTF-16 units that NFKC leaves alone. */
function isPlainRun(run: TokenRun): boolean {
  for (let index = 0; index < run.text.length; index++) {
    const code = run.text.charCodeAt(index)
    if ((code >= 0xd800 && code <= 0xdfff) || needsNormalising(code)) return false
  }
  return true
}

/** Bigrams and characters of a CJK run; the common case slices the string without allocating. */
function pushRunForms(run: TokenRun, tokens: string[], characterList: string[]): void {
  if (!isPlainRun(run)) {
    const chars = characters(run).map((character) => character.text)
    for (let index = 0; index + 1 < chars.length; index++)
      tokens.push(chars[index] + chars[index + 1])
    tokens.push(chars[chars.length - 1])
    characterList.push(...chars)
    return
  }
  const text = run.text
  for (let index = 0; index + 1 < text.length; index++) tokens.push(text.slice(index, index + 2))
  tokens.push(text[text.length - 1])
  for (let index = 0; index < text.length; index++) characterList.push(text[index])
}

/** The index forms of a field (see IndexForms); the same tokens as `tokenize(text, 'index')`. */
export function indexForms(text: string | null | undefined): IndexForms {
  if (!text) return { tokens: '', characters: '' }
  const tokens: string[] = []
  const characterList: string[] = []
  const lower = lowerCased(text)
  for (const run of tokenRuns(text)) {
    if (run.kind === 'cjk' || run.kind === 'hangul') {
      pushRunForms(run, tokens, characterList)
    } else {
      const folded = spacedText(run, lower)
      if (folded) tokens.push(folded)
    }
  }
  return { tokens: tokens.join(' '), characters: characterList.join(' ') }
}

export function indexText(text: string | null | undefined): string {
  return indexForms(text).tokens
}

export function cjkCharacters(text: string | null | undefined): string {
  return indexForms(text).characters
}
