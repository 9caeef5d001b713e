/** "Related stories" headings and the teasers under them. */
import {
  linksAfter,
  linkTextLength,
  outermostWrapper,
  removeEverythingAfter,
  textAfter
} from './blocks'
import type { RuleContext } from './context'
import { relatedHeadingPattern } from './patterns'
import type { PostRule } from './rule'

// A heading in the last 30% of the article that opens a "related" list ends the article.
const relatedTailShare = 0.3

/** A block of links to other pages, or one short teaser with a link. */
function isTeaserBlock(element: Element, context: RuleContext): boolean {
  const text = context.textOf(element)
  if (!text) return true
  const links = linkTextLength(element, context)
  return (
    links / text.length >= 0.5 ||
    (links > 0 && text.length <= 200) ||
    isHeadlineList(element, context)
  )
}

// A teaser in a list is a headline, perhaps with a few words around its link.
const headlineItemLength = 150

/**
 * A list of headlines under a "related" heading: every item short and with a link, even when half
 * of each line is outside it ("YouTubers must unionize, <a>no matter what Google says</a>").
 */
function isHeadlineList(element: Element, context: RuleContext): boolean {
  if (element.tagName !== 'UL' && element.tagName !== 'OL') return false
  const items = Array.from(element.children)
  return (
    items.length > 0 &&
    items.every(
      (item) =>
        context.textOf(item).length <= headlineItemLength && item.querySelector('a') !== null
    )
  )
}

/**
 * "Related stories", "Auch interessant", "相关阅读": the heading and the teasers under it. Near the
 * end of the article, when what follows is mostly links, everything after the heading goes;
 * elsewhere the following blocks go while they are teasers.
 */
function removeRelatedSections(content: Element, context: RuleContext): void {
  const total = context.textOf(content).length
  for (const { element, text } of context.leafBlocks(content)) {
    if (!content.contains(element) || text.length > 80) continue
    if (!relatedHeadingPattern.test(text)) continue
    const heading = outermostWrapper(element, content, context)
    const after = textAfter(heading, content, context)
    if (after < total * relatedTailShare && linksAfter(heading, content, context) >= after * 0.5) {
      removeEverythingAfter(heading, content, context)
    } else {
      let next = heading.nextElementSibling
      while (next && isTeaserBlock(next, context)) {
        const following = next.nextElementSibling
        context.remove(next)
        next = following
      }
    }
    context.remove(heading)
  }
}

export const relatedSections: PostRule = {
  name: 'related-sections',
  stage: 'post',
  apply: removeRelatedSections
}
