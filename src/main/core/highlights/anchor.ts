import search from 'approx-string-match'

/**
 * Anchoring highlights so they last (issue 14, DESIGN.md §2): a highlight is stored as a W3C Web
 * Annotation selector pair, the quoted text with some context on each side (TextQuoteSelector)
 * and its offsets in the article's plain text (TextPositionSelector). When the text changes (a
 * new extractor version), `placeSelector` finds it again, from the cheapest and surest way to the
 * loosest: at its offsets, then the quote exactly, then the quote with whitespace collapsed, then
 * the quote with a few differences (`approx-string-match`, Myers' bit-vector algorithm, the
 * library Hypothesis anchors with). Several candidates are told apart by their context. Pure:
 * strings in, offsets out. Offsets are UTF-16 code units, as JavaScript strings and the DOM count.
 */

/** Characters of context kept on each side, as the W3C model and Hypothesis suggest (32). */
export const contextLength = 32

export interface QuoteSelector {
  quote: string
  prefix: string
  suffix: string
}

/** A quote with where it was last seen; null offsets for a quote never placed (an import). */
export interface Selector extends QuoteSelector {
  start: number | null
  end: number | null
}

/**
 * How a selector was placed: `position` at its own offsets, `quote` by its exact quote
 * elsewhere, `whitespace` by its quote up to whitespace, `fuzzy` by a near match.
 */
export type AnchorMethod = 'position' | 'quote' | 'whitespace' | 'fuzzy'

export interface Anchor {
  start: number
  end: number
  method: AnchorMethod
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** `start` moved off the second half of a surrogate pair, so no character is cut in two. */
function characterBoundary(text: string, index: number, direction: -1 | 1): number {
  const bounded = Math.max(0, Math.min(text.length, index))
  if (bounded > 0 && bounded < text.length && isLowSurrogate(text.charCodeAt(bounded))) {
    return bounded + direction
  }
  return bounded
}

/** The selector of `text[start, end)`: its quote, context and offsets. */
export function describeRange(text: string, start: number, end: number): Selector {
  const prefixStart = characterBoundary(text, start - contextLength, -1)
  const suffixEnd = characterBoundary(text, end + contextLength, 1)
  return {
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end
  }
}

/** How alike `pattern` is to the closest part of `text`, from 0 to 1. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0
  const matches = search(text, pattern, pattern.length)
  const errors = Math.min(...matches.map((match) => match.errors), pattern.length)
  return 1 - errors / pattern.length
}

interface Candidate {
  start: number
  end: number
  /** How alike the quote is to the text there, 0–1 (1 for an exact match). */
  quote: number
}

interface Scored extends Candidate {
  context: number
  score: number
}

const squeezed = (text: string): string => text.replace(/\s+/g, ' ')

/**
 * The context around a candidate next to the selector's, whitespace collapsed on both sides: an
 * extractor upgrade that doubles paragraph breaks must not make the right place look unlike its
 * old surroundings. Twice the context length is read, since collapsing shortens it.
 */
function contextSides(text: string, selector: Selector, candidate: Candidate): number[] {
  const prefix = squeezed(selector.prefix)
  const suffix = squeezed(selector.suffix)
  const reach = (length: number): number => length * 2 + 8
  const before = squeezed(
    text.slice(Math.max(0, candidate.start - reach(prefix.length)), candidate.start)
  ).slice(-prefix.length)
  const after = squeezed(text.slice(candidate.end, candidate.end + reach(suffix.length))).slice(
    0,
    suffix.length
  )
  return [
    prefix ? similarity(before, prefix) : null,
    suffix ? similarity(after, suffix) : null
  ].filter((side): side is number => side !== null)
}

/** Weights as Hypothesis uses them: the quote first, then its context, then nearness. */
function scoreCandidate(text: string, selector: Selector, candidate: Candidate): Scored {
  const sides = contextSides(text, selector, candidate)
  const context = sides.length === 0 ? 0 : sides.reduce((sum, side) => sum + side) / sides.length
  const nearness =
    selector.start === null
      ? 0
      : 1 - Math.min(1, Math.abs(candidate.start - selector.start) / Math.max(1, text.length))
  const score = 50 * candidate.quote + 20 * context * sides.length + 2 * nearness
  return { ...candidate, context, score }
}

function best(text: string, selector: Selector, candidates: Candidate[]): Scored | null {
  let top: Scored | null = null
  for (const candidate of candidates) {
    const scored = scoreCandidate(text, selector, candidate)
    if (top === null || scored.score > top.score) top = scored
  }
  return top
}

// A common word highlighted (`the`) may occur thousands of times; context beyond this many
// candidates would not tell them apart any better.
const candidateLimit = 2000

function occurrences(text: string, quote: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(quote); at !== -1 && found.length < candidateLimit;) {
    found.push(at)
    at = text.indexOf(quote, at + 1)
  }
  return found
}

/** Below this length a quote found without its context is more likely another occurrence. */
const shortQuoteLength = 16

/** Refuses a short quote found only where its known context is not. */
function plausible(selector: Selector, match: Scored): boolean {
  const hasContext = selector.prefix.length + selector.suffix.length > 0
  if (!hasContext || selector.quote.length >= shortQuoteLength) return true
  return match.context >= 0.5
}

/** Collapses every run of whitespace to one space; `offsets[i]` is where character i came from. */
export function collapseWhitespace(text: string): { text: string; offsets: number[] } {
  const parts: string[] = []
  const offsets: number[] = []
  let inSpace = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]
    const space = /\s/.test(character)
    if (space && inSpace) continue
    inSpace = space
    parts.push(space ? ' ' : character)
    offsets.push(index)
  }
  offsets.push(text.length)
  return { text: parts.join(''), offsets }
}

function exactly(text: string, selector: Selector): Anchor | null {
  const { quote } = selector
  const candidates = occurrences(text, quote).map((start) => ({
    start,
    end: start + quote.length,
    quote: 1
  }))
  const match = best(text, selector, candidates)
  return match && plausible(selector, match)
    ? { start: match.start, end: match.end, method: 'quote' }
    : null
}

// Re-anchoring places every highlight of an article on the same new text: collapse it once.
let lastCollapsed: { source: string; collapsed: ReturnType<typeof collapseWhitespace> } | null =
  null

function collapsedText(text: string): ReturnType<typeof collapseWhitespace> {
  if (lastCollapsed?.source !== text) {
    lastCollapsed = { source: text, collapsed: collapseWhitespace(text) }
  }
  return lastCollapsed.collapsed
}

function upToWhitespace(text: string, selector: Selector): Anchor | null {
  const quote = collapseWhitespace(selector.quote).text.trim()
  if (quote.length === 0) return null
  const collapsed = collapsedText(text)
  const candidates = occurrences(collapsed.text, quote).map((at) => ({
    start: collapsed.offsets[at],
    end: collapsed.offsets[at + quote.length - 1] + 1,
    quote: 1
  }))
  const match = best(text, selector, candidates)
  return match && plausible(selector, match)
    ? { start: match.start, end: match.end, method: 'whitespace' }
    : null
}

/** Up to a quarter of the quote may differ (at most 256 characters, as Hypothesis allows). */
export function errorBudget(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4))
}

function nearly(text: string, selector: Selector): Anchor | null {
  const budget = errorBudget(selector.quote.length)
  if (budget < 1) return null
  const candidates = search(text, selector.quote, budget)
    .slice(0, candidateLimit)
    .map((match) => ({
      start: match.start,
      end: match.end,
      quote: 1 - match.errors / selector.quote.length
    }))
  const match = best(text, selector, candidates)
  if (!match || !plausible(selector, match)) return null
  // A near match far from its own text must be backed by its context, or it is someone else's.
  const hasContext = selector.prefix.length + selector.suffix.length > 0
  if (match.quote < 0.9 && !(hasContext && match.context >= 0.5)) return null
  return { start: match.start, end: match.end, method: 'fuzzy' }
}

/**
 * Where `selector` lies in `text`, or null when it does not fit anywhere (the highlight is then
 * kept as orphaned, with its quote).
 */
export function placeSelector(text: string, selector: Selector): Anchor | null {
  if (selector.quote.length === 0) return null
  const { start, end } = selector
  if (start !== null && end !== null && text.slice(start, end) === selector.quote) {
    return { start, end, method: 'position' }
  }
  return exactly(text, selector) ?? upToWhitespace(text, selector) ?? nearly(text, selector)
}
