/**
 * The publication date: the candidates the page declares or prints (metadata, `<time>`, hAtom
 * microformats, the lines by the headline), and the choice between them.
 */
import { textOf } from '../dom'
import { chineseDate } from './chinese'
import { dateFromUrl, findDateInText, findDateMatch, parseDate } from './dates'
import type { HeadlineContext } from './headline'
import { dateMetaKeys, firstMeta, undatedMetaKeys } from './meta-tags'
import type { PageSources } from './sources'

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

export function timeElementDate(document: Document): number | null {
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
export function microformatDate(document: Document): number | null {
  for (const kind of ['published', 'updated']) {
    const element = Array.from(document.querySelectorAll(`[class~="${kind}"][title]`)).find(
      (candidate) => !inOtherContent(candidate)
    )
    const epoch = parseDate(element?.getAttribute('title'))
    if (epoch !== null) return epoch
  }
  return null
}

// A date printed just above the headline (kicker lines) still counts: 300 characters.
const headlineLookBehind = 300

/** The page text from just before the headline on: dates above it belong to navigation. */
export function textFromHeadline(document: Document, bodyText: string): string {
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
export function dateByHeadline(context: HeadlineContext, lang: string | null): number | null {
  const below = findDateMatch(context.after, { shortForms: true, lang })
  const above = dateAbove(context.before, lang)
  if (below && above && below.index > bylineBlockLength && above.distance < below.index) {
    return above.epoch
  }
  return below?.epoch ?? above?.epoch ?? null
}

export interface DateCandidates {
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
export function chooseDate(dates: DateCandidates): number | null {
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

/** The page's publication date; `context` is the text by its headline. */
export function readPublishedDate(
  sources: PageSources,
  context: HeadlineContext | null
): number | null {
  const { document, meta, jsonLd, pageUrl, bodyText } = sources
  const declaredDates = [
    parseDate(jsonLd.datePublished),
    parseDate(firstMeta(meta, dateMetaKeys)),
    parseDate(jsonLd.dateCreated)
  ]
  return chooseDate({
    declared: declaredDates.find((date) => date !== null) ?? null,
    otherDeclared: declaredDates,
    undated: parseDate(firstMeta(meta, undatedMetaKeys)),
    printed: context ? dateByHeadline(context, sources.lang) : null,
    time: () => timeElementDate(document),
    microformat: () => microformatDate(document),
    fromChineseText: () => chineseDate(bodyText),
    fromUrl: () => dateFromUrl(pageUrl),
    fromText: () =>
      findDateInText(textFromHeadline(document, bodyText())) ?? findDateInText(bodyText())
  })
}
