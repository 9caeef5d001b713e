/** Articles that pages render with JavaScript and also put in `<noscript>`. */
import { textOf } from '../dom'
import type { PreRule } from './rule'

// A `<noscript>` with this much text is the page's content for readers without JavaScript, not a
// "please enable JavaScript" notice.
const noscriptArticleLength = 200

/**
 * Pages that render with JavaScript (Blogger, some news sites) put the article in `<noscript>` for
 * readers without it; Readability drops every `<noscript>`. A text-rich one whose text the page
 * does not already show is unwrapped in place.
 */
export function unwrapNoscriptContent(document: Document): void {
  const body = document.body
  if (!body) return
  for (const noscript of Array.from(body.querySelectorAll('noscript'))) {
    if (!noscript.isConnected || !noscript.querySelector('p')) continue
    const text = textOf(noscript)
    if (text.length < noscriptArticleLength) continue
    if (!aboutTitle(text, document.title)) continue
    const sample = text.slice(0, 80)
    const shown = textOf(body).replace(text, '')
    if (shown.includes(sample)) continue
    noscript.replaceWith(...Array.from(noscript.childNodes))
  }
}

/**
 * True when `text` uses most of the title's words: the article rather than a cookie notice or a
 * "turn on JavaScript" page, which are long too.
 */
function aboutTitle(text: string, title: string): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []
  if (words.length === 0) return false
  const lower = text.toLowerCase()
  return words.filter((word) => lower.includes(word)).length * 2 >= words.length
}

export const noscriptContent: PreRule = {
  name: 'noscript',
  stage: 'pre',
  apply: unwrapNoscriptContent
}
