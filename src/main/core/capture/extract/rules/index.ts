/**
 * Every extraction rule, in the order it runs. Each has a name, so `npm run bench:extract --
 * --disable NAME,NAME` measures what it is worth on each corpus; a rule stays only if it raises F1
 * across the corpora.
 *
 * `pre` rules clean the page before Readability scores it: they remove what a reader never sees
 * (hidden elements) and the page furniture that Readability sometimes keeps (share bars, cookie
 * banners, newsletter blurbs, breadcrumbs, related-article lists), and unwrap what Readability
 * would wrongly drop.
 *
 * `post` rules work on Readability's content element before sanitizing: absolute URLs, then
 * precision rules that remove page furniture Readability kept (it keeps ~8.6% non-article tokens
 * on scrapinghub's benchmark). Measured and dropped: removing captions (+0.006 F1 on scrapinghub,
 * −0.008 on Readability's pages, and readers want them), credits inside captions (−0.001 on
 * Readability's pages), repeated blocks (−0.03 on Readability's pages), a leading line that
 * repeats the page title (−0.05 recall on scrapinghub), a one- or two-word first line as a section
 * label (−0.011 on Readability's pages). Not removed on purpose: Chinese "责任编辑"/"本文来源"/"免责声明"
 * lines, which zh-gne's reference text keeps.
 */
import { absolutizeUrls } from '../images'
import { articleAsides } from './article-asides'
import { boilerplateLines } from './boilerplate-lines'
import type { RuleContext } from './context'
import { credits, repeatedCaptions } from './credits'
import { edgeFurniture } from './edge-furniture'
import { embeddedPosts } from './embedded-posts'
import { formulas } from './formulas'
import { furniture } from './furniture'
import { hiddenElements } from './hidden'
import { leadingTitle } from './leading-title'
import { leads } from './leads'
import { linkBlocks } from './link-blocks'
import { linkLines, trailingLinks } from './link-lines'
import {
  dateLines,
  disclosures,
  interfaceLines,
  metaBars,
  metaLines,
  moreReading,
  readAlso,
  readerAppeals,
  widgetNotices
} from './matching-lines'
import {
  authorBoxes,
  furnitureClasses,
  hoverCards,
  printOnly,
  teaserClasses
} from './named-furniture'
import { noscriptContent } from './noscript'
import { relatedSections } from './related-sections'
import type { ExtractionRule, PostRule, PreRule } from './rule'
import { capitalTeasers, teaserLists } from './teasers'
import { unlikelyWrappers } from './unlikely-wrappers'

export const extractionRules: readonly ExtractionRule[] = [
  hiddenElements,
  noscriptContent,
  articleAsides,
  unlikelyWrappers,
  // Leads first: the headline they follow is sometimes inside furniture (a breadcrumb bar).
  leads,
  furniture,
  embeddedPosts,
  formulas,
  linkBlocks,
  boilerplateLines,
  furnitureClasses,
  relatedSections,
  readAlso,
  authorBoxes,
  teaserLists,
  credits,
  dateLines,
  edgeFurniture,
  interfaceLines,
  teaserClasses,
  repeatedCaptions,
  printOnly,
  linkLines,
  trailingLinks,
  readerAppeals,
  metaLines,
  disclosures,
  widgetNotices,
  moreReading,
  metaBars,
  hoverCards,
  capitalTeasers,
  leadingTitle
]

/**
 * Every name `--disable` knows: the rules', `comments`, a part of `furniture`, and
 * `removal-guard`, the bounds on what the post-processing rules may remove.
 */
export const ruleNames: readonly string[] = [
  ...extractionRules.map((rule) => rule.name),
  'comments',
  'removal-guard'
]

const preRules = extractionRules.filter((rule): rule is PreRule => rule.stage === 'pre')
const postRules = extractionRules.filter((rule): rule is PostRule => rule.stage === 'post')

/** Runs the `pre` rules in order on the parsed page. */
export function preprocessDocument(document: Document, context: RuleContext): void {
  for (const rule of preRules) if (context.isEnabled(rule.name)) rule.apply(document, context)
}

/**
 * "Never cut an article in half" (issue #18): a post-processing rule removes furniture, and
 * furniture is rarely most of what Readability kept. A rule that would remove more than this share
 * of the text left when it runs stands down: what it removed is put back. Measured on wcxb-dev
 * (`--disable removal-guard`): rules removing over 60% were mostly link-block and teaser rules
 * deleting a listing's or collection's items (34 pages better, 3 worse, +0.0078 mean F1); at 40%
 * the guard also stopped right removals of teaser lists and link blocks that were 40–55% of an
 * article (15 pages worse on wcxb-dev, and trafilatura-eval below its F1).
 */
export const maxRuleRemovalShare = 0.6
/**
 * Nor may the rules together remove more than this share of Readability's article: a backstop
 * for many small removals adding up. It never fires on today's corpora (the per-rule bound does
 * first); 75% leaves room for an article that Readability padded with a long list of teasers.
 */
export const maxTotalRemovalShare = 0.75

/** Makes the article's URLs absolute, then runs the `post` rules in order on it. */
export function postprocessArticle(content: Element, context: RuleContext): void {
  // Only the article needs absolute URLs: resolving them here touches ~80 elements, not ~700.
  absolutizeUrls(content, context.baseUrl)
  // Readability rewrote the page since anything was remembered.
  context.forget()
  applyPostRules(postRules, content, context)
}

/**
 * Runs post-processing rules in order, each within the removal bounds above: a rule that would
 * remove too much stands down, and what it removed is put back.
 */
export function applyPostRules(
  rules: readonly PostRule[],
  content: Element,
  context: RuleContext
): void {
  const guarded = context.isEnabled('removal-guard')
  const articleLength = context.textOf(content).length
  let removedLength = 0
  for (const rule of rules) {
    if (!context.isEnabled(rule.name)) continue
    context.startRemovals()
    rule.apply(content, context)
    const removed = context.removedLength()
    const tooMuch =
      removed > maxRuleRemovalShare * (articleLength - removedLength) ||
      removedLength + removed > maxTotalRemovalShare * articleLength
    if (guarded && tooMuch) context.undoRemovals()
    else removedLength += removed
  }
}
