/**
 * Lines (leaf blocks) that are furniture by their words: "Read also", interface text, dates alone,
 * appeals to readers, post metadata, disclosures, widget notices, "more reading" and meta bars.
 */
import type { RuleContext } from './context'
import {
  disclosurePattern,
  interfaceLinePattern,
  isDateLine,
  metaBarWordPattern,
  metaLinePattern,
  moreReadingPattern,
  readAlsoPattern,
  readerAppealPattern,
  widgetNoticePattern
} from './patterns'
import type { PostRule } from './rule'

/** "Read also: <headline>" lines between paragraphs. */
function removeReadAlsoLines(content: Element, context: RuleContext): void {
  for (const { element, text } of context.leafBlocks(content)) {
    if (text.length <= 250 && readAlsoPattern.test(text)) context.remove(element)
  }
}

/** Interface text: "Sign In", "Continue Reading Below", "Text size", comment counters. */
function removeInterfaceLines(content: Element, context: RuleContext): void {
  for (const { element, text } of context.leafBlocks(content)) {
    if (text.length <= 60 && interfaceLinePattern.test(text)) context.remove(element)
  }
}

/** Lines that are only a date or a time. */
function removeDateLines(content: Element, context: RuleContext): void {
  for (const { element, text } of context.leafBlocks(content)) {
    // A table's dates are its data (release tables, schedules).
    if (isDateLine(text) && !element.closest('table')) context.remove(element)
  }
}

// Appeals are one or two sentences; a longer block that mentions subscribing is prose.
const readerAppealMaximumLength = 300

/** Removes the lines (leaf blocks) of at most `maximumLength` characters that match `pattern`. */
function removeLinesMatching(
  content: Element,
  context: RuleContext,
  pattern: RegExp,
  maximumLength: number
): void {
  for (const { element, text } of context.leafBlocks(content)) {
    if (text.length <= maximumLength && pattern.test(text)) context.remove(element)
  }
}

/** "Subscribe now", "Hazte miembro", "Besuchen Sie unseren Fan-Shop!": the site talking to readers. */
function removeReaderAppeals(content: Element, context: RuleContext): void {
  removeLinesMatching(content, context, readerAppealPattern, readerAppealMaximumLength)
}

/** A post's metadata lines: category, publication date, author and view counts, by their label. */
function removeMetaLines(content: Element, context: RuleContext): void {
  for (const { element, text } of context.leafBlocks(content)) {
    if (text.length <= 120 && metaLinePattern.test(text) && !element.closest('table'))
      context.remove(element)
  }
}

/** Advertising, affiliate and rights notices: about the page, not part of the story. */
function removeDisclosures(content: Element, context: RuleContext): void {
  removeLinesMatching(content, context, disclosurePattern, readerAppealMaximumLength)
}

/** Log-in prompts, blocked-embed placeholders and loaders that Readability kept as text. */
function removeWidgetNotices(content: Element, context: RuleContext): void {
  removeLinesMatching(content, context, widgetNoticePattern, readerAppealMaximumLength)
}

/** "Dowiedz się więcej: <headline>", "À lire aussi » <headline>" lines between paragraphs. */
function removeMoreReadingLines(content: Element, context: RuleContext): void {
  removeLinesMatching(content, context, moreReadingPattern, 250)
}

/**
 * A bar of short items between pipes that names the page's tools or the post's date:
 * "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS".
 */
function isMetaBar(text: string): boolean {
  if (text.length > 150) return false
  const items = text.split(/\s\|\s?|\s?\|\s/).filter((item) => item.trim())
  if (items.length < 3 || items.some((item) => item.length > 45)) return false
  return items.some((item) => metaBarWordPattern.test(item) || isBarDate(item.trim()))
}

// A date in a bar has a month name, a time or two separators; a price ("11.499 €") is no date.
function isBarDate(item: string): boolean {
  return isDateLine(item) && /\p{L}|\d:\d|\d[./-]\d+[./-]\d/u.test(item)
}

/** Pipe-separated meta bars of a post: date, author, comment count, print and share tools. */
function removeMetaBars(content: Element, context: RuleContext): void {
  for (const { element, text } of context.leafBlocks(content)) {
    if (isMetaBar(text) && !element.closest('table')) context.remove(element)
  }
}

export const readAlso: PostRule = { name: 'read-also', stage: 'post', apply: removeReadAlsoLines }
export const interfaceLines: PostRule = {
  name: 'interface-lines',
  stage: 'post',
  apply: removeInterfaceLines
}
export const dateLines: PostRule = { name: 'date-lines', stage: 'post', apply: removeDateLines }
export const readerAppeals: PostRule = {
  name: 'reader-appeals',
  stage: 'post',
  apply: removeReaderAppeals
}
export const metaLines: PostRule = { name: 'meta-lines', stage: 'post', apply: removeMetaLines }
export const disclosures: PostRule = {
  name: 'disclosures',
  stage: 'post',
  apply: removeDisclosures
}
export const widgetNotices: PostRule = {
  name: 'widget-notices',
  stage: 'post',
  apply: removeWidgetNotices
}
export const moreReading: PostRule = {
  name: 'more-reading',
  stage: 'post',
  apply: removeMoreReadingLines
}
export const metaBars: PostRule = { name: 'meta-bars', stage: 'post', apply: removeMetaBars }
