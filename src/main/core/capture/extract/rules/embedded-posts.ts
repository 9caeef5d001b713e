/** Posts quoted from social networks, kept with the article. */
import { textOf } from '../dom'
import type { PreRule } from './rule'

// Posts quoted from social networks, as their embed code writes them: a <blockquote> with the
// network's class.
const embeddedPostClass = /(^|\s)(twitter-tweet|instagram-media|tiktok-embed|reddit-card)($|\s)/

export function isEmbeddedPost(element: Element): boolean {
  return (
    element.tagName === 'BLOCKQUOTE' && embeddedPostClass.test(element.getAttribute('class') ?? '')
  )
}

/**
 * Readability drops a tweet the article quotes when the embed's wrapper `<div>` looks like
 * furniture to it (a "social-media-embed" class, the links of the tweet's signature); it never
 * drops a `<blockquote>` itself. Wrappers that hold only an embedded post are unwrapped.
 */
export function keepEmbeddedPosts(document: Document): void {
  for (const post of Array.from(document.querySelectorAll('blockquote'))) {
    if (!isEmbeddedPost(post)) continue
    const text = textOf(post)
    if (!text) continue
    let wrapper = post.parentElement
    while (wrapper && wrapper.tagName === 'DIV' && textOf(wrapper) === text) {
      const parent = wrapper.parentElement
      wrapper.replaceWith(...Array.from(wrapper.childNodes))
      wrapper = parent
    }
  }
}

export const embeddedPosts: PreRule = {
  name: 'embedded-posts',
  stage: 'pre',
  apply: keepEmbeddedPosts
}
