/** Whole articles wrapped in `<aside>`, which Readability deletes. */
import type { PreRule } from './rule'

/**
 * Some templates wrap the whole article in `<aside>` (rnz.de: `<aside><section><article
 * itemprop=articleBody>`); Readability deletes every `<aside>` in what it keeps, so the article
 * comes out empty. An `<aside>` holding the article's body becomes a `<div>`.
 */
export function unwrapArticleAsides(document: Document): void {
  const body = document.body
  if (!body) return
  for (const aside of Array.from(body.querySelectorAll('aside'))) {
    if (!aside.isConnected) continue
    if (!aside.querySelector('[itemprop="articleBody"], [itemprop="text"]')) continue
    const div = document.createElement('div')
    for (const attribute of Array.from(aside.attributes)) {
      div.setAttribute(attribute.name, attribute.value)
    }
    div.append(...Array.from(aside.childNodes))
    aside.replaceWith(div)
  }
}

export const articleAsides: PreRule = {
  name: 'article-asides',
  stage: 'pre',
  apply: unwrapArticleAsides
}
