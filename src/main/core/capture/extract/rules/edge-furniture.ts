/** The lines that frame an article at its start and its end: datelines, bylines, credits, notes. */
import type { Leaf } from './blocks'
import type { RuleContext } from './context'
import { isCredit } from './credits'
import {
  addressLinePattern,
  bylinePattern,
  endNotePattern,
  isDateLine,
  promoPattern,
  relatedHeadingPattern
} from './patterns'
import type { PostRule } from './rule'

// How many lines at each end of the article are looked at for furniture.
export const edgeLines = 8

function isEdgeFurniture(leaf: Leaf, atEnd: boolean): boolean {
  const { text, element } = leaf
  if (isDateLine(text) || isCredit(text, element)) return true
  if (text.length <= 120 && addressLinePattern.test(text)) return true
  if (text.length <= 60 && bylinePattern.test(text)) return true
  if (text.length <= 80 && postedPattern.test(text)) return true
  if (text.length <= 250 && endNotePattern.test(text)) return true
  if (atEnd && text.length <= 250 && closingNotePattern.test(text)) return true
  // A "More Business News" link left last, its list gone.
  if (atEnd && text.length <= 60 && relatedHeadingPattern.test(text)) return true
  return text.length <= (atEnd ? 250 : 120) && promoPattern.test(text)
}

// Notes after the article's last paragraph: its legal notice, where to reach the reporters, follow
// the coverage or hear more. Only at the end: "About the author" could head a section.
const closingNotePattern =
  /^(want more [\p{L} ]{1,30}\?|about the authors?$|citation\s*:|reach the (reporter|writer|author)s?\b|follow [\p{L}'’ ]{1,30} full coverage\b|listen to [\p{L} ]{1,30} live\b|the contents of this site\b|this (document|article|material) is subject to copyright\b)/iu

// "Posted on March 30, 2015 by Admin", "Published: 19.11.2019 | von Anna".
const postedPattern =
  /^(posted|published|updated|veröffentlicht|publicado|publié|pubblicato|diposting)\b.{0,60}\b(by|von|par|por|da|oleh)\s+\S+/i

/**
 * Datelines, bylines, credits, newsletter and app prompts, "Reporting by" notes: the lines that
 * frame an article at its start and its end. Removed from each end until the first line of text.
 */
function removeEdgeFurniture(content: Element, context: RuleContext): void {
  const leaves = context.leafBlocks(content)
  for (const leaf of leaves.slice(0, edgeLines)) {
    if (!isEdgeFurniture(leaf, false)) break
    context.remove(leaf.element)
  }
  for (const leaf of leaves.slice(-edgeLines).reverse()) {
    if (!content.contains(leaf.element)) break
    if (!isEdgeFurniture(leaf, true)) break
    context.remove(leaf.element)
  }
}

export const edgeFurniture: PostRule = {
  name: 'edge-furniture',
  stage: 'post',
  apply: removeEdgeFurniture
}
