/**
 * Rules applied to Readability's content element before sanitizing: absolute URLs, and precision
 * rules that remove page furniture Readability kept. Each precision rule is measured with
 * bench/extract.ts and kept only when it helps across the corpora.
 */
import { absolutizeUrls } from './images'

export function postprocessArticle(content: Element, baseUrl: string): void {
  // Only the article needs absolute URLs: resolving them here touches ~80 elements, not ~700.
  absolutizeUrls(content, baseUrl)
}
