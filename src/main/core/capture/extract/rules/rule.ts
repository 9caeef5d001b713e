/**
 * The one shape of an extraction rule. A rule runs at one stage: `pre` on the parsed page before
 * Readability scores it, `post` on the article element Readability chose. Each has a name, so
 * `npm run bench:extract -- --disable NAME` can measure what it is worth on each corpus.
 */
import type { RuleContext } from './context'

export type RuleStage = 'pre' | 'post'

/** What a rule of each stage works on: the whole page, or the article Readability kept. */
export interface RuleTarget {
  pre: Document
  post: Element
}

export interface Rule<Stage extends RuleStage = RuleStage> {
  name: string
  stage: Stage
  apply(content: RuleTarget[Stage], context: RuleContext): void
}

export type PreRule = Rule<'pre'>
export type PostRule = Rule<'post'>
export type ExtractionRule = PreRule | PostRule
