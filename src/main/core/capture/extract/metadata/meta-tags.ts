/** The page's `<meta>` tags: their values by name, and the keywords, language and direction. */

/** All `<meta>` values by lower-cased name/property/itemprop, in document order. */
export function collectMeta(document: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>()
  for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = element.getAttribute('content')?.trim()
    if (!content) continue
    for (const attribute of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase()
      if (!key) continue
      // Microdata of an item inside the page (a cited paper, a related story) is not the page's.
      if (attribute === 'itemprop' && element.parentElement?.closest('[itemprop][itemscope]')) {
        continue
      }
      const values = meta.get(key) ?? []
      values.push(content)
      meta.set(key, values)
    }
  }
  return meta
}

export function firstMeta(meta: Map<string, string[]>, keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key)?.[0]
    if (value) return value
  }
  return null
}

export const dateMetaKeys = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'publication_date',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'article.published',
  'og:article:published_time',
  'citation_publication_date',
  'dcterms.issued',
  'weibo:article:create_at'
]
// Dates that say only "date": CMSs such as TYPO3 fill them with the page's last change, so a date
// printed by the headline is the better witness.
export const undatedMetaKeys = [
  'dc.date',
  'dcterms.date',
  'date',
  'dcterms.created',
  'dcterms.available'
]
export const authorMetaKeys = [
  'author',
  'article:author',
  'dc.creator',
  'sailthru.author',
  'parsely-author',
  'byl',
  'citation_author',
  'shareaholic:article_author_name'
]

// Yoast's summary cards: `twitter:label1` "Verfasst von" with `twitter:data1` the author's name.
const authorLabel =
  /^(?:written by|author|by|verfasst von|geschrieben von|autor(?:in)?|écrit par|auteur|escrito por|autor|scritto da|door)$/i

export function labelledAuthor(meta: Map<string, string[]>): string | null {
  for (let index = 1; index <= 4; index += 1) {
    const label = meta.get(`twitter:label${index}`)?.[0]
    if (label && authorLabel.test(label.trim()))
      return meta.get(`twitter:data${index}`)?.[0] ?? null
  }
  return null
}

function splitKeywords(value: string): string[] {
  return value
    .split(/[,，;；、|]/)
    .map((word) => word.trim())
    .filter(Boolean)
}

// Keyword lists over 20 entries are SEO stuffing, not tags a reader would pick.
const maximumKeywords = 20

export function collectKeywords(meta: Map<string, string[]>, jsonLdKeywords: string[]): string[] {
  const words = [
    ...(meta.get('keywords') ?? []).flatMap(splitKeywords),
    ...(meta.get('article:tag') ?? []),
    ...(meta.get('news_keywords') ?? []).flatMap(splitKeywords),
    ...jsonLdKeywords
  ]
  const seen = new Map<string, string>()
  for (const word of words) {
    const key = word.toLowerCase()
    if (word.length <= 50 && !seen.has(key)) seen.set(key, word)
  }
  return Array.from(seen.values()).slice(0, maximumKeywords)
}

export function documentDirection(document: Document): 'ltr' | 'rtl' | null {
  const value = (
    document.documentElement?.getAttribute('dir') ??
    document.body?.getAttribute('dir') ??
    ''
  ).toLowerCase()
  return value === 'rtl' || value === 'ltr' ? value : null
}

export function documentLanguage(
  document: Document,
  meta: Map<string, string[]>,
  jsonLdLanguage: string | null
): string | null {
  const value =
    document.documentElement?.getAttribute('lang') ??
    document.documentElement?.getAttribute('xml:lang') ??
    firstMeta(meta, ['content-language', 'language', 'dc.language']) ??
    jsonLdLanguage ??
    firstMeta(meta, ['og:locale'])?.replace('_', '-')
  return value?.trim() || null
}
