/**
 * The article as the post-processing rules read it: its leaf blocks ("lines"), the wrapper that
 * holds one and nothing else, and what follows a block to the article's end.
 */
import type { RuleContext } from './context'

/** How much of an element's text is inside its links. */
export function linkTextLength(element: Element, context: RuleContext): number {
  let length = 0
  for (const link of Array.from(element.querySelectorAll('a')))
    length += context.textOf(link).length
  return length
}

/** Code listings name their tokens `comment`, `meta`, `tag`: none of that is page furniture. */
export function insideCode(element: Element): boolean {
  return element.closest('pre, code') !== null
}

export const leafTags: ReadonlySet<string> = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'DT',
  'DD',
  'DIV',
  'SECTION',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'TD',
  'CAPTION',
  'ADDRESS',
  'ARTICLE',
  'UL',
  'OL',
  'TABLE',
  'FIGURE',
  'TIME'
])

export interface Leaf {
  element: Element
  text: string
}

/** Blocks without blocks inside, in document order, with their text (see RuleContext.leafBlocks). */
export function findLeafBlocks(content: Element, context: RuleContext): Leaf[] {
  const leaves: Leaf[] = []
  const visit = (element: Element): boolean => {
    let hasBlock = false
    for (const child of Array.from(element.children)) {
      if (visit(child)) hasBlock = true
    }
    const isBlock = leafTags.has(element.tagName.toUpperCase())
    if (isBlock && !hasBlock && element !== content) {
      const text = context.textOf(element)
      if (text) leaves.push({ element, text })
    }
    return hasBlock || isBlock
  }
  visit(content)
  return leaves
}

/** The element to remove for a leaf: its outermost wrapper that holds nothing else. */
export function outermostWrapper(
  element: Element,
  content: Element,
  context: RuleContext
): Element {
  let current = element
  const text = context.textOf(element)
  while (current.parentElement && current.parentElement !== content) {
    if (context.textOf(current.parentElement) !== text) break
    current = current.parentElement
  }
  return current
}

/** Text after a node in document order, within the content. */
export function textAfter(node: Element, content: Element, context: RuleContext): number {
  let length = 0
  for (let current: Element | null = node; current && current !== content;) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      length += context.textOf(next).length
    }
    current = current.parentElement
  }
  return length
}

/** Link text after a node in document order, within the content. */
export function linksAfter(node: Element, content: Element, context: RuleContext): number {
  let length = 0
  for (let current: Element | null = node; current && current !== content;) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      length += linkTextLength(next, context)
    }
    current = current.parentElement
  }
  return length
}

export function removeEverythingAfter(node: Element, content: Element, context: RuleContext): void {
  for (let current: Element | null = node; current && current !== content;) {
    while (current.nextSibling) context.remove(current.nextSibling)
    current = current.parentElement
  }
}

const mediaSelector = 'img, picture, video, audio, iframe, svg, table, figure'

/** True when an image, a video or a table follows a node in document order, within the content. */
export function mediaAfter(node: Element, content: Element): boolean {
  for (let current: Element | null = node; current && current !== content;) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(mediaSelector) || next.querySelector(mediaSelector)) return true
    }
    current = current.parentElement
  }
  return false
}

/** The first of context.leafBlocks(content), without walking the rest of the article. */
export function firstLeafBlock(content: Element, context: RuleContext): Leaf | null {
  const visit = (element: Element): { leaf: Leaf | null; hasBlock: boolean } => {
    let hasBlock = false
    for (const child of Array.from(element.children)) {
      const found = visit(child)
      if (found.leaf) return found
      if (found.hasBlock) hasBlock = true
    }
    const isBlock = leafTags.has(element.tagName.toUpperCase())
    if (isBlock && !hasBlock && element !== content) {
      const text = context.textOf(element)
      if (text) return { leaf: { element, text }, hasBlock: true }
    }
    return { leaf: null, hasBlock: hasBlock || isBlock }
  }
  return visit(content).leaf
}
