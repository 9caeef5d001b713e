/**
 * Where the article's headline sits in the page. Dates and bylines printed right above or below
 * it belong to the article; the same patterns elsewhere on the page belong to navigation,
 * teasers, sidebars or comments.
 */
import { textOf } from '../dom'

export interface HeadlineContext {
  /** The last lines before the headline: kicker lines, "Published on …" above the title. */
  before: string
  headline: string
  /** The header lines under the headline: standfirst, byline and date block. */
  after: string
}

// A kicker or dateline above the title is a line or two: 200 characters, three lines.
const lookBehind = 200
const linesBehind = 3
// The block under a headline (standfirst, byline, date, share buttons) fits in 600 characters.
const lookAhead = 600

const inlineTags = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'CITE',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'MARK',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U'
])
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg'])

// Titles and headings spell the same dash differently: "Queer Royal – Über …", "Queer Royal - Über …".
const normalize = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * The page's headline element: the heading whose text is the longest part of the article's title,
 * since templates also wrap the logo or the blog's name in an `<h1>` (which the document title
 * repeats: "Post title | Blog name") and put each post's title in an `<h2>` or `<h3>`; else the
 * first `<h1>` that reads like a title. Headings that name the site are never the headline.
 */
export function findHeadline(
  document: Document,
  title: string | null,
  isSite: (text: string) => boolean = () => false
): Element | null {
  const wanted = normalize(`${title ?? ''} ${document.title ?? ''}`)
  const titleLength = (heading: Element): number => {
    const text = normalize(textOf(heading))
    return text.length >= 10 && wanted.includes(text) && !isSite(text) ? text.length : 0
  }
  const headings = Array.from(document.querySelectorAll('h1')).slice(0, 10)
  const subheadings = Array.from(document.querySelectorAll('h2, h3')).slice(0, 20)
  let best: Element | null = null
  let bestLength = 0
  for (const heading of [...headings, ...subheadings]) {
    const length = titleLength(heading)
    if (length > bestLength) {
      best = heading
      bestLength = length
    }
  }
  return best ?? headings.find((heading) => textOf(heading).length >= 10) ?? null
}

function nextInOrder(node: Node, root: Node): Node | null {
  if (node.firstChild && !skippedTags.has(node.nodeName)) return node.firstChild
  let current: Node | null = node
  while (current && current !== root) {
    if (current.nextSibling) return current.nextSibling
    current = current.parentNode
  }
  return null
}

function previousInOrder(node: Node): Node | null {
  if (!node.previousSibling) return node.parentNode
  let current = node.previousSibling
  while (current.lastChild && !skippedTags.has(current.nodeName)) current = current.lastChild
  return current
}

const isBlock = (node: Node): boolean => node.nodeType === 1 && !inlineTags.has(node.nodeName)
const textNode = 3

/** Text in document order from the headline on, with a line break between blocks. */
function linesAfter(headline: Element, limit: number): string {
  const root = headline.ownerDocument.body ?? headline.ownerDocument.documentElement
  let text = ''
  for (let node: Node | null = headline; node && text.length < limit;) {
    if (node.nodeType === textNode) text += node.textContent ?? ''
    else if (isBlock(node)) text += '\n'
    node = nextInOrder(node, root)
  }
  return text
}

/** Text in document order up to the headline, with a line break between blocks. */
function linesBefore(headline: Element, limit: number): string {
  const parts: string[] = []
  let length = 0
  for (let node = previousInOrder(headline); node && length < limit; node = previousInOrder(node)) {
    if (node.nodeName === 'BODY' || node.nodeName === 'HTML') break
    const part = node.nodeType === textNode ? (node.textContent ?? '') : isBlock(node) ? '\n' : ''
    // Ancestors come back on the way up; their text is already counted through their children.
    if (node.nodeType === textNode || !node.contains(headline)) parts.push(part)
    length += part.length
  }
  return parts.reverse().join('')
}

const tidy = (text: string): string =>
  text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()

// The header block is short lines; the first long paragraph is the article itself, and dates or
// names in it are events and people of the story.
const paragraphLength = 250

/** The headline's lines and the header lines under it, up to the article's first paragraph. */
function headerLines(text: string): string {
  const lines = text.split('\n')
  const body = lines.findIndex((line) => line.length > paragraphLength)
  return (body < 0 ? lines : lines.slice(0, body)).join('\n')
}

// Author credits sit at the end of long articles; 100,000 characters reach them on nearly all.
const pageTextLimit = 100_000

/** The page's text with a line break between blocks, for credits far from the headline. */
export function pageLines(document: Document): string {
  return document.body ? tidy(linesAfter(document.body, pageTextLimit)) : ''
}

export function headlineContext(headline: Element | null): HeadlineContext | null {
  if (!headline) return null
  const title = textOf(headline)
  const before = tidy(linesBefore(headline, lookBehind * 2))
    .split('\n')
    .slice(-linesBehind)
    .join('\n')
  const after = tidy(linesAfter(headline, lookAhead + title.length)).slice(title.length)
  return { before: before.slice(-lookBehind), headline: title, after: headerLines(after.trim()) }
}
