/** What a page's metadata is read from, gathered once per page. */
import { documentBaseUrl } from '../dom'
import { type JsonLdFacts, parseJsonLd } from './json-ld'
import { collectMeta, documentLanguage, firstMeta } from './meta-tags'

export interface PageSources {
  document: Document
  pageUrl: string
  /** The URL relative links resolve against. */
  baseUrl: string
  /** The page address's host name; empty when the address has none. */
  hostname: string
  /** `<meta>` values by lower-cased name. */
  meta: Map<string, string[]>
  jsonLd: JsonLdFacts
  title: string | null
  lang: string | null
  /**
   * Names of the site itself (og:site_name, application-name, publisher, host), which are not
   * bylines; null where the page gives none, in that order.
   */
  siteNames: (string | null)[]
  /** The body text, whitespace collapsed, read when first asked for. */
  bodyText: () => string
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

function siteNamesOf(
  meta: Map<string, string[]>,
  jsonLd: JsonLdFacts,
  hostname: string
): (string | null)[] {
  const siteNames = [
    firstMeta(meta, ['og:site_name']),
    firstMeta(meta, ['application-name']),
    jsonLd.publisher,
    firstMeta(meta, ['publisher', 'dc.publisher', 'article:publisher'])
  ]
  if (hostname) siteNames.push(hostname)
  // "Achtsam durch die Krise | Die FURCHE": an og:site_name that carries the page's title.
  const siteNameParts = siteNames[0]?.split(/\s+\|\s+/) ?? []
  if (siteNameParts.length > 1) siteNames.push(...siteNameParts)
  return siteNames
}

export function readSources(document: Document, pageUrl: string): PageSources {
  const meta = collectMeta(document)
  const jsonLd = parseJsonLd(document)
  const hostname = hostnameOf(pageUrl)
  // The body text is only needed when no metadata names the author or date (~1 ms a page).
  let cachedText: string | null = null
  return {
    document,
    pageUrl,
    baseUrl: documentBaseUrl(document, pageUrl),
    hostname,
    meta,
    jsonLd,
    title: jsonLd.headline ?? firstMeta(meta, ['og:title', 'twitter:title', 'dc.title']),
    lang: documentLanguage(document, meta, jsonLd.language),
    siteNames: siteNamesOf(meta, jsonLd, hostname),
    bodyText: () => (cachedText ??= (document.body?.textContent ?? '').replace(/\s+/g, ' '))
  }
}
