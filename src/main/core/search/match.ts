import type { ParsedQuery } from '../../../shared/query'
import { tokenize } from './tokenize'
import type { Token } from './tokenize'

/**
 * Turns a parsed query into FTS5 MATCH expressions over our tokens (see tokenize.ts), and into
 * the token patterns the snippet highlighter looks for.
 *
 * Every word or phrase becomes one FTS5 phrase of its tokens, so a CJK run matches only where its
 * bigrams are adjacent (`大模型` = "大模 模型") and `e-mail` only as `e mail`. A phrase that ends in
 * a lone CJK character becomes a prefix phrase (`"模"*`): in the index that character starts a
 * bigram or is a run's closing unigram, so every occurrence is found. A query that is one CJK
 * character alone looks it up in the `*_chars` columns instead (one term, not a prefix scan).
 */

export interface TokenPattern {
  /** Normalised token texts, in order. */
  tokens: string[]
  /** The last token may be the start of a longer index token. */
  prefix: boolean
  /** One CJK character alone: looked up in the `*_chars` columns. */
  character?: boolean
  /** The first token as typed, lower-cased (`proprietà` for `proprieta`), for literal search. */
  surface?: string
}

export interface MatchExpressions {
  /** Everything the article must contain (null: the query has no positive words). */
  positive: string | null
  /** Anything the article must not contain (null: nothing excluded). */
  negative: string | null
  /** What the snippet highlights: every positive word, phrase and alternative. */
  patterns: TokenPattern[]
  /** The ANDed parts of `positive`, one per word, phrase or OR group. */
  parts: string[]
}

function isSingleCharacter(token: Token): boolean {
  return (token.kind === 'cjk' || token.kind === 'hangul') && [...token.text].length === 1
}

/**
 * The tokens a document holds in a row for `text`. A closing unigram at the very end is dropped
 * (the document's run may go on), a lone closing character becomes a prefix.
 */
export function tokenPattern(text: string): TokenPattern | null {
  const all = tokenize(text, 'index')
  if (all.length === 0) return null
  const surface = text.slice(all[0].start, all[0].end).toLowerCase()
  if (all.length === 1 && isSingleCharacter(all[0])) {
    return { tokens: [all[0].text], prefix: true, character: true, surface }
  }
  const last = all[all.length - 1]
  const previous = all[all.length - 2]
  if (isSingleCharacter(last) && previous && previous.end === last.end) {
    return { tokens: all.slice(0, -1).map((token) => token.text), prefix: false, surface }
  }
  return { tokens: all.map((token) => token.text), prefix: isSingleCharacter(last), surface }
}

export function phraseExpression(pattern: TokenPattern): string {
  if (pattern.character) return `({title_chars body_chars} : "${pattern.tokens[0]}")`
  // Tokens hold only letters, marks, digits, '.' and ',' (tokenize.ts): no quote to escape.
  return `"${pattern.tokens.join(' ')}"${pattern.prefix ? '*' : ''}`
}

function patternsOf(texts: string[]): TokenPattern[] {
  return texts.map(tokenPattern).filter((pattern): pattern is TokenPattern => pattern !== null)
}

function andAll(parts: string[]): string | null {
  return parts.length === 0 ? null : parts.join(' AND ')
}

export function buildMatch(query: ParsedQuery, prefixLastTerm = false): MatchExpressions {
  const terms = patternsOf(query.terms)
  const lastTerm = terms[terms.length - 1]
  // Search-as-you-type: the word being typed is a prefix (`mach` → `machine`).
  if (prefixLastTerm && lastTerm) terms[terms.length - 1] = { ...lastTerm, prefix: true }
  const required = [...terms, ...patternsOf(query.phrases)]
  const groups = query.orGroups
    .map((group) => patternsOf(group.map((alternative) => alternative.text)))
    .filter((group) => group.length > 0)
  const positiveParts = [
    ...required.map(phraseExpression),
    ...groups.map((group) => `(${group.map(phraseExpression).join(' OR ')})`)
  ]
  const negativePatterns = patternsOf([...query.excluded, ...query.excludedPhrases])
  return {
    positive: andAll(positiveParts),
    negative:
      negativePatterns.length === 0 ? null : negativePatterns.map(phraseExpression).join(' OR '),
    patterns: [...required, ...groups.flat()],
    parts: positiveParts
  }
}

export function withoutExcluded(positive: string, negative: string | null): string {
  return negative ? `(${positive}) NOT (${negative})` : positive
}
