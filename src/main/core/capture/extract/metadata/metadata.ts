/**
 * Page metadata read before extraction (Readability changes the document): JSON-LD, OpenGraph,
 * `<meta>` tags, `<time>` and the "发布时间：… 作者：…" lines of Chinese news sites.
 */
import { resolveUrl } from '../dom'
import { readBylines } from './byline'
import { findHeadline, headlineContext } from './headline'
import { collectKeywords, documentDirection, firstMeta } from './meta-tags'
import { readPublishedDate } from './published-date'
import { isSiteName } from './site-names'
import { readSources } from './sources'
import type { ExtractedArticle } from '../protocol'

/**
 * What the page's metadata says, before Readability: the article's own fields (declared once, in
 * protocol.ts), a title that may be missing, and the evidence the byline is chosen from.
 */
export interface PageMetadata extends Pick<
  ExtractedArticle,
  | 'byline'
  | 'siteName'
  | 'lang'
  | 'dir'
  | 'excerpt'
  | 'publishedAt'
  | 'canonicalUrl'
  | 'leadImageUrl'
  | 'keywords'
> {
  title: string | null
  /** A recipe's ingredient lines from its JSON-LD, for pages that draw them with scripts. */
  ingredients: string[]
  baseUrl: string
  /**
   * An author found in page markup, looked for when the metadata names nobody (or an account);
   * less sure than Readability's byline in the article.
   */
  markupByline: string | null
  /** "Autor: …", "Text von …" further down the page, when nothing by the headline names one. */
  creditedByline: string | null
  /** A bare name next to the date under the headline; less sure than a marked-up byline. */
  nearbyName: string | null
  /** An author the metadata declares that is the site's own name, or a company: better than nothing. */
  siteAuthor: string | null
  /** Names of the site itself (og:site_name, publisher, host), which are not bylines. */
  siteNames: string[]
  /**
   * The site's own name where it matches the address and the page has no author markup: the
   * author of a page that names none (an organisation's or a person's own site).
   */
  siteOwner: string | null
  /** Declared authors that are phrases, not names ("deinen Hochzeitsbloggern"). */
  declaredPhrases: string[]
  /** Names marked up as the author that link to the home page: the blog's, a last resort. */
  homeLinkedAuthors: string[]
}

export function readMetadata(document: Document, pageUrl: string): PageMetadata {
  const sources = readSources(document, pageUrl)
  const { meta, jsonLd, baseUrl, siteNames, title } = sources
  const absolute = (value: string | null): string | null =>
    value ? resolveUrl(value, baseUrl) : null
  const isSite = (name: string): boolean => isSiteName(name, siteNames)
  const context = headlineContext(findHeadline(document, title, isSite))
  const canonical =
    document.querySelector('link[rel="canonical"][href]')?.getAttribute('href') ?? null
  return {
    title,
    ...readBylines(sources, context),
    siteName: firstMeta(meta, ['og:site_name', 'application-name']) ?? jsonLd.publisher,
    lang: sources.lang,
    dir: documentDirection(document),
    excerpt:
      firstMeta(meta, ['description', 'og:description', 'twitter:description']) ??
      jsonLd.description,
    publishedAt: readPublishedDate(sources, context),
    canonicalUrl: absolute(canonical) ?? absolute(firstMeta(meta, ['og:url'])),
    leadImageUrl: absolute(
      firstMeta(meta, ['og:image', 'og:image:url', 'twitter:image', 'twitter:image:src']) ??
        jsonLd.image
    ),
    keywords: collectKeywords(meta, jsonLd.keywords),
    ingredients: jsonLd.ingredients,
    baseUrl,
    siteNames: siteNames.filter((name): name is string => !!name)
  }
}
