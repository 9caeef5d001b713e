/**
 * Clean-up before Readability scores the page: remove what a reader never sees (hidden elements)
 * and the page furniture that Readability sometimes keeps (share bars, cookie banners, newsletter
 * blurbs, breadcrumbs, related-article lists). Each rule was kept only if it raised F1 on the
 * corpora in bench/extract.ts.
 */
import { textOf } from './dom'

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

// Class/id words of page furniture. Matched on whole words of the attribute so that "shared" or
// "breadcrumbs-free-article" do not match by accident.
const furniturePattern =
  /(^|[\s_-])(share|sharing|social|socials|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|breadcrumb|breadcrumbs|related|recommended|recirculation|outbrain|taboola|promo|advert|advertisement|ad-slot|adslot|sponsored|paywall|signup|sign-up|print-only|skip-link|comments?|disqus)($|[\s_-])/i
// The article itself is never removed: containers that hold most of the page's text are safe.
const furnitureTextLimit = 600

/** Removes small blocks whose class or id names them as furniture. */
export function removeFurniture(document: Document): void {
  const body = document.body
  if (!body) return
  for (const element of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!element.isConnected || element.tagName === 'BODY' || element.tagName === 'ARTICLE')
      continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!furniturePattern.test(names)) continue
    if (textOf(element).length <= furnitureTextLimit) element.remove()
  }
}

/** Runs every pre-processing rule in order. */
export function preprocessDocument(
  document: Document,
  options: { disabledRules?: readonly string[] } = {}
): void {
  const enabled = (name: string): boolean => !options.disabledRules?.includes(name)
  if (enabled('hidden')) removeHiddenElements(document)
  if (enabled('furniture')) removeFurniture(document)
}
