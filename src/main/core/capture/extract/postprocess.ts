/**
 * Precision rules on Readability's output: remove blocks that are page furniture it kept.
 * Each rule is measured with bench/extract.ts and kept only when it helps across the corpora.
 */
import { parseHTML } from 'linkedom'

export function postprocessArticle(contentHtml: string, _url: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`)
  return document.body.innerHTML
}
