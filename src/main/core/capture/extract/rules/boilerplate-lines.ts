/** Share bars and one-line boilerplate, by their words. */
import { insideCode } from './blocks'
import type { RuleContext } from './context'
import type { PostRule } from './rule'

const blockSelector =
  'p, div, section, ul, ol, li, figure, figcaption, table, h1, h2, h3, h4, h5, h6, blockquote, aside, header, footer, span'

// Short blocks that are page furniture in any article: share prompts, ads, tag lines, credits.
// Words end at a word's end: "print" is not "printf", "share" not "Shareholders".
const boilerplatePattern =
  /^(?:(?:share( this)?|tweet|email|print|advertisement|advertising|sponsored|related(?= *[:|]| *$)|related (?:articles|stories|posts?|coverage|news|searches|content|links|videos?)|read more|more from|you may also like|recommended|sign up|subscribe|follow us|copyright|all rights reserved|caption$|close$)(?![\p{L}\p{N}])|comments?\s*([:(\d]|$)|tags?\s*[:|]|topics?\s*[:|]|©|photo:|credit:|image \d+ of)/iu
const socialWords =
  /^(\s*(share|facebook|twitter|whatsapp|pinterest|pint|linkedin|reddit|email|e-mail|print|tumblr|telegram|messenger|copy link|baixar|compartilhe|teilen|partager|compartir)\s*)+$/i
// 100 characters: the longest share bar or credit line seen in the corpora is well under this.
const boilerplateMaximumLength = 100

function removeBoilerplateLines(content: Element, context: RuleContext): void {
  for (const element of Array.from(content.querySelectorAll(blockSelector))) {
    if (!content.contains(element)) continue
    if (insideCode(element)) continue
    const text = context.textOf(element)
    if (text.length > boilerplateMaximumLength) continue
    if (boilerplatePattern.test(text) || socialWords.test(text)) context.remove(element)
  }
}

export const boilerplateLines: PostRule = {
  name: 'boilerplate-lines',
  stage: 'post',
  apply: removeBoilerplateLines
}
