/**
 * Lazy-loaded images: sites ship a placeholder in `src` and the real address in a data attribute,
 * a `srcset`, a `<picture>` source or a `<noscript>` copy. Readers without JavaScript see the
 * placeholder, so we move the real address into `src` before extraction.
 */
import { resolveUrl } from './dom'

// Attributes lazy-loading libraries use, most specific first (lazysizes, lozad, WordPress
// plugins, WeChat's `data-src`, Zhihu's `data-actualsrc`, Sina's `data-original`).
const lazySourceAttributes = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-actualsrc',
  'data-original-src',
  'data-lazyload',
  'data-hi-res-src',
  'data-url',
  'data-echo',
  'data-orig-file'
]
const lazySrcsetAttributes = ['data-srcset', 'data-lazy-srcset', 'srcset']
const placeholderPattern =
  /(^data:)|(blank|spacer|placeholder|transparent|pixel|grey|loading|lazy)[^/]*\.(gif|png|svg|jpe?g)|1x1|\/s\.gif/i
const imagePathPattern =
  /\.(jpe?g|png|gif|webp|avif|svg|bmp)(\?|#|$)|wx_fmt=|\/image|\/img|\/photo/i

/** True for a missing `src` or one that is a tracking pixel, data: stub or spinner. */
export function isPlaceholderSource(source: string | null): boolean {
  if (!source || !source.trim()) return true
  const trimmed = source.trim()
  // A real inline image larger than ~1.5 kB of base64 is kept; stubs are a few dozen bytes.
  if (trimmed.startsWith('data:'))
    return trimmed.length < 2000 || trimmed.startsWith('data:image/svg')
  return placeholderPattern.test(trimmed)
}

/** Picks the widest candidate of a `srcset` ("a.jpg 320w, b.jpg 640w" or "a.jpg 1x, b.jpg 2x"). */
export function largestSrcsetCandidate(srcset: string): string | null {
  let best: { url: string; size: number } | null = null
  for (const candidate of srcset.split(/,\s+(?=\S)/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/)
    if (!url || url.startsWith('data:')) continue
    const size = Number.parseFloat(descriptor) || 1
    if (!best || size > best.size) best = { url, size }
  }
  return best?.url ?? null
}

function lazySource(image: Element): string | null {
  for (const attribute of lazySourceAttributes) {
    const value = image.getAttribute(attribute)?.trim()
    if (
      value &&
      !value.startsWith('data:') &&
      (attribute !== 'data-url' || imagePathPattern.test(value))
    ) {
      return value
    }
  }
  for (const attribute of lazySrcsetAttributes) {
    const value = image.getAttribute(attribute)
    const candidate = value ? largestSrcsetCandidate(value) : null
    if (candidate) return candidate
  }
  const picture = image.parentElement?.tagName === 'PICTURE' ? image.parentElement : null
  for (const source of picture ? Array.from(picture.querySelectorAll('source')) : []) {
    const value = source.getAttribute('srcset') ?? source.getAttribute('data-srcset')
    const candidate = value ? largestSrcsetCandidate(value) : null
    if (candidate) return candidate
  }
  return null
}

/** Moves lazy image addresses into `src` and drops `srcset`, which would override it. */
export function resolveLazyImages(document: Document): void {
  for (const image of Array.from(document.querySelectorAll('img'))) {
    const source = image.getAttribute('src')
    const lazy = lazySource(image)
    if (lazy && (isPlaceholderSource(source) || image.hasAttribute('data-src'))) {
      image.setAttribute('src', lazy)
    }
    image.removeAttribute('srcset')
    image.removeAttribute('sizes')
  }
  replaceNoscriptPlaceholders(document)
}

/**
 * `<img placeholder><noscript><img real></noscript>`: with scripting off the browser would show the
 * noscript copy, so we keep that one. (Readability does the same for images it recognises; doing it
 * first means our placeholder rules apply.)
 */
function replaceNoscriptPlaceholders(document: Document): void {
  for (const noscript of Array.from(document.querySelectorAll('noscript'))) {
    const images = noscript.querySelectorAll('img')
    if (images.length !== 1 || (noscript.textContent ?? '').trim().length > 0) continue
    const fallback = images[0]
    const previous = noscript.previousElementSibling
    const placeholder = previous?.tagName === 'IMG' ? previous : previous?.querySelector('img')
    if (placeholder && isPlaceholderSource(placeholder.getAttribute('src'))) {
      placeholder.replaceWith(fallback)
      noscript.remove()
    } else if (!placeholder) {
      noscript.replaceWith(fallback)
    } else {
      noscript.remove()
    }
  }
}

const urlAttributes: Array<[string, string]> = [
  ['a', 'href'],
  ['img', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['source', 'src'],
  ['blockquote', 'cite'],
  ['q', 'cite']
]

/** Makes every link and media address absolute (linkedom has no document URL to do it for us). */
export function absolutizeUrls(root: ParentNode, baseUrl: string): void {
  for (const [tag, attribute] of urlAttributes) {
    for (const element of Array.from(root.querySelectorAll(`${tag}[${attribute}]`))) {
      const value = element.getAttribute(attribute) ?? ''
      const absolute = resolveUrl(value, baseUrl)
      if (absolute) element.setAttribute(attribute, absolute)
      else element.removeAttribute(attribute)
    }
  }
}
