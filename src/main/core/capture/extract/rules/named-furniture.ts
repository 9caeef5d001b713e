/**
 * Blocks that name themselves as furniture by their class or id, now that Readability chose the
 * container: share and meta boxes, author boxes, teaser cards, print-only headers, hover cards.
 */
import { blockTags } from '../text'
import { insideCode } from './blocks'
import type { RuleContext } from './context'
import type { PostRule } from './rule'

const furnitureClassPattern =
  /(^|[\s_-])(share|sharing|social|related|newsletter|promo|byline|author-info|tags|tag-list|timestamp|dateline|meta|breadcrumbs?|subscribe|signup|comments?)($|[\s_-])/i

/** Small blocks whose class names them as furniture, now that Readability chose the container. */
function removeFurnitureClasses(content: Element, context: RuleContext): void {
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (
      furnitureClassPattern.test(names) &&
      context.textOf(element).length < 300 &&
      !insideCode(element)
    ) {
      if (!insideSentence(element)) context.remove(element)
    }
  }
}

/**
 * A word or phrase inside a paragraph's text, whatever its class says: a dateline
 * (`<p><span class="dateline">CAIRO —</span> Gunmen…`), a topic link (`class="meta-loc"`).
 */
function insideSentence(element: Element): boolean {
  if (blockTags.has(element.tagName.toUpperCase())) return false
  for (let node = element.parentElement?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) return true
  }
  return false
}

const authorBoxPattern =
  /(^|[\s_-])(author-bio|author-box|authorbox|about-author|about-the-author|author-description|author-info|author-card|author-details|author-wrap|post-author|entry-author|saboxplugin-wrap|abh|bio-box|m-a-box|entry-utility|postmetadata|post-meta|entry-meta|article-meta|post-ratings|ratings?|disclaimer|editorial-disclaimer|ad-disclosure)($|[\s_-])/i

/** Author boxes, post meta and rating widgets, named so by their class or id. */
function removeAuthorBoxes(content: Element, context: RuleContext): void {
  const limit = context.textOf(content).length / 3
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!authorBoxPattern.test(names)) continue
    const length = context.textOf(element).length
    if (length < 1000 && length < limit) context.remove(element)
  }
}

const teaserClassPattern =
  /(^|[\s_-])(teaser|teasers|post-teaser|listposts|rec-posts|related-posts|relatedposts|more-stories|recirc|read-next|readnext|up-next|next-post|nextstory|post-navigation|nav-links|pagination|yarpp|crp_related|sidebar)($|[\s_-])/i

/** Teaser cards, next/previous links and widgets, named so by their class or id, with links. */
function removeTeaserClasses(content: Element, context: RuleContext): void {
  const limit = context.textOf(content).length / 3
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!teaserClassPattern.test(names) || !element.querySelector('a')) continue
    const length = context.textOf(element).length
    if (length < 1500 && length < limit) context.remove(element)
  }
}

const printOnlyPattern =
  /(^|[\s_-])(print-header|print-footer|print-only|printonly|print-logo|visible-print|show-for-print|only-print)($|[\s_-])/i

/** Blocks shown only on paper: a print header with the page's URL, a print logo. */
function removePrintOnly(content: Element, context: RuleContext): void {
  for (const element of Array.from(content.querySelectorAll('[class]'))) {
    if (!content.contains(element)) continue
    if (!printOnlyPattern.test(element.getAttribute('class') ?? '')) continue
    if (context.textOf(element).length <= 300) context.remove(element)
  }
}

const hoverCardPattern =
  /(^|[\s_-])(rollover|popover|popup|hovercard|hover-card|tooltip)($|[\s_-])/i

/**
 * Cards that pop up over a name in the text (The Hill's "rollover-people-block": a photo, the
 * person's latest headlines, "MORE"): hidden until hovered, they cut the sentence in two.
 */
function removeHoverCards(content: Element, context: RuleContext): void {
  for (const element of Array.from(content.querySelectorAll('[class]'))) {
    if (!content.contains(element) || blockTags.has(element.tagName.toUpperCase())) continue
    if (!hoverCardPattern.test(element.getAttribute('class') ?? '')) continue
    // The card follows the name it hangs on (a link), in a paragraph, and links to more.
    if (element.previousSibling?.nodeType !== 1 || !element.closest('p')) continue
    if (!element.querySelector('a')) continue
    if (context.textOf(element).length >= 30) context.remove(element)
  }
}

export const furnitureClasses: PostRule = {
  name: 'furniture-classes',
  stage: 'post',
  apply: removeFurnitureClasses
}
export const authorBoxes: PostRule = {
  name: 'author-boxes',
  stage: 'post',
  apply: removeAuthorBoxes
}
export const teaserClasses: PostRule = {
  name: 'teaser-classes',
  stage: 'post',
  apply: removeTeaserClasses
}
export const printOnly: PostRule = { name: 'print-only', stage: 'post', apply: removePrintOnly }
export const hoverCards: PostRule = { name: 'hover-cards', stage: 'post', apply: removeHoverCards }
