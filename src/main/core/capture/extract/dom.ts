/**
 * Parsing a page into a fast DOM (linkedom). Our benchmark (bench/extract.ts) measured linkedom at
 * several times jsdom's speed with the same Readability output, once two of its failure cases are
 * removed before parsing:
 * - `<style>` blocks: never needed for extraction, and some crash the CSS parser.
 * - pages without an `<html>` element (many Chinese pages): linkedom then makes the first tag the
 *   document element and finds no body, so we wrap the markup ourselves.
 */
import { DOMParser } from 'linkedom'

// Scripts are dropped too (Readability removes them anyway): they are a third of many pages'
// bytes. JSON-LD is kept because the metadata reads it. Comments, inline SVG icons, templates,
// iframes and `<select>` lists never reach the reader (the sanitizer drops them) but cost parse
// and scoring time: removing them first made extraction ~20% faster on scrapinghub's pages.
// One alternation scanned left to right, like the tokenizer: a `<!--` inside a script or a
// `</script>` inside a comment does not start or end anything. An end tag runs to its `>` as in
// the tokenizer: `</script <!-- junk -->` still ends the script (one page lost its whole body).
const unusedMarkupPattern =
  /<!--[\s\S]*?-->|<script\b([^>]*)>[\s\S]*?<\/script\b[^>]*>|<style\b[^>]*>[\s\S]*?<\/style\b[^>]*>|<svg\b[\s\S]*?<\/svg\b[^>]*>|<template\b[\s\S]*?<\/template\b[^>]*>|<iframe\b[\s\S]*?<\/iframe\b[^>]*>|<select\b[\s\S]*?<\/select\b[^>]*>/gi
const jsonLdType = /type\s*=\s*["']?application\/ld\+json/i
const htmlTagPattern = /<html[\s>]/i
const bodyTagPattern = /<body[\s>]/i

/** Removes markup that extraction never uses and that slows or breaks the parser. */
export function stripUnusedMarkup(html: string): string {
  return html.replace(unusedMarkupPattern, (markup, scriptAttributes: string | undefined) =>
    scriptAttributes !== undefined && jsonLdType.test(scriptAttributes) ? markup : ''
  )
}

/** Gives linkedom a complete document when the page starts without `<html>` or `<body>`. */
export function ensureDocumentShell(html: string): string {
  if (htmlTagPattern.test(html) && bodyTagPattern.test(html)) return html
  const withoutDoctype = html.replace(/^\s*<!doctype[^>]*>/i, '')
  if (htmlTagPattern.test(withoutDoctype)) {
    // An <html> without <body>: put everything after </head> (or after <html>) into a body.
    const headEnd = withoutDoctype.search(/<\/head\s*>/i)
    if (headEnd >= 0) {
      const afterHead = withoutDoctype.indexOf('>', headEnd) + 1
      const rest = withoutDoctype.slice(afterHead).replace(/<\/html\s*>\s*$/i, '')
      return `${withoutDoctype.slice(0, afterHead)}<body>${rest}</body></html>`
    }
  }
  const stripped = withoutDoctype.replace(/<\/?(html|body)\b[^>]*>/gi, '')
  const headEnd = stripped.search(/<\/head\s*>/i)
  if (headEnd >= 0) {
    const afterHead = stripped.indexOf('>', headEnd) + 1
    return `<!doctype html><html>${stripped.slice(0, afterHead)}<body>${stripped.slice(afterHead)}</body></html>`
  }
  return `<!doctype html><html><head></head><body>${stripped}</body></html>`
}

export function parseDocument(html: string): Document {
  const prepared = ensureDocumentShell(stripUnusedMarkup(html))
  return new DOMParser().parseFromString(prepared, 'text/html') as unknown as Document
}

/** The URL relative links resolve against: `<base href>` when valid, else the page URL. */
export function documentBaseUrl(document: Document, pageUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href')?.trim()
  if (!href) return pageUrl
  return resolveUrl(href, pageUrl) ?? pageUrl
}

/** Resolves a possibly relative URL; null for unparseable ones. */
export function resolveUrl(value: string, baseUrl: string): string | null {
  try {
    return new URL(value.trim(), baseUrl).href
  } catch {
    return null
  }
}

export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim()
}
