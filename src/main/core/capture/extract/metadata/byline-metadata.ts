/**
 * Bylines the page declares: the JSON-LD or `<meta>` author against the one printed by the
 * headline, Chinese sites' text, and CMS account names spelled out as the page prints them.
 */
import { cleanByline } from './byline-clean'
import { isPhrase } from './byline-names'
import { isChinesePage } from './chinese'

/** "edilson.la.rosa", "christian-stadtfeld": a CMS account, not a name as printed. */
export const isAccountName = (name: string): boolean =>
  /^[\p{Ll}\d]+(?:[._-][\p{Ll}\d]+)+$/u.test(name)

const letters = (name: string): string => name.toLowerCase().replace(/[^\p{L}]+/gu, '')

/**
 * The page's spelling of an account name: "Edilson La Rosa" for the "edilson.la.rosa" a CMS put
 * in `<meta name=author>`.
 */
export function sameNameSpelledOut(
  byline: string | null,
  printed: (string | null)[]
): string | null {
  if (!byline || !isAccountName(byline)) return null
  return printed.find((name) => name && letters(name) === letters(byline)) ?? null
}

/**
 * The name an account stands for, as the page prints it: "Christian P. Stadtfeld" for the
 * "christian.stadtfeld" a CMS declares as the author. Else the account itself.
 */
export function spelledOutAccount(byline: string, bodyText: () => string): string {
  const parts = byline.match(/^(\p{Ll}{2,})[._-](\p{Ll}{2,})$/u)
  if (!parts) return byline
  const capital = (word: string): string => word[0].toUpperCase() + word.slice(1)
  const name = new RegExp(
    `(?<!\\p{L})${capital(parts[1])}(?:\\s+\\p{Lu}\\.)?\\s+${capital(parts[2])}(?!\\p{L})`,
    'u'
  )
  return bodyText().match(name)?.[0] ?? byline
}

/** A name, unless it is a phrase rather than a name (an author the metadata declares). */
export const unlessPhrase = (name: string | null): string | null =>
  name && !isPhrase(name) ? name : null

interface BylineCandidates {
  jsonLd: string | null
  meta: string | null
  /** "Von …", "By …" lines by the headline. */
  lines: string | null
  chineseText: () => string | null
}

/**
 * Chinese news sites put the site's name in `<meta name=author>` and the journalist or editor in
 * the text ("作者：…", "责任编辑：…"), so on those pages the text comes first. Elsewhere a byline
 * printed by the headline comes first: JSON-LD and `<meta>` authors are often the CMS account that
 * posted the story or the site itself.
 */
export function pickByline(
  document: Document,
  candidates: BylineCandidates,
  isSite: (name: string) => boolean
): string | null {
  const person = (value: string | null): string | null => {
    const name = cleanByline(value)
    return name && !isSite(name) ? name : null
  }
  const chinese = isChinesePage(document)
  const declared = unlessPhrase(person(candidates.jsonLd) ?? person(candidates.meta))
  const printed = person(candidates.lines)
  // "By JEFFREY GETTLEMAN" on the page, "Jeffrey Gettleman" in the metadata: the metadata spells it.
  const sameName = printed && declared && printed.toLowerCase() === declared.toLowerCase()
  return (
    (chinese ? person(candidates.chineseText()) : null) ??
    (sameName ? declared : printed) ??
    declared ??
    person(candidates.chineseText())
  )
}
