/** Teasers for other stories: lists of dated headlines, and linked headlines set in capitals. */
import { linkTextLength } from './blocks'
import type { RuleContext } from './context'
import { isDateLine } from './patterns'
import type { PostRule } from './rule'

/** Lists of teasers: items of a short headline and a date each ("相关内容", "Latest news"). */
function removeTeaserLists(content: Element, context: RuleContext): void {
  for (const list of Array.from(content.querySelectorAll('ul, ol, div, section'))) {
    if (!content.contains(list)) continue
    const items = Array.from(list.children)
    if (items.length < 2) continue
    let teasers = 0
    for (const item of items) {
      const text = context.textOf(item)
      if (!text || text.length > 200) continue
      const dated = context
        .leafBlocks(item)
        .some((leaf) => isDateLine(leaf.text) && leaf.text !== text)
      if (dated) teasers += 1
    }
    if (teasers >= 2 && teasers >= items.length * 0.7) context.remove(list)
  }
}

// Headlines set in capitals between paragraphs: "TAYLOR SWIFT'S FORMER LABEL BOSS BLASTS HER".
const capitalTeaserMinimumWords = 4

/**
 * Links to other stories set as a paragraph in capitals (Fox News, the Express): the paragraph
 * is one link, its letters are all capitals.
 */
function removeCapitalTeasers(content: Element, context: RuleContext): void {
  for (const paragraph of Array.from(content.querySelectorAll('p'))) {
    if (!content.contains(paragraph)) continue
    const text = context.textOf(paragraph)
    if (text.length > 200 || text.split(/\s+/).length < capitalTeaserMinimumWords) continue
    if (/\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) continue
    if (linkTextLength(paragraph, context) < text.length * 0.9) continue
    context.remove(paragraph)
  }
}

export const teaserLists: PostRule = {
  name: 'teaser-lists',
  stage: 'post',
  apply: removeTeaserLists
}
export const capitalTeasers: PostRule = {
  name: 'capital-teasers',
  stage: 'post',
  apply: removeCapitalTeasers
}
