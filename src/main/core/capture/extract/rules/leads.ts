/** The article's lead paragraph, moved from its header to the body Readability keeps. */
import { textOf } from '../dom'
import type { PreRule } from './rule'

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

export const leads: PreRule = { name: 'leads', stage: 'pre', apply: moveLeadsIntoBody }
