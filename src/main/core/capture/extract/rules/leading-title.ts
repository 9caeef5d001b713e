/** The headline repeated as the article's first line. */
import { firstLeafBlock, outermostWrapper } from './blocks'
import type { RuleContext } from './context'
import type { PostRule } from './rule'

const titleText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * The headline repeated as the article's first line (a `<p>` or `<h4>` Readability does not take
 * for a header): the reader shows the title above the text already. Only the first line, and only
 * when the page's title is that line, or that line and the site's name ("Headline - Site").
 */
function removeLeadingTitle(content: Element, context: RuleContext): void {
  const titleOfPage = titleText(context.title ?? '')
  const first = firstLeafBlock(content, context)
  if (!first || first.text.length > 200) return
  const line = titleText(first.text)
  if (line.length < 10 || !titleOfPage.startsWith(line)) return
  const rest = titleOfPage.slice(line.length)
  if (rest === '' || /^ ?[-|–—:·•»] /.test(rest))
    context.remove(outermostWrapper(first.element, content, context))
}

export const leadingTitle: PostRule = {
  name: 'leading-title',
  stage: 'post',
  apply: removeLeadingTitle
}
