/** Linked lines that send the reader elsewhere, and the dangling tail after the last paragraph. */
import { mediaAfter } from './blocks'
import type { RuleContext } from './context'
import { edgeLines } from './edge-furniture'
import { furnitureHeadingPattern, linkLeadInPattern } from './patterns'
import type { PostRule } from './rule'

/** True when one link holds (nearly) all of a block's text: a linked headline, not prose. */
function isLinkLine(element: Element, text: string, context: RuleContext): boolean {
  if (text.length > linkLineMaximumLength || !/^(P|DIV)$/.test(element.tagName)) return false
  if (element.closest('li, table, figure, blockquote')) return false
  const links = element.querySelectorAll('a')
  if (links.length !== 1) return false
  return context.textOf(links[0]).length >= text.length * 0.85
}

// A linked line this long is a headline or a call to follow a link, never a paragraph.
const linkLineMaximumLength = 150

/**
 * Paragraphs that only send the reader elsewhere: "Hier geht es zur neuen Vorstandsstruktur",
 * "Lesen Sie hier einen weiteren Beitrag …", ">> Wegen Corona: … <<", wherever they stand.
 */
function removeLinkLines(content: Element, context: RuleContext): void {
  for (const { element, text } of context.leafBlocks(content)) {
    if (linkLeadInPattern.test(text) && isLinkLine(element, text, context)) context.remove(element)
  }
}

/**
 * A short heading, a bold line ending in a colon, or a line naming a furniture box: with nothing
 * under it at the article's end, it titled something that is gone.
 */
function isDanglingTitle(element: Element, text: string, context: RuleContext): boolean {
  if (text.length > 80) return false
  const titled =
    /^H[1-6]$/.test(element.tagName) || context.textOf(element.querySelector('strong, b')) === text
  if (/^H[1-6]$/.test(element.tagName) && text.length <= 60) return true
  return (
    (titled && /[:：]$/.test(text)) || (text.length <= 60 && furnitureHeadingPattern.test(text))
  )
}

/**
 * The article's tail after its last paragraph: linked teaser lines and headings whose box was
 * furniture and is gone ("Über den Autor", "Kontakt:", "Weiterführender Link").
 */
function removeTrailingLinks(content: Element, context: RuleContext): void {
  const leaves = context.leafBlocks(content)
  for (const leaf of leaves.slice(-edgeLines).reverse()) {
    if (
      !isDanglingTitle(leaf.element, leaf.text, context) &&
      !isLinkLine(leaf.element, leaf.text, context)
    )
      break
    // A heading over a picture or a table titles it.
    if (mediaAfter(leaf.element, content)) break
    context.remove(leaf.element)
  }
}

export const linkLines: PostRule = { name: 'link-lines', stage: 'post', apply: removeLinkLines }
export const trailingLinks: PostRule = {
  name: 'trailing-links',
  stage: 'post',
  apply: removeTrailingLinks
}
