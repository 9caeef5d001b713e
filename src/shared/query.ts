/**
 * The search query language, the same on every door (DESIGN.md §4). Pure: no Node, no DOM.
 *
 *   words            all must match (AND)
 *   "exact phrase"   the words next to each other, in order
 *   -word -"phrase"  must not match
 *   a OR b           either; OR binds tighter than the implicit AND: `a OR b c` = (a|b) & c
 *   tag:name #name   tagged `name` or any tag below it (`tag:research` matches `research/llm`)
 *   site:host        saved from host or one of its subdomains
 *   is:unread|read|archived|favorite
 *   lang:zh          article language, `zh` also matches `zh-CN`
 *   before:2024-01-01 after:2024-01  saved before the start / on or after the start of that day,
 *                    month or year (UTC)
 *   url:text         the address contains text; a query that is one http(s) URL finds its article
 *   in:highlights    the words in the article's highlights and notes only (`in:notes` alike)
 *   has:highlights   articles with at least one highlight
 *   has:note         articles with a note of their own or on one of their highlights
 *
 * A malformed query never throws: what cannot be understood is searched as words, or dropped when
 * it has no words, and listed in `ignored` so the UI can say so.
 */
import { articleStates } from './contract/articles'
import type { ArticleState } from './contract/articles'
import { displayHost } from './web'

export interface QueryAlternative {
  text: string
  phrase: boolean
}

export interface QueryFilters {
  tags: string[]
  sites: string[]
  states: ArticleState[]
  favorite: boolean
  langs: string[]
  /** Milliseconds since the epoch: saved strictly before. */
  before: number | null
  /** Milliseconds since the epoch: saved at or after. */
  after: number | null
  /** Substrings of the address (scheme, `www.`, fragment and trailing `/` removed). */
  urls: string[]
  /** `in:highlights`: the words must be in the highlights' quotes or in the notes. */
  inHighlights: boolean
  hasHighlights: boolean
  hasNote: boolean
}

export interface ParsedQuery {
  terms: string[]
  phrases: string[]
  excluded: string[]
  excludedPhrases: string[]
  /** Each group needs one of its alternatives. */
  orGroups: QueryAlternative[][]
  filters: QueryFilters
  ignored: string[]
}

interface Piece {
  text: string
  phrase: boolean
  negated: boolean
  /** The text exactly as typed, for `ignored`. */
  raw: string
}

const filterKeys = ['tag', 'site', 'is', 'lang', 'before', 'after', 'url', 'in', 'has'] as const
type FilterKey = (typeof filterKeys)[number]

export function emptyFilters(): QueryFilters {
  return {
    tags: [],
    sites: [],
    states: [],
    favorite: false,
    langs: [],
    before: null,
    after: null,
    urls: [],
    inHighlights: false,
    hasHighlights: false,
    hasNote: false
  }
}

/** Splits on whitespace, keeping `"…"` together (also after `-` or `key:`). */
function splitPieces(text: string, ignored: string[]): Piece[] {
  const pieces: Piece[] = []
  const pattern = /(-?)(?:([\p{L}\p{N}_]+:)?"([^"]*)"|(\S+))/gu
  for (const match of text.matchAll(pattern)) {
    const [raw, minus, key, quoted, bare] = match
    if (quoted !== undefined) {
      pieces.push({ text: (key ?? '') + quoted, phrase: !key, negated: minus === '-', raw })
    } else if (bare.includes('"')) {
      // An unclosed quote: its words are still searched, the quote itself is not.
      ignored.push('"')
      const words = bare.replaceAll('"', ' ').trim()
      if (words) pieces.push({ text: words, phrase: false, negated: minus === '-', raw })
    } else {
      pieces.push({ text: bare, phrase: false, negated: minus === '-', raw })
    }
  }
  return pieces
}

const isoDate = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/

/** The UTC start of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null if it is no real date. */
export function parseDateStart(value: string): number | null {
  const match = isoDate.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = match[2] ? Number(match[2]) : 1
  const day = match[3] ? Number(match[3]) : 1
  const time = Date.UTC(year, month - 1, day)
  const date = new Date(time)
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return time
}

/** `https://www.example.com/a/#x` → `example.com/a`: what a stored address must contain. */
export function urlNeedle(value: string): string {
  const withoutScheme = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  return displayHost(withoutScheme).replace(/#.*$/, '').replace(/\/+$/, '')
}

function normaliseTag(value: string): string {
  return value.replace(/^#/, '').replace(/\/+$/, '').trim()
}

function normaliseSite(value: string): string {
  return urlNeedle(value).split('/')[0].toLowerCase()
}

/** Applies one `key:value` filter; false when the value makes no sense for the key. */
function applyFilter(filters: QueryFilters, key: FilterKey, value: string): boolean {
  if (!value) return false
  switch (key) {
    case 'tag': {
      const tag = normaliseTag(value)
      if (tag) filters.tags.push(tag)
      return tag !== ''
    }
    case 'site': {
      const site = normaliseSite(value)
      if (site) filters.sites.push(site)
      return site !== ''
    }
    case 'is':
      return applyState(filters, value.toLowerCase())
    case 'lang':
      if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value)) return false
      filters.langs.push(value.toLowerCase())
      return true
    case 'before':
    case 'after': {
      const time = parseDateStart(value)
      if (time === null) return false
      filters[key] = time
      return true
    }
    case 'url': {
      const needle = urlNeedle(value)
      if (needle) filters.urls.push(needle)
      return needle !== ''
    }
    case 'in':
      return applyScope(filters, value.toLowerCase())
    case 'has':
      return applyHas(filters, value.toLowerCase())
  }
}

function applyScope(filters: QueryFilters, value: string): boolean {
  if (!['highlights', 'highlight', 'notes', 'note'].includes(value)) return false
  filters.inHighlights = true
  return true
}

function applyHas(filters: QueryFilters, value: string): boolean {
  if (value === 'highlights' || value === 'highlight') filters.hasHighlights = true
  else if (value === 'note' || value === 'notes') filters.hasNote = true
  else return false
  return true
}

function applyState(filters: QueryFilters, value: string): boolean {
  if (value === 'favorite' || value === 'favourite' || value === 'starred') {
    filters.favorite = true
    return true
  }
  const state = articleStates.find((candidate) => candidate === value)
  if (!state) return false
  if (!filters.states.includes(state)) filters.states.push(state)
  return true
}

/** A filter piece → true when consumed as a filter (or reported), false when it is a word. */
function consumeFilter(piece: Piece, filters: QueryFilters, ignored: string[]): boolean {
  if (piece.phrase) return false
  if (piece.text.startsWith('#') && piece.text.length > 1) {
    if (piece.negated) return reportNegatedFilter(piece, ignored)
    return applyFilter(filters, 'tag', piece.text.slice(1))
  }
  const colon = piece.text.indexOf(':')
  if (colon <= 0) return false
  const key = piece.text.slice(0, colon).toLowerCase()
  const known = filterKeys.find((candidate) => candidate === key)
  if (!known) {
    // `foo:bar` is searched as words; tell the user only when it looked like a filter.
    if (/^\p{L}+$/u.test(key)) ignored.push(piece.raw)
    return false
  }
  if (piece.negated) return reportNegatedFilter(piece, ignored)
  const value = piece.text.slice(colon + 1)
  if (applyFilter(filters, known, value)) return true
  ignored.push(piece.raw)
  // A bad value (`before:yesterday`) is searched as words so nothing typed is lost.
  return false
}

function reportNegatedFilter(piece: Piece, ignored: string[]): boolean {
  ignored.push(piece.raw)
  return true
}

function isOperatorOr(piece: Piece | undefined): boolean {
  return piece !== undefined && !piece.phrase && !piece.negated && piece.text === 'OR'
}

function canJoinOr(piece: Piece | undefined): boolean {
  return piece !== undefined && !piece.negated && !isOperatorOr(piece)
}

export function isPastedUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim())
}

export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = {
    terms: [],
    phrases: [],
    excluded: [],
    excludedPhrases: [],
    orGroups: [],
    filters: emptyFilters(),
    ignored: []
  }
  if (isPastedUrl(text)) {
    query.filters.urls.push(urlNeedle(text))
    return query
  }
  const pieces = splitPieces(text, query.ignored).filter((piece) => {
    if (piece.text.trim() !== '' || piece.phrase) return true
    query.ignored.push(piece.raw)
    return false
  })
  const words = pieces.filter((piece) => !consumeFilter(piece, query.filters, query.ignored))
  groupAlternatives(words, query)
  return query
}

/** Folds `a OR b OR c` into one group; an OR with nothing usable on a side is ignored. */
function groupAlternatives(pieces: Piece[], query: ParsedQuery): void {
  let group: Piece[] = []
  pieces.forEach((piece, index) => {
    if (isOperatorOr(piece)) {
      const joins = canJoinOr(pieces[index - 1]) && canJoinOr(pieces[index + 1])
      if (!joins) query.ignored.push('OR')
      return
    }
    const joinedBefore = isOperatorOr(pieces[index - 1]) && canJoinOr(pieces[index - 2])
    if (joinedBefore && canJoinOr(piece)) {
      group.push(piece)
      return
    }
    flushGroup(group, query)
    group = [piece]
  })
  flushGroup(group, query)
}

function flushGroup(group: Piece[], query: ParsedQuery): void {
  if (group.length === 0) return
  if (group.length > 1) {
    query.orGroups.push(group.map((piece) => ({ text: piece.text, phrase: piece.phrase })))
    return
  }
  const [piece] = group
  if (piece.text.replace(/^-+$/, '') === '') {
    query.ignored.push(piece.raw)
  } else if (piece.negated) {
    ;(piece.phrase ? query.excludedPhrases : query.excluded).push(piece.text)
  } else {
    ;(piece.phrase ? query.phrases : query.terms).push(piece.text)
  }
}

/** True when the query asks for nothing at all (no words and no filters). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  const filters = query.filters
  return (
    query.terms.length + query.phrases.length + query.orGroups.length === 0 &&
    query.excluded.length + query.excludedPhrases.length === 0 &&
    filters.tags.length + filters.sites.length + filters.states.length === 0 &&
    filters.langs.length + filters.urls.length === 0 &&
    !filters.favorite &&
    filters.before === null &&
    filters.after === null &&
    !filters.inHighlights &&
    !filters.hasHighlights &&
    !filters.hasNote
  )
}
