/**
 * Rules applied to Readability's content element before sanitizing: absolute URLs, then precision
 * rules that remove page furniture Readability kept (it keeps ~8.6% non-article tokens on
 * scrapinghub's benchmark). Each rule has a name so bench/extract.ts can measure it on its own
 * (`--disable NAME`); a rule stays only if it raises F1 across the corpora. Measured and dropped:
 * removing captions (+0.006 F1 on scrapinghub, −0.008 on Readability's pages, and readers want
 * them), photo credits (±0.001), repeated blocks (−0.03 on Readability's pages).
 */
import { textOf } from './dom'
import { absolutizeUrls } from './images'

export interface PostprocessOptions {
  /** Names of rules to skip, for measuring each rule's effect. */
  disabledRules?: readonly string[]
}

type Rule = (content: Element) => void

const blockSelector =
  'p, div, section, ul, ol, li, figure, figcaption, table, h1, h2, h3, h4, h5, h6, blockquote, aside, header, footer, span'

function linkTextLength(element: Element): number {
  let length = 0
  for (const link of Array.from(element.querySelectorAll('a'))) length += textOf(link).length
  return length
}

const linkBlockSelector = 'ul, ol, p, div, section, nav, table'

/**
 * Lists and blocks that are mostly links ("related stories", tag clouds, navigation that
 * Readability pulled in with its container). Over 60% of the text in links, and at least two
 * links: a paragraph with one linked phrase is content.
 */
function removeLinkBlocks(content: Element): void {
  // A block with half the article's text is the article (a link-heavy index page, say).
  const limit = textOf(content).length / 2
  for (const element of Array.from(content.querySelectorAll(linkBlockSelector))) {
    if (!content.contains(element)) continue
    const text = textOf(element)
    if (!text || text.length > limit) continue
    const links = element.querySelectorAll('a').length
    if (links >= 2 && linkTextLength(element) / text.length > 0.6) element.remove()
  }
}

// Short blocks that are page furniture in any article: share prompts, ads, tag lines, credits.
const boilerplatePattern =
  /^(share( this)?|tweet|email|print|comments?|advertisement|advertising|sponsored|related( articles| stories| posts)?|tags?\s*[:|]|topics?\s*[:|]|read more|more from|you may also like|recommended|sign up|subscribe|follow us|copyright|©|all rights reserved|photo:|credit:|image \d+ of|caption$|close$)/i
const socialWords =
  /^(\s*(share|facebook|twitter|whatsapp|pinterest|pint|linkedin|reddit|email|e-mail|print|tumblr|telegram|messenger|copy link|baixar|compartilhe|teilen|partager|compartir)\s*)+$/i
// 100 characters: the longest share bar or credit line seen in the corpora is well under this.
const boilerplateMaximumLength = 100

function removeBoilerplateLines(content: Element): void {
  for (const element of Array.from(content.querySelectorAll(blockSelector))) {
    if (!content.contains(element)) continue
    const text = textOf(element)
    if (text.length > boilerplateMaximumLength) continue
    if (boilerplatePattern.test(text) || socialWords.test(text)) element.remove()
  }
}

const furnitureClassPattern =
  /(^|[\s_-])(share|sharing|social|related|newsletter|promo|byline|author-info|tags|tag-list|timestamp|dateline|meta|breadcrumbs?|subscribe|signup|comments?)($|[\s_-])/i

/** Small blocks whose class names them as furniture, now that Readability chose the container. */
function removeFurnitureClasses(content: Element): void {
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (furnitureClassPattern.test(names) && textOf(element).length < 300) element.remove()
  }
}

const rules: Record<string, Rule> = {
  'link-blocks': removeLinkBlocks,
  'boilerplate-lines': removeBoilerplateLines,
  'furniture-classes': removeFurnitureClasses
}
export const postprocessRuleNames = Object.keys(rules)

export function postprocessArticle(
  content: Element,
  baseUrl: string,
  options: PostprocessOptions = {}
): void {
  // Only the article needs absolute URLs: resolving them here touches ~80 elements, not ~700.
  absolutizeUrls(content, baseUrl)
  for (const [name, rule] of Object.entries(rules)) {
    if (!options.disabledRules?.includes(name)) rule(content)
  }
}
