/** Article wrappers whose class or id Readability takes for furniture. */
import { Readability } from '@mozilla/readability'
import type { PreRule } from './rule'

const { unlikelyCandidates, okMaybeItsACandidate } = (
  Readability.prototype as unknown as { REGEXPS: Record<string, RegExp> }
).REGEXPS

/**
 * Readability deletes every element whose class or id sounds like furniture ("above-footer",
 * "header-wrap", "extra-content") before it scores the page, and tries again without that step
 * only when it finds under 500 characters. A template that wraps the whole article in such an
 * element loses it to a 600-character box beside it (thepointsguy.com: `div.above-footer`). A
 * wrapper that holds the headline (the only `<h1>`) and most of the page's paragraphs is the
 * article's: it loses the misleading class and id (kept as data attributes).
 */
export function keepUnlikelyWrappers(document: Document): void {
  const body = document.body
  if (!body) return
  const headlines = body.getElementsByTagName('h1')
  const paragraphs = body.getElementsByTagName('p')
  if (headlines.length !== 1 || paragraphs.length < 3) return
  for (let node = headlines[0].parentElement; node && node !== body; node = node.parentElement) {
    const words = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`
    if (!unlikelyCandidates.test(words) || okMaybeItsACandidate.test(words)) continue
    if (node.getElementsByTagName('p').length * 4 < paragraphs.length * 3) continue
    for (const name of ['class', 'id']) {
      const value = node.getAttribute(name)
      if (value === null) continue
      node.setAttribute(`data-folio-${name}`, value)
      node.removeAttribute(name)
    }
  }
}

export const unlikelyWrappers: PreRule = {
  name: 'unlikely-wrappers',
  stage: 'pre',
  apply: keepUnlikelyWrappers
}
