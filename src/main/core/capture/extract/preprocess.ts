/**
 * Clean-up before Readability scores the page: remove what a reader never sees (hidden elements)
 * and the page furniture that Readability sometimes keeps (share bars, cookie banners, newsletter
 * blurbs, breadcrumbs, related-article lists). Each rule was kept only if it raised F1 on the
 * corpora in bench/extract.ts.
 */
import { Readability } from '@mozilla/readability'
import { textOf } from './dom'

const hiddenStyle = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i

/** Elements the page hides from every reader (and that search engines are told to skip). */
export function removeHiddenElements(document: Document): void {
  const body = document.body
  if (!body) return
  for (const element of Array.from(
    body.querySelectorAll('[hidden], [aria-hidden="true"], [style]')
  )) {
    if (!element.isConnected) continue
    if (isHidden(element) && !containsArticleImage(element)) element.remove()
  }
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true
  if (element.getAttribute('aria-hidden') === 'true') {
    // Icons and decorative copies are aria-hidden; a long text block rarely is on purpose (some
    // sites mark the whole article aria-hidden behind a modal), 200 characters keeps those.
    return textOf(element).length < 200
  }
  return hiddenStyle.test(element.getAttribute('style') ?? '')
}

function containsArticleImage(element: Element): boolean {
  // Lazy-loading scripts hide image wrappers until they scroll into view.
  return (
    element.tagName === 'IMG' ||
    element.tagName === 'FIGURE' ||
    element.querySelector('figure') !== null
  )
}

// Class/id words of page furniture. Matched on whole words of the attribute so that "shared" or
// "breadcrumbs-free-article" do not match by accident.
const furniturePattern =
  /(^|[\s_-])(share|sharing|social|socials|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|breadcrumb|breadcrumbs|related|recommended|recirculation|outbrain|taboola|promo|advert|advertisement|ad-slot|adslot|sponsored|paywall|signup|sign-up|print-only|skip-link)($|[\s_-])/i
// Reader comments: a rule of their own, to measure them apart (Readability's test pages and
// trafilatura's annotations count some comment threads as content; scrapinghub's never).
const commentPattern = /(^|[\s_-])(comments?|disqus)($|[\s_-])/i
// The article itself is never removed: containers that hold most of the page's text are safe.
const furnitureTextLimit = 600

/** Removes small blocks whose class or id names them as furniture. */
export function removeFurniture(document: Document, options: { comments?: boolean } = {}): void {
  const body = document.body
  if (!body) return
  const removeComments = options.comments ?? true
  for (const element of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!element.isConnected || element.tagName === 'BODY' || element.tagName === 'ARTICLE')
      continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!furniturePattern.test(names) && !(removeComments && commentPattern.test(names))) continue
    // Syntax highlighters mark code comments with a "comment" class: they are the article's.
    if (element.closest('pre, code')) continue
    if (textOf(element).length <= furnitureTextLimit && !holdsEmbeddedPost(element))
      element.remove()
  }
}

// Posts quoted from social networks, as their embed code writes them: a <blockquote> with the
// network's class.
const embeddedPostClass = /(^|\s)(twitter-tweet|instagram-media|tiktok-embed|reddit-card)($|\s)/

function isEmbeddedPost(element: Element): boolean {
  return (
    element.tagName === 'BLOCKQUOTE' && embeddedPostClass.test(element.getAttribute('class') ?? '')
  )
}

/**
 * A "social-media-embed" wrapper holds a post the article quotes (a tweet it discusses), not a
 * share bar.
 */
function holdsEmbeddedPost(element: Element): boolean {
  return (
    isEmbeddedPost(element) ||
    Array.from(element.querySelectorAll('blockquote')).some(isEmbeddedPost)
  )
}

/**
 * Readability drops a tweet the article quotes when the embed's wrapper `<div>` looks like
 * furniture to it (a "social-media-embed" class, the links of the tweet's signature); it never
 * drops a `<blockquote>` itself. Wrappers that hold only an embedded post are unwrapped.
 */
export function keepEmbeddedPosts(document: Document): void {
  for (const post of Array.from(document.querySelectorAll('blockquote'))) {
    if (!isEmbeddedPost(post)) continue
    const text = textOf(post)
    if (!text) continue
    let wrapper = post.parentElement
    while (wrapper && wrapper.tagName === 'DIV' && textOf(wrapper) === text) {
      const parent = wrapper.parentElement
      wrapper.replaceWith(...Array.from(wrapper.childNodes))
      wrapper = parent
    }
  }
}

/**
 * MathJax wraps each formula in custom elements (`<mjx-container class="MathJax
 * CtxtMenu_Attached_0">`) that Readability drops: their class says "menu", and it does not take
 * an unknown element for text inside a paragraph. Wrappers that hold only a formula become plain
 * `<span>`s, so the formula stays in its sentence.
 */
export function keepFormulas(document: Document): void {
  for (const math of Array.from(document.querySelectorAll('math'))) {
    const text = textOf(math)
    let wrapper = math.parentElement
    while (wrapper && wrapper.tagName !== 'BODY' && textOf(wrapper) === text) {
      const parent = wrapper.parentElement
      if (wrapper.tagName.includes('-')) {
        const span = document.createElement('span')
        span.append(...Array.from(wrapper.childNodes))
        wrapper.replaceWith(span)
      } else {
        wrapper.removeAttribute('class')
        wrapper.removeAttribute('id')
      }
      wrapper = parent
    }
  }
}

/** Runs every pre-processing rule in order. */
export function preprocessDocument(
  document: Document,
  options: { disabledRules?: readonly string[] } = {}
): void {
  const enabled = (name: string): boolean => !options.disabledRules?.includes(name)
  if (enabled('hidden')) removeHiddenElements(document)
  if (enabled('noscript')) unwrapNoscriptContent(document)
  if (enabled('article-asides')) unwrapArticleAsides(document)
  if (enabled('unlikely-wrappers')) keepUnlikelyWrappers(document)
  // Leads first: the headline they follow is sometimes inside furniture (a breadcrumb bar).
  if (enabled('leads')) moveLeadsIntoBody(document)
  if (enabled('furniture')) removeFurniture(document, { comments: enabled('comments') })
  if (enabled('embedded-posts')) keepEmbeddedPosts(document)
  if (enabled('formulas')) keepFormulas(document)
}

// Class/id words of an article's lead paragraph (standfirst, dek, teaser, chapô, bajada).
const leadPattern =
  /(^|[\s_-])(lead|lede|intro|intro-?text|teaser|teaser-?text|standfirst|dek|deck|subtitle|sub-?headline|summary|abstract|chapo|bajada|excerpt|description|article-?lead|article-?intro)($|[\s_-])/i
// Descriptions that are not the article's: the site's tagline, an author's bio, a teaser card, an
// image's caption.
const notLeadPattern =
  /author|bio|site|widget|card|logo|brand|newsletter|related|footer|profile|asset|image|img|photo|media|video|caption|credit|consent|cookie|dsgvo|gdpr/i
const leadOutside = 'nav, aside, footer, figure, li, form, a, button'
// A lead is a sentence or a short paragraph; a long block with a lead class is a whole section.
const leadMinimumLength = 30
const leadMaximumLength = 600
// How far up from the lead to look for the article's first paragraph: sites put the lead in a
// header beside the body container, one to four levels apart.
const leadSearchDepth = 4
const bodyParagraphLength = 100

/**
 * Sites put the lead paragraph in the article header, next to the body container; Readability
 * keeps the body and drops the header (or scores the lead's block too low to join it). Moving the
 * lead to just before the body's first paragraph keeps it, in reading order. One lead per page: the
 * first one between the headline and the body's first long paragraph (teaser cards later in the
 * page are not leads).
 */
export function moveLeadsIntoBody(document: Document): void {
  const body = document.body
  const headline = body
    ? Array.from(body.querySelectorAll('h1')).find((heading) => textOf(heading))
    : undefined
  if (!body || !headline) return
  const leads = Array.from(body.querySelectorAll('[class], [id]')).filter(isLeadCandidate)
  if (leads.length === 0) return
  // Document order by index (linkedom's compareDocumentPosition does not give it).
  const order = new Map(
    Array.from(body.querySelectorAll('*'), (element, index) => [element, index])
  )
  const position = (element: Element): number => order.get(element) ?? -1
  const headlinePosition = position(headline)
  // Paragraphs in document order; whether one is the body's is read only when needed (it costs
  // the paragraph's text), and once.
  const paragraphs = Array.from(body.querySelectorAll('p'))
  const verdicts = new Map<Element, boolean>()
  const isBody = (paragraph: Element): boolean => {
    let verdict = verdicts.get(paragraph)
    if (verdict === undefined) verdicts.set(paragraph, (verdict = isBodyParagraph(paragraph)))
    return verdict
  }
  // The body starts at the first long paragraph after the headline that is not a lead itself.
  const bodyStart = paragraphs.find(
    (paragraph) =>
      position(paragraph) > headlinePosition &&
      !leads.some((lead) => lead.contains(paragraph)) &&
      isBody(paragraph)
  )
  if (!bodyStart) return
  // The innermost candidate: an "intro" block may wrap the "intro-text" paragraph and more.
  const lead = leads.find(
    (candidate) =>
      position(candidate) > headlinePosition &&
      position(candidate) < position(bodyStart) &&
      !leads.some((other) => other !== candidate && candidate.contains(other))
  )
  if (!lead) return
  const container = firstBodyParagraphAfter(lead, paragraphs, position, isBody)?.parentElement
  if (!container || container === body || container.contains(lead)) return
  // Just before the body's container, as a paragraph: Readability keeps a long paragraph beside
  // the block it chooses, and the blocks' scores (so its choice) stay as they were.
  const paragraph = leadParagraph(lead, document)
  if (paragraph && paragraph.nextElementSibling !== container) container.before(paragraph)
}

const blockSelector = 'p, div, section, article, ul, ol, table, blockquote, h1, h2, h3, h4, h5, h6'

/** The lead as one `<p>`: itself, its only paragraph, or its inline content in a new one. */
function leadParagraph(lead: Element, document: Document): Element | null {
  if (lead.tagName === 'P') return lead
  const paragraphs = lead.querySelectorAll('p')
  if (paragraphs.length === 1 && textOf(paragraphs[0]).length === textOf(lead).length)
    return paragraphs[0]
  if (lead.querySelector(blockSelector)) return null
  const paragraph = document.createElement('p')
  const names = lead.getAttribute('class')
  if (names) paragraph.setAttribute('class', names)
  paragraph.append(...Array.from(lead.childNodes))
  lead.replaceWith(paragraph)
  return paragraph
}

function isLeadCandidate(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
  if (!leadPattern.test(names) || notLeadPattern.test(names)) return false
  if (element.closest(leadOutside) || element.querySelector('h1, img, picture, video')) return false
  const text = textOf(element)
  if (text.length < leadMinimumLength || text.length > leadMaximumLength) return false
  return linkTextLength(element) <= text.length * 0.3
}

/**
 * A paragraph of the article's body: long, and not in a caption, a teaser, a list or the page's
 * furniture.
 */
function isBodyParagraph(paragraph: Element): boolean {
  if (paragraph.closest(leadOutside)) return false
  const parent = paragraph.parentElement
  const names = parent
    ? `${parent.getAttribute('class') ?? ''} ${parent.getAttribute('id') ?? ''}`
    : ''
  if (notLeadPattern.test(names) || leadPattern.test(names) || /descri/i.test(names)) return false
  return textOf(paragraph).length >= bodyParagraphLength
}

function linkTextLength(element: Element): number {
  let length = 0
  for (const link of Array.from(element.querySelectorAll('a'))) length += textOf(link).length
  return length
}

/** The first body paragraph after `lead` within a few ancestors of it. */
function firstBodyParagraphAfter(
  lead: Element,
  paragraphs: Element[],
  position: (element: Element) => number,
  isBody: (paragraph: Element) => boolean
): Element | null {
  const leadPosition = position(lead)
  let ancestor: Element | null = lead.parentElement
  for (let depth = 0; ancestor && depth < leadSearchDepth; depth += 1) {
    if (ancestor.tagName === 'BODY') return null
    const scope = ancestor
    // The first one inside `scope` after the lead (paragraphs are in document order).
    const found = paragraphs.find(
      (paragraph) =>
        position(paragraph) > leadPosition &&
        !lead.contains(paragraph) &&
        scope.contains(paragraph) &&
        isBody(paragraph)
    )
    if (found) return found
    ancestor = ancestor.parentElement
  }
  return null
}

// A `<noscript>` with this much text is the page's content for readers without JavaScript, not a
// "please enable JavaScript" notice.
const noscriptArticleLength = 200

/**
 * Pages that render with JavaScript (Blogger, some news sites) put the article in `<noscript>` for
 * readers without it; Readability drops every `<noscript>`. A text-rich one whose text the page
 * does not already show is unwrapped in place.
 */
export function unwrapNoscriptContent(document: Document): void {
  const body = document.body
  if (!body) return
  for (const noscript of Array.from(body.querySelectorAll('noscript'))) {
    if (!noscript.isConnected || !noscript.querySelector('p')) continue
    const text = textOf(noscript)
    if (text.length < noscriptArticleLength) continue
    if (!aboutTitle(text, document.title)) continue
    const sample = text.slice(0, 80)
    const shown = textOf(body).replace(text, '')
    if (shown.includes(sample)) continue
    noscript.replaceWith(...Array.from(noscript.childNodes))
  }
}

/**
 * True when `text` uses most of the title's words: the article rather than a cookie notice or a
 * "turn on JavaScript" page, which are long too.
 */
function aboutTitle(text: string, title: string): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []
  if (words.length === 0) return false
  const lower = text.toLowerCase()
  return words.filter((word) => lower.includes(word)).length * 2 >= words.length
}

const { unlikelyCandidates, okMaybeItsACandidate } = (
  Readability.prototype as unknown as { REGEXPS: Record<string, RegExp> }
).REGEXPS

/**
 * Readability deletes every element whose class or id sounds like furniture ("above-footer",
 * "header-wrap", "extra-content") before it scores the page, and tries again without that step
 * only when it finds under 500 characters. A template that wraps the whole article in such an
 * element loses it to a 600-character box beside it (thepointsguy.com: `div.above-footer`). A
 * wrapper that holds the headline (the only `<h1>`) and most of the page's paragraphs is the
 * article's: it loses the misleading class and id (kept as data attributes).
 */
export function keepUnlikelyWrappers(document: Document): void {
  const body = document.body
  if (!body) return
  const headlines = body.getElementsByTagName('h1')
  const paragraphs = body.getElementsByTagName('p')
  if (headlines.length !== 1 || paragraphs.length < 3) return
  for (let node = headlines[0].parentElement; node && node !== body; node = node.parentElement) {
    const words = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`
    if (!unlikelyCandidates.test(words) || okMaybeItsACandidate.test(words)) continue
    if (node.getElementsByTagName('p').length * 4 < paragraphs.length * 3) continue
    for (const name of ['class', 'id']) {
      const value = node.getAttribute(name)
      if (value === null) continue
      node.setAttribute(`data-folio-${name}`, value)
      node.removeAttribute(name)
    }
  }
}

/**
 * Some templates wrap the whole article in `<aside>` (rnz.de: `<aside><section><article
 * itemprop=articleBody>`); Readability deletes every `<aside>` in what it keeps, so the article
 * comes out empty. An `<aside>` holding the article's body becomes a `<div>`.
 */
export function unwrapArticleAsides(document: Document): void {
  const body = document.body
  if (!body) return
  for (const aside of Array.from(body.querySelectorAll('aside'))) {
    if (!aside.isConnected) continue
    if (!aside.querySelector('[itemprop="articleBody"], [itemprop="text"]')) continue
    const div = document.createElement('div')
    for (const attribute of Array.from(aside.attributes)) {
      div.setAttribute(attribute.name, attribute.value)
    }
    div.append(...Array.from(aside.childNodes))
    aside.replaceWith(div)
  }
}
