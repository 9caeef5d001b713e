/** Elements the page hides from every reader. */
import { textOf } from '../dom'
import type { PreRule } from './rule'

const hiddenStyle = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i

/** Elements the page hides from every reader (and that search engines are told to skip). */
export function removeHiddenElements(document: Document): void {
  const body = document.body
  if (!body) return
  for (const element of Array.from(
    body.querySelectorAll('[hidden], [aria-hidden="true"], [style]')
  )) {
    if (!element.isConnected) continue
    if (isHidden(element) && !containsArticleImage(element)) element.remove()
  }
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true
  if (element.getAttribute('aria-hidden') === 'true') {
    // Icons and decorative copies are aria-hidden; a long text block rarely is on purpose (some
    // sites mark the whole article aria-hidden behind a modal), 200 characters keeps those.
    return textOf(element).length < 200
  }
  return hiddenStyle.test(element.getAttribute('style') ?? '')
}

function containsArticleImage(element: Element): boolean {
  // Lazy-loading scripts hide image wrappers until they scroll into view.
  return (
    element.tagName === 'IMG' ||
    element.tagName === 'FIGURE' ||
    element.querySelector('figure') !== null
  )
}

export const hiddenElements: PreRule = { name: 'hidden', stage: 'pre', apply: removeHiddenElements }
