/**
 * The byline: every candidate the page offers (its metadata, the lines by the headline, author
 * markup and profile links, credits further down, the site itself), and the choice between them
 * and Readability's.
 */
import { cleanByline } from './byline-clean'
import { creditedByline } from './byline-credits'
import { bylinesFromLines } from './byline-lines'
import { bylineFromMarkup, homeLinkedAuthors } from './byline-markup'
import {
  isAccountName,
  pickByline,
  sameNameSpelledOut,
  spelledOutAccount,
  unlessPhrase
} from './byline-metadata'
import { isPhrase } from './byline-names'
import { chineseByline, chineseSource, isChinesePage } from './chinese'
import { type HeadlineContext, pageLines } from './headline'
import { authorMetaKeys, firstMeta, labelledAuthor } from './meta-tags'
import type { PageMetadata } from './metadata'
import { isOrganization, isSiteName, ownSiteAuthor } from './site-names'
import type { PageSources } from './sources'

/**
 * The article's byline: the metadata's, else Readability's, else one from page markup. Readability
 * takes any short text in an element whose class says "author" or "byline", which is often a
 * label ("Posted on", "Veröffentlicht am") or the site's name; those are dropped.
 */
export function chooseByline(
  metadata: PageMetadata,
  readabilityByline: string | null | undefined,
  signature: string | null = null
): string | null {
  // Readability returns the whole byline element: "Datum: 19.11.2021 / Autor: Fritz Imhof".
  const lines = readabilityByline?.includes('\n') ? bylinesFromLines(readabilityByline) : null
  // Readability copies `<meta name=author>` as it is, phrases included.
  const readabilityName = cleanByline(readabilityByline ?? null)
  const fromReadability =
    lines?.prefixed ??
    (readabilityName && !metadata.declaredPhrases.includes(readabilityName)
      ? readabilityName
      : null)
  // It also takes the blog's name where the header marks it up as the author.
  const isSite =
    fromReadability !== null &&
    (isSiteName(fromReadability, metadata.siteNames) ||
      isOrganization(fromReadability) ||
      metadata.homeLinkedAuthors.includes(fromReadability))
  return (
    sameNameSpelledOut(metadata.byline, [metadata.markupByline, metadata.nearbyName]) ??
    metadata.byline ??
    (isSite ? null : fromReadability) ??
    metadata.markupByline ??
    metadata.creditedByline ??
    metadata.nearbyName ??
    signature ??
    metadata.siteAuthor ??
    fromReadability ??
    metadata.siteOwner
  )
}

export type PageBylines = Pick<
  PageMetadata,
  | 'byline'
  | 'markupByline'
  | 'creditedByline'
  | 'nearbyName'
  | 'siteAuthor'
  | 'declaredPhrases'
  | 'homeLinkedAuthors'
  | 'siteOwner'
>

/** Every byline candidate of the page; `context` is the text by its headline. */
export function readBylines(sources: PageSources, context: HeadlineContext | null): PageBylines {
  const { document, jsonLd, meta, hostname, siteNames, bodyText } = sources
  const isSite = (name: string): boolean => isSiteName(name, siteNames)
  // A company as author is a last resort: a person named by the headline or in a credit is better.
  const notPerson = (name: string): boolean => isSite(name) || isOrganization(name)
  const metaAuthor = firstMeta(meta, authorMetaKeys) ?? labelledAuthor(meta)
  const lineBylines = context
    ? bylinesFromLines(`${context.after}\n${context.before}`)
    : { prefixed: null, bare: null }
  const declaredByline = pickByline(
    document,
    {
      jsonLd: jsonLd.author,
      meta: metaAuthor,
      lines: lineBylines.prefixed,
      chineseText: () => chineseByline(bodyText)
    },
    notPerson
  )
  const byline = declaredByline && spelledOutAccount(declaredByline, bodyText)
  const { markupByline, credit } = furtherBylines(sources, byline, notPerson)
  return {
    byline,
    markupByline,
    creditedByline: credit && !isOrganization(credit) ? credit : null,
    nearbyName: ((name) => (name && !isSite(name) ? name : null))(lineBylines.bare),
    siteAuthor:
      unlessPhrase(cleanByline(jsonLd.author)) ??
      unlessPhrase(cleanByline(metaAuthor)) ??
      // "Herausgeber: Nordex SE" on a press release: the company, when no person is named.
      (credit && isOrganization(credit) ? credit : null) ??
      (isChinesePage(document) ? chineseSource(bodyText) : null),
    declaredPhrases: [jsonLd.author, metaAuthor]
      .map((value) => cleanByline(value))
      .filter((name): name is string => name !== null && isPhrase(name)),
    homeLinkedAuthors: homeLinkedAuthors(document),
    // Looked for only when nothing else names the author: it walks the whole page.
    siteOwner:
      byline || markupByline || credit || lineBylines.bare
        ? null
        : ownSiteAuthor(document, siteNames, hostname)
  }
}

/**
 * Authors further from the headline, looked for only when nearer ones are missing: in author
 * markup (or an account's spelling there), then in credits anywhere on the page.
 */
function furtherBylines(
  sources: PageSources,
  byline: string | null,
  notPerson: (name: string) => boolean
): { markupByline: string | null; credit: string | null } {
  const { document, hostname, siteNames, title } = sources
  const isSite = (name: string): boolean => isSiteName(name, siteNames)
  // Share buttons print "Text: <the title>"; the start of the title is not a name.
  const startsTitle = (name: string): boolean =>
    [title, document.title].some((text) => text?.toLowerCase().startsWith(name.toLowerCase()))
  // The markup is searched (a walk of the page per selector) only when the metadata and the lines
  // by the headline name nobody, or name an account the markup may spell out.
  const markupByline =
    byline && !isAccountName(byline)
      ? null
      : ((name) => (name && !notPerson(name) && !startsTitle(name) ? name : null))(
          bylineFromMarkup(document, hostname)
        )
  // Walking the whole page costs a few milliseconds: only when nothing nearer names the author.
  const credit =
    byline || markupByline
      ? null
      : creditedByline(pageLines(document), (name) => !isSite(name) && !startsTitle(name))
  return { markupByline, credit }
}
