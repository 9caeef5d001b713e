import type { TokenPattern } from './match'
import { tokenize } from './tokenize'
import type { Token } from './tokenize'

export interface Snippet {
  text: string
  /** [start, end) offsets into `text`. */
  highlights: [number, number][]
}

// About two lines of a result list; CJK text is cut anywhere, Latin at a space when one is near.
const snippetLength = 200
const leadingContext = 60
const wordBoundarySlack = 20

function tokenMatches(token: Token, pattern: TokenPattern, position: number): boolean {
  const wanted = pattern.tokens[position]
  const isLast = position === pattern.tokens.length - 1
  return token.text === wanted || (isLast && pattern.prefix && token.text.startsWith(wanted))
}

/** Ranges of `text` where a pattern's tokens follow one another. */
function matchRanges(
  text: string,
  patterns: TokenPattern[],
  stopAfterFirst: boolean
): [number, number][] {
  const ranges: [number, number][] = []
  const all = tokenize(text, 'index')
  for (let index = 0; index < all.length; index++) {
    for (const pattern of patterns) {
      const range = matchAt(all, index, pattern)
      if (range) ranges.push(range)
    }
    if (stopAfterFirst && ranges.length > 0) return ranges
  }
  return ranges
}

/** The range of `pattern` when it starts at token `index`, else null. */
function matchAt(all: Token[], index: number, pattern: TokenPattern): [number, number] | null {
  const count = pattern.tokens.length
  if (index + count > all.length) return null
  for (let position = 0; position < count; position++) {
    if (!tokenMatches(all[index + position], pattern, position)) return null
  }
  const lastToken = all[index + count - 1]
  const lastWanted = pattern.tokens[count - 1]
  // A prefix match on a longer token highlights only the typed characters.
  const end = lastToken.text === lastWanted ? lastToken.end : lastToken.start + lastWanted.length
  return [all[index].start, Math.min(end, lastToken.end)]
}

const isCjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u
const wordCharacter = /[\p{L}\p{N}\p{M}]/u
// Candidate occurrences checked per pattern before falling back to tokenising the text.
const candidateLimit = 64
// The fallback reads only the start of the text: a title-only hit (search-as-you-type) has no
// match in the body at all, and tokenising whole articles for ten of them cost ~10 ms.
const fallbackScanLength = 4000

/**
 * The first place a pattern matches, found by plain `indexOf` of its first token (folded, and as
 * typed) in the lower-cased text and checked by tokenising only a few hundred characters there.
 * Tokenising a whole 13k-character article for every result took 1.5–4 ms each; this takes
 * microseconds. Only a text that spells the word differently from both (`café` for a query
 * `cafe`) takes the slow path.
 */
function firstMatch(text: string, patterns: TokenPattern[]): [number, number] | undefined {
  const lower = text.toLowerCase()
  let best: [number, number] | undefined
  if (lower.length === text.length) {
    for (const pattern of patterns) {
      for (const needle of new Set([pattern.tokens[0], pattern.surface ?? pattern.tokens[0]])) {
        const found = literalMatch(text, lower, pattern, needle, best ? best[0] : Infinity)
        if (found && (!best || found[0] < best[0])) best = found
      }
    }
  }
  return best ?? matchRanges(text.slice(0, fallbackScanLength), patterns, true)[0]
}

function literalMatch(
  text: string,
  lower: string,
  pattern: TokenPattern,
  needle: string,
  before: number
): [number, number] | undefined {
  const spaced = !isCjk.test(needle)
  let position = lower.indexOf(needle)
  for (let tries = 0; position !== -1 && position < before && tries < candidateLimit; tries++) {
    if (!spaced || position === 0 || !wordCharacter.test(text[position - 1])) {
      const window = text.slice(position, position + 40 + 40 * pattern.tokens.length)
      const range = matchAt(tokenize(window, 'index'), 0, pattern)
      if (range) return [range[0] + position, range[1] + position]
    }
    position = lower.indexOf(needle, position + 1)
  }
  return undefined
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((left, right) => left[0] - right[0])
  const merged: [number, number][] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

function snippetBounds(text: string, anchor: number): [number, number] {
  let start = Math.max(0, anchor - leadingContext)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (space !== -1 && space < start + wordBoundarySlack && space < anchor) start = space + 1
  }
  let end = Math.min(text.length, start + snippetLength)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > end - wordBoundarySlack && space > anchor) end = space
  }
  return [start, end]
}

/**
 * A window of the stored plain text around the first match, with every match inside it
 * highlighted; when nothing matches (a title-only hit) the snippet is the start of the text.
 */
export function makeSnippet(fullText: string | null, patterns: TokenPattern[]): Snippet {
  const text = fullText ?? ''
  const usable = patterns.filter((pattern) => pattern.tokens.length > 0)
  const first = usable.length > 0 ? firstMatch(text, usable) : undefined
  const [start, end] = snippetBounds(text, first ? first[0] : 0)
  // Whitespace is collapsed in the window only: over a whole article it cost 0.1–0.4 ms each.
  const body = text.slice(start, end).replace(/\s+/g, ' ')
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const ranges = first ? matchRanges(body, usable, false) : []
  const highlights = mergeRanges(ranges).map(([rangeStart, rangeEnd]): [number, number] => [
    rangeStart + prefix.length,
    rangeEnd + prefix.length
  ])
  return { text: prefix + body + suffix, highlights }
}
