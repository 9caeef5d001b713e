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
}

const cjkClass =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc\\u3005\\u3006\\u30f6'
const hangulClass = '\\p{Script=Hangul}'
// Half-width katakana voicing marks (U+FF9E/FF9F) are letters of no script; keep them with kana.
const runPattern = new RegExp(
  [
    `(?<cjk>[${cjkClass}\\uff9e\\uff9f]+)`,
    `(?<hangul>[${hangulClass}]+)`,
    '(?<number>\\p{Nd}+(?:[.,]\\p{Nd}+)*(?![\\p{L}\\p{M}\\p{N}]))',
    `(?<word>(?:(?![${cjkClass}${hangulClass}])[\\p{L}\\p{M}\\p{N}])+)`
  ].join('|'),
  'gu'
)

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

/** Splits text into runs of one script family with their offsets. */
export function* tokenRuns(text: string): Generator<TokenRun> {
  for (const match of text.matchAll(runPattern)) {
    const groups = match.groups ?? {}
    const kind: TokenKind = groups.cjk
      ? 'cjk'
      : groups.hangul
        ? 'hangul'
        : groups.number
          ? 'number'
          : 'word'
    const start = match.index ?? 0
    yield { text: match[0], start, end: start + match[0].length, kind }
  }
}

/** Code points of a CJK run with their offsets, NFKC-normalised (half-width kana, ㈱ …). */
function characters(run: TokenRun): { text: string; start: number; end: number }[] {
  const result: { text: string; start: number; end: number }[] = []
  let offset = run.start
  for (const character of run.text) {
    const end = offset + character.length
    const normalised = character.normalize('NFKC')
    const previous = result[result.length - 1]
    // A half-width voicing mark normalises to a combining mark: it belongs to the kana before it.
    if (previous && /^\p{M}+$/u.test(normalised)) {
      previous.text = (previous.text + normalised).normalize('NFKC')
      previous.end = end
    } else {
      result.push({ text: normalised, start: offset, end })
    }
    offset = end
  }
  return result
}

function* bigrams(run: TokenRun, mode: TokenizeMode): Generator<Token> {
  const chars = characters(run)
  const kind = run.kind
  if (chars.length === 1) {
    yield { text: chars[0].text, start: chars[0].start, end: chars[0].end, kind }
    return
  }
  for (let index = 0; index + 1 < chars.length; index++) {
    const first = chars[index]
    const second = chars[index + 1]
    yield { text: first.text + second.text, start: first.start, end: second.end, kind }
  }
  if (mode === 'index') {
    const last = chars[chars.length - 1]
    yield { text: last.text, start: last.start, end: last.end, kind }
  }
}

/** Tokens of `text` in order of their position. */
export function* tokens(text: string, mode: TokenizeMode = 'index'): Generator<Token> {
  for (const run of tokenRuns(text)) {
    if (run.kind === 'cjk' || run.kind === 'hangul') {
      yield* bigrams(run, mode)
    } else {
      const folded = run.kind === 'number' ? run.text.normalize('NFKC') : foldWord(run.text)
      if (folded) yield { text: folded, start: run.start, end: run.end, kind: run.kind }
    }
  }
}

export function tokenize(text: string, mode: TokenizeMode = 'index'): Token[] {
  return Array.from(tokens(text, mode))
}

/** The form stored in the FTS5 columns: tokens joined by spaces (FTS5 splits on them again). */
export function indexText(text: string | null | undefined): string {
  if (!text) return ''
  let joined = ''
  for (const token of tokens(text, 'index')) {
    joined += joined ? ' ' + token.text : token.text
  }
  return joined
}
