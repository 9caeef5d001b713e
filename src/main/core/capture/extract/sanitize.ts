/**
 * Sanitizing article HTML with DOMPurify on jsdom. DOMPurify's maintainers support only real
 * browsers and jsdom (cure53/DOMPurify#1457: other DOMs "will 100% have a bypass"), and on
 * linkedom `isSupported` is false and `sanitize` returns its input unchanged, so this one step pays
 * for a jsdom parse of the (small) article, not of the whole page.
 *
 * jsdom's cost is per node (each element carries a style object, event state and tree links), so
 * `trimForSanitizer` first drops, on the fast DOM, what DOMPurify would drop anyway (attributes
 * outside the allowlist) and the `<span>`s left with nothing to say: a third fewer nodes and
 * attributes to build in jsdom. That step is only an economy: DOMPurify still sees, and decides,
 * every remaining byte.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify'
import { JSDOM } from 'jsdom'
import { blockTags } from './text'

const allowedTags = [
  // DOMPurify walks from the <body> of the document it parses; its default list allows it, and
  // without it every sanitize deep-copies the whole article to hoist it out of a "forbidden"
  // body. Only the body's children are ever serialized, and a stray <body> tag in the input
  // cannot nest (the parser folds it into this one, whose attributes DOMPurify also filters).
  'body',
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr'
]
const allowedAttributes = [
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'lang',
  'dir',
  'colspan',
  'rowspan',
  'datetime',
  'start',
  'reversed',
  'scope',
  'headers',
  'abbr',
  'span'
]
// Absolute http(s) links only, plus mailto for links; everything was made absolute before.
const allowedUrl = /^(?:https?:|mailto:)/i
const httpUrl = /^https?:/i

let purifier: DOMPurify | null = null

function createPurifier(): DOMPurify {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>')
  const purify = createDOMPurify(window as unknown as Window & typeof globalThis)
  if (!purify.isSupported) throw new Error('DOMPurify does not support this DOM')
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Images load without a click: never from mailto: or anything but http(s).
    if (node.tagName === 'IMG' && !httpUrl.test(node.getAttribute('src') ?? '')) {
      node.remove()
    }
  })
  // Set once: parsing the configuration on every call cost a third of the sanitizing time.
  purify.setConfig({
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOWED_URI_REGEXP: allowedUrl,
    // Attributes that are not URLs: without this DOMPurify checks them against the URL pattern
    // above, and `dir="rtl"` or `width="10"` would be dropped.
    ADD_URI_SAFE_ATTR: allowedAttributes.filter((name) => name !== 'href' && name !== 'src'),
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM: true
  })
  return purify
}

const keptAttributes = new Set(allowedAttributes)
const textNode = 3
const blank = /^[ \t\n\f\r]*$/

function isBlock(node: Node): boolean {
  return node.nodeType === 1 && blockTags.has((node as Element).tagName)
}

/**
 * Removes, in place, what changes nothing a reader sees: attributes DOMPurify would remove,
 * `<span>`s without attributes (inline: same text and layout), and blank text between blocks
 * (a third of the nodes of a typical article). Works on any DOM; not a security step.
 */
export function trimForSanitizer(content: Element): void {
  // First: a formula's alttext goes with the attributes.
  keepMathText(content)
  for (const element of Array.from(content.querySelectorAll('*'))) {
    for (const name of element.getAttributeNames()) {
      if (!keptAttributes.has(name)) element.removeAttribute(name)
    }
    if (element.tagName === 'SPAN' && !element.hasAttributes()) {
      element.replaceWith(...Array.from(element.childNodes))
    }
  }
  removeBlankTextBetweenBlocks(content)
}

/**
 * DOMPurify removes `<math>` with everything in it (MathML is script-capable and not allowed
 * here), and formulas vanished from articles mid-sentence ("there are two solutions to and they
 * are"). Each formula becomes its text in a `<span>`: its `alttext` (often the TeX source) when
 * it has one, else the characters of its elements in order.
 */
export function keepMathText(content: Element): void {
  for (const math of Array.from(content.querySelectorAll('math'))) {
    const text = (math.getAttribute('alttext') ?? math.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
    if (!text) {
      math.remove()
      continue
    }
    const span = math.ownerDocument.createElement('span')
    span.textContent = text
    math.replaceWith(span)
  }
}

/** Blank text whose neighbours are blocks, or the edges of a block (the content is one). */
function removeBlankTextBetweenBlocks(parent: Element, parentIsBlock = true): void {
  if (parent.tagName === 'PRE') return
  const blockEdge = (node: ChildNode | null): boolean =>
    node === null ? parentIsBlock : isBlock(node)
  for (let child = parent.firstChild; child;) {
    const next = child.nextSibling
    if (child.nodeType === textNode) {
      if (
        blank.test(child.nodeValue ?? '') &&
        blockEdge(child.previousSibling) &&
        blockEdge(next)
      ) {
        child.remove()
      }
    } else if (child.nodeType === 1) {
      removeBlankTextBetweenBlocks(child as Element, isBlock(child))
    }
    child = next
  }
}

export interface SanitizedArticle {
  /** The sanitized content as a jsdom element, for text and image collection. */
  root: HTMLElement
  contentHtml: string
}

/** Sanitizes article HTML; the returned root belongs to a jsdom document of this thread. */
export function sanitizeArticleHtml(html: string): SanitizedArticle {
  purifier ??= createPurifier()
  // The body of DOMPurify's own document: a fragment would be a deep copy of it.
  const root = purifier.sanitize(html) as unknown as HTMLElement
  return { root, contentHtml: root.innerHTML }
}
