/**
 * Page metadata read before extraction (Readability changes the document): JSON-LD, OpenGraph,
 * `<meta>` tags, `<time>` and the "发布时间：… 作者：…" lines of Chinese news sites.
 */
import { documentBaseUrl, resolveUrl, textOf } from './dom'
import {
  bylineFromMarkup,
  bylinesFromLines,
  cleanByline,
  commentSection,
  creditedByline,
  homeLinkedAuthors,
  isOrganization,
  isPhrase,
  isSiteName,
  offSiteSocialLink,
  siteOwner
} from './byline'
import { dateFromUrl, findDateInText, findDateMatch, parseDate } from './dates'
import { parseJsonLd } from './json-ld'
import { findHeadline, type HeadlineContext, headlineContext, pageLines } from './headline'

export interface PageMetadata {
  title: string | null
  byline: string | null
  siteName: string | null
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  publishedAt: number | null
  canonicalUrl: string | null
  leadImageUrl: string | null
  keywords: string[]
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

/** "edilson.la.rosa", "christian-stadtfeld": a CMS account, not a name as printed. */
const isAccountName = (name: string): boolean => /^[\p{Ll}\d]+(?:[._-][\p{Ll}\d]+)+$/u.test(name)

const letters = (name: string): string => name.toLowerCase().replace(/[^\p{L}]+/gu, '')

/**
 * The page's spelling of an account name: "Edilson La Rosa" for the "edilson.la.rosa" a CMS put
 * in `<meta name=author>`.
 */
function sameNameSpelledOut(byline: string | null, printed: (string | null)[]): string | null {
  if (!byline || !isAccountName(byline)) return null
  return printed.find((name) => name && letters(name) === letters(byline)) ?? null
}

/** All `<meta>` values by lower-cased name/property/itemprop, in document order. */
function collectMeta(document: Document): Map<string, string[]> {
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

function firstMeta(meta: Map<string, string[]>, keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key)?.[0]
    if (value) return value
  }
  return null
}

const dateMetaKeys = [
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
const undatedMetaKeys = ['dc.date', 'dcterms.date', 'date', 'dcterms.created', 'dcterms.available']
const authorMetaKeys = [
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

function labelledAuthor(meta: Map<string, string[]>): string | null {
  for (let index = 1; index <= 4; index += 1) {
    const label = meta.get(`twitter:label${index}`)?.[0]
    if (label && authorLabel.test(label.trim()))
      return meta.get(`twitter:data${index}`)?.[0] ?? null
  }
  return null
}

// GNE-style lines: "发布时间：2019-09-07 16:28", "作者：张三", "责任编辑：李四".
const chineseDatePattern =
  /(?:发布时间|发布日期|发表时间|时间|日期|发布于)\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)?)/
const looseDatePattern =
  /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)/
// The label starts a word: "王文：中美贸易…" is the columnist 王文 and a title, not "文：" (text by);
// a role may sit between the label and the name ("文/观察者网专栏作者 王文").
// A label right after another ("作者：责任编辑：肖春芳") names nobody.
const chineseAuthorPattern =
  /(?<!\p{Script=Han})(?:作者|责任编辑|责编|编辑|记者|撰文|文)\s*[:：丨|/]\s*(?:[\u4e00-\u9fa5]{0,12}(?:作者|记者|通讯员)\s+)?(?!作者|责任编辑|责编|编辑|记者|来源)([\u4e00-\u9fa5·]{2,20}|[A-Za-z·]{2,20})/u

function chineseByline(bodyText: () => string): string | null {
  return bodyText().match(chineseAuthorPattern)?.[1] ?? null
}

// "来源：新华网": the agency or paper a story comes from, which Chinese sites print where no
// journalist is named.
const chineseSourcePattern =
  /(?<!\p{Script=Han})来源\s*[:：]\s*(?!作者|责任编辑|责编|编辑|记者)([\u4e00-\u9fa5·]{2,20})/u

function chineseSource(bodyText: () => string): string | null {
  return bodyText().match(chineseSourcePattern)?.[1] ?? null
}

const isChinesePage = (document: Document): boolean =>
  /\p{Script=Han}{4}/u.test(document.title ?? '')

function chineseDate(bodyText: () => string): number | null {
  const text = bodyText()
  return parseDate(text.match(chineseDatePattern)?.[1] ?? text.match(looseDatePattern)?.[1])
}

// Dates in sidebars, footers and comment threads belong to other articles or to readers; those in
// quotes (embedded tweets and Instagram posts) to the quoted post; a navigation bar's is today's.
const otherContent =
  'aside, footer, nav, blockquote, [class*="sidebar"], [id*="sidebar"], [class*="widget"], [class*="comment"], [id*="comment"], [class*="related"], [class^="nav"], [id^="nav"]'

// React renders `<time dateTime>`, and linkedom keeps the attribute's case, which a CSS
// `[datetime]` selector does not match.
const timeAttribute = (element: Element): string | null =>
  element.getAttribute('datetime') ?? element.getAttribute('dateTime')

// Themes mark the whole page: `<body class="has-sidebar">`, `no-sidebars`. Only an element inside
// the page is another's content.
function inOtherContent(element: Element): boolean {
  const other = element.closest(otherContent)
  if (other === null || other.localName === 'body' || other.localName === 'html') return false
  // An `<aside class="meta">` inside the article is its own date-and-author box.
  return !(
    other.localName === 'aside' &&
    /\bmeta\b/.test(other.className) &&
    other.closest('article')
  )
}

function timeElementDate(document: Document): number | null {
  const times = Array.from(document.querySelectorAll('time, [itemprop="datePublished"]')).filter(
    (time) => (time.localName !== 'time' || timeAttribute(time) !== null) && !inOtherContent(time)
  )
  const preferred = times.find((time) => time.hasAttribute('pubdate')) ?? times[0]
  if (!preferred) return null
  return parseDate(
    timeAttribute(preferred) ?? preferred.getAttribute('content') ?? textOf(preferred)
  )
}

// hAtom marks a post's dates with classes and, by the abbr-design pattern, an ISO date in `title`:
// `<span class="updated" title="2013-04-04T18:52:11+00:00">`. The published date first.
function microformatDate(document: Document): number | null {
  for (const kind of ['published', 'updated']) {
    const element = Array.from(document.querySelectorAll(`[class~="${kind}"][title]`)).find(
      (candidate) => !inOtherContent(candidate)
    )
    const epoch = parseDate(element?.getAttribute('title'))
    if (epoch !== null) return epoch
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

function collectKeywords(meta: Map<string, string[]>, jsonLdKeywords: string[]): string[] {
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

function documentDirection(document: Document): 'ltr' | 'rtl' | null {
  const value = (
    document.documentElement?.getAttribute('dir') ??
    document.body?.getAttribute('dir') ??
    ''
  ).toLowerCase()
  return value === 'rtl' || value === 'ltr' ? value : null
}

function documentLanguage(
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

/**
 * The name an account stands for, as the page prints it: "Christian P. Stadtfeld" for the
 * "christian.stadtfeld" a CMS declares as the author. Else the account itself.
 */
function spelledOutAccount(byline: string, bodyText: () => string): string {
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
const unlessPhrase = (name: string | null): string | null => (name && !isPhrase(name) ? name : null)

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
function pickByline(
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

// A date printed just above the headline (kicker lines) still counts: 300 characters.
const headlineLookBehind = 300

/** The page text from just before the headline on: dates above it belong to navigation. */
function textFromHeadline(document: Document, bodyText: string): string {
  const headline = textOf(document.querySelector('h1'))
  const index = headline ? bodyText.indexOf(headline) : -1
  return index < 0 ? bodyText : bodyText.slice(Math.max(0, index - headlineLookBehind))
}

/** The last date in the lines above the headline, and how far it is from the headline. */
function dateAbove(
  before: string,
  lang: string | null
): { epoch: number; distance: number } | null {
  const lines = before.split('\n')
  let end = before.length
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const start = end - lines[index].length
    const match = findDateMatch(lines[index], { shortForms: true, lang })
    if (match) return { epoch: match.epoch, distance: before.length - (start + match.index) }
    end = start - 1
  }
  return null
}

// The byline and date lines right under a headline fit in 80 characters.
const bylineBlockLength = 80

/**
 * The date printed next to the headline: one in the byline lines right under it; else the nearest,
 * below or above. Further down the header block come other dates ("Erscheinungsdatum" of a
 * reviewed book, a date in the standfirst), while a kicker line right above the headline
 * ("Samstag, 9. September 2017") is the post's date.
 */
function dateByHeadline(context: HeadlineContext, lang: string | null): number | null {
  const below = findDateMatch(context.after, { shortForms: true, lang })
  const above = dateAbove(context.before, lang)
  if (below && above && below.index > bylineBlockLength && above.distance < below.index) {
    return above.epoch
  }
  return below?.epoch ?? above?.epoch ?? null
}

interface DateCandidates {
  /** JSON-LD `datePublished` or a publication-date `<meta>`: the publication instant. */
  declared: number | null
  /** The other publication dates declared (JSON-LD's or the `<meta>`'s when both give one). */
  otherDeclared: (number | null)[]
  /** A `<meta name=date>` or `dc.date`: the publication or the last change. */
  undated: number | null
  /** The date printed by the headline. */
  printed: number | null
  // The fallbacks read the whole page's text: only computed when needed.
  /** A `<time datetime>` in the page, outside sidebars and comments. */
  time: () => number | null
  /** An hAtom `published` or `updated` element's `title`. */
  microformat: () => number | null
  fromChineseText: () => number | null
  fromUrl: () => number | null
  fromText: () => number | null
}

const utcDay = (epoch: number): string => new Date(epoch).toISOString().slice(0, 10)
// Time-zone offsets reach 14 hours: the publisher's day is at most one day from UTC's.
const oneDay = 24 * 60 * 60 * 1000

/** A date that one of the page's own dates agrees with, to the day. */
function corroborated(date: number | null, witnesses: (number | null)[]): number | null {
  if (date === null) return null
  return witnesses.some((witness) => witness !== null && utcDay(witness) === utcDay(date))
    ? date
    : null
}

/**
 * Metadata dates come first; but when the page prints, by its headline, the day before or after
 * the declared instant's UTC day, the printed day is the publisher's: CMSs often declare the
 * instant in UTC (`2020-02-25T02:25:54Z`) for a story the page dates 24 February, New York time.
 */
function chooseDate(dates: DateCandidates): number | null {
  const { declared, printed } = dates
  if (
    declared !== null &&
    printed !== null &&
    utcDay(declared) !== utcDay(printed) &&
    Math.abs(declared - printed) < 2 * oneDay
  ) {
    return printed
  }
  if (declared !== null) {
    // JSON-LD and `<meta>` can disagree (one of them a copy's or an update's date): the one the
    // page prints by its headline.
    const printedDeclared = corroborated(printed, dates.otherDeclared)
    if (printedDeclared !== null && corroborated(declared, [printed]) === null) {
      return printedDeclared
    }
    // A `<time>` the page's text agrees with, against a declared date nothing on the page shows:
    // the declared one is the CMS's (an import or a re-publication), the printed one the reader's.
    const time = printed === null ? dates.time() : null
    if (time !== null && utcDay(time) !== utcDay(declared)) {
      const text = dates.fromText()
      if (corroborated(time, [text]) !== null && corroborated(declared, [text]) === null) {
        return time
      }
    }
  }
  return (
    declared ??
    corroborated(dates.undated, [dates.time(), printed]) ??
    dates.time() ??
    printed ??
    dates.undated ??
    dates.microformat() ??
    dates.fromChineseText() ??
    dates.fromUrl() ??
    dates.fromText()
  )
}

// Where templates put a person's name: a page with any of these has an author we did not find,
// and its site is not the author.
const authorMarkup = [
  '[class*="author"]',
  '[class*="byline"]',
  '[class*="username"]',
  '[class*="submitted"]',
  '[rel="author"]',
  '[itemprop="author"]',
  'a[href*="/author"]',
  'a[href*="/autor"]',
  'a[href*="/user"]',
  'a[href*="/profile"]',
  'a[href*="/staff"]',
  'a[href*="/member"]'
].join(', ')

function hasAuthorMarkup(document: Document, hostname: string): boolean {
  return Array.from(document.querySelectorAll(authorMarkup)).some(
    (element) =>
      !element.closest(commentSection) &&
      !offSiteSocialLink(element.getAttribute('href') ?? '', hostname) &&
      textOf(element) !== ''
  )
}

/**
 * The site as the author of a page that names none: the site's name where it matches the address
 * (og:site_name, application-name, publisher, the title's last part), unless the page has author
 * markup, whose author we could not read.
 */
function ownSiteAuthor(
  document: Document,
  siteNames: (string | null)[],
  hostname: string
): string | null {
  const owner = siteOwner([...siteNames.slice(0, 3), titleSiteName(document.title)], hostname)
  return owner && !hasAuthorMarkup(document, hostname) ? owner : null
}

/** The site's name that ends a document title: "Nachhaltiger leben | Greenpeace". */
function titleSiteName(title: string | null | undefined): string | null {
  const parts = (title ?? '').split(/\s+[|–—·-]\s+|\s+::\s+/)
  return parts.length > 1 ? parts[parts.length - 1].trim() || null : null
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

export function readMetadata(document: Document, pageUrl: string): PageMetadata {
  const meta = collectMeta(document)
  const jsonLd = parseJsonLd(document)
  const baseUrl = documentBaseUrl(document, pageUrl)
  const absolute = (value: string | null): string | null =>
    value ? resolveUrl(value, baseUrl) : null
  // The body text is only needed when no metadata names the author or date (~1 ms a page).
  let cachedText: string | null = null
  const bodyText = (): string =>
    (cachedText ??= (document.body?.textContent ?? '').replace(/\s+/g, ' '))
  const title = jsonLd.headline ?? firstMeta(meta, ['og:title', 'twitter:title', 'dc.title'])
  const lang = documentLanguage(document, meta, jsonLd.language)
  const printedDate = (): number | null => (context ? dateByHeadline(context, lang) : null)
  const siteNames = [
    firstMeta(meta, ['og:site_name']),
    firstMeta(meta, ['application-name']),
    jsonLd.publisher,
    firstMeta(meta, ['publisher', 'dc.publisher', 'article:publisher'])
  ]
  const hostname = hostnameOf(pageUrl)
  if (hostname) siteNames.push(hostname)
  // "Achtsam durch die Krise | Die FURCHE": an og:site_name that carries the page's title.
  const siteNameParts = siteNames[0]?.split(/\s+\|\s+/) ?? []
  if (siteNameParts.length > 1) siteNames.push(...siteNameParts)
  const isSite = (name: string): boolean => isSiteName(name, siteNames)
  // A company as author is a last resort: a person named by the headline or in a credit is better.
  const notPerson = (name: string): boolean => isSite(name) || isOrganization(name)
  const context = headlineContext(findHeadline(document, title, isSite))
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
  const credited = credit && !isOrganization(credit) ? credit : null
  // "Herausgeber: Nordex SE" on a press release: the company, when no person is named.
  const creditedCompany = credit && isOrganization(credit) ? credit : null
  const declaredDates = [
    parseDate(jsonLd.datePublished),
    parseDate(firstMeta(meta, dateMetaKeys)),
    parseDate(jsonLd.dateCreated)
  ]
  const canonical =
    document.querySelector('link[rel="canonical"][href]')?.getAttribute('href') ?? null
  return {
    title,
    byline,
    siteName: firstMeta(meta, ['og:site_name', 'application-name']) ?? jsonLd.publisher,
    lang,
    dir: documentDirection(document),
    excerpt:
      firstMeta(meta, ['description', 'og:description', 'twitter:description']) ??
      jsonLd.description,
    publishedAt: chooseDate({
      declared: declaredDates.find((date) => date !== null) ?? null,
      otherDeclared: declaredDates,
      undated: parseDate(firstMeta(meta, undatedMetaKeys)),
      printed: printedDate(),
      time: () => timeElementDate(document),
      microformat: () => microformatDate(document),
      fromChineseText: () => chineseDate(bodyText),
      fromUrl: () => dateFromUrl(pageUrl),
      fromText: () =>
        findDateInText(textFromHeadline(document, bodyText())) ?? findDateInText(bodyText())
    }),
    canonicalUrl: absolute(canonical) ?? absolute(firstMeta(meta, ['og:url'])),
    leadImageUrl: absolute(
      firstMeta(meta, ['og:image', 'og:image:url', 'twitter:image', 'twitter:image:src']) ??
        jsonLd.image
    ),
    keywords: collectKeywords(meta, jsonLd.keywords),
    ingredients: jsonLd.ingredients,
    baseUrl,
    markupByline,
    creditedByline: credited,
    nearbyName: ((name) => (name && !isSite(name) ? name : null))(lineBylines.bare),
    siteAuthor:
      unlessPhrase(cleanByline(jsonLd.author)) ??
      unlessPhrase(cleanByline(metaAuthor)) ??
      creditedCompany ??
      (isChinesePage(document) ? chineseSource(bodyText) : null),
    siteNames: siteNames.filter((name): name is string => !!name),
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
