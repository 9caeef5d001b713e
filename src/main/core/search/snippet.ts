import type { TokenPattern } from './match'
import { tokens } from './tokenize'
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
  const recent: Token[] = []
  const longest = Math.max(...patterns.map((pattern) => pattern.tokens.length))
  for (const token of tokens(text, 'index')) {
    recent.push(token)
    if (recent.length > longest) recent.shift()
    for (const pattern of patterns) {
      const count = pattern.tokens.length
      const window = recent.slice(recent.length - count)
      if (window.length < count) continue
      if (window.every((candidate, index) => tokenMatches(candidate, pattern, index))) {
        const first = window[0]
        // A prefix match on a bigram highlights only the typed characters.
        const lastToken = window[count - 1]
        const lastWanted = pattern.tokens[count - 1]
        const end =
          lastToken.text === lastWanted ? lastToken.end : lastToken.start + lastWanted.length
        ranges.push([first.start, Math.min(end, lastToken.end)])
      }
    }
    if (stopAfterFirst && ranges.length > 0) return ranges
  }
  return ranges
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
 * highlighted. Finding the first match stops early, so a long article costs only the text up to
 * it; when nothing matches (a title-only hit) the snippet is the start of the text.
 */
export function makeSnippet(fullText: string | null, patterns: TokenPattern[]): Snippet {
  const text = (fullText ?? '').replace(/\s+/g, ' ')
  const usable = patterns.filter((pattern) => pattern.tokens.length > 0)
  const first = usable.length > 0 ? matchRanges(text, usable, true)[0] : undefined
  const [start, end] = snippetBounds(text, first ? first[0] : 0)
  const body = text.slice(start, end)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const ranges = usable.length > 0 && first ? matchRanges(body, usable, false) : []
  const highlights = mergeRanges(ranges)
    .filter(([, rangeEnd]) => rangeEnd <= body.length)
    .map(([rangeStart, rangeEnd]): [number, number] => [
      rangeStart + prefix.length,
      rangeEnd + prefix.length
    ])
  return { text: prefix + body + suffix, highlights }
}
