/** Page furniture named by its class or id, removed before Readability scores the page. */
import { textOf } from '../dom'
import type { RuleContext } from './context'
import { isEmbeddedPost } from './embedded-posts'
import type { PreRule } from './rule'

// Class/id words of page furniture. Matched on whole words of the attribute so that "shared" or
// "breadcrumbs-free-article" do not match by accident.
const furniturePattern =
  /(^|[\s_-])(share|sharing|social|socials|cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|breadcrumb|breadcrumbs|related|recommended|recirculation|outbrain|taboola|promo|advert|advertisement|ad-slot|adslot|sponsored|paywall|signup|sign-up|print-only|skip-link)($|[\s_-])/i
// Reader comments: a rule of their own, to measure them apart (Readability's test pages and
// trafilatura's annotations count some comment threads as content; scrapinghub's never).
const commentPattern = /(^|[\s_-])(comments?|disqus)($|[\s_-])/i
// The article itself is never removed: containers that hold most of the page's text are safe.
const furnitureTextLimit = 600

/** Removes small blocks whose class or id names them as furniture. */
export function removeFurniture(document: Document, options: { comments?: boolean } = {}): void {
  const body = document.body
  if (!body) return
  const removeComments = options.comments ?? true
  for (const element of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!element.isConnected || element.tagName === 'BODY' || element.tagName === 'ARTICLE')
      continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!furniturePattern.test(names) && !(removeComments && commentPattern.test(names))) continue
    // Syntax highlighters mark code comments with a "comment" class: they are the article's.
    if (element.closest('pre, code')) continue
    if (textOf(element).length <= furnitureTextLimit && !holdsEmbeddedPost(element))
      element.remove()
  }
}

/**
 * A "social-media-embed" wrapper holds a post the article quotes (a tweet it discusses), not a
 * share bar.
 */
function holdsEmbeddedPost(element: Element): boolean {
  return (
    isEmbeddedPost(element) ||
    Array.from(element.querySelectorAll('blockquote')).some(isEmbeddedPost)
  )
}

export const furniture: PreRule = {
  name: 'furniture',
  stage: 'pre',
  // Comments are a name of their own, to measure them apart: `--disable comments`.
  apply: (document: Document, context: RuleContext) =>
    removeFurniture(document, { comments: context.isEnabled('comments') })
}
