import { parseHTML } from 'linkedom'
import { assetUrl } from '../../../shared/web'

function candidates(image: Element): string[] {
  const sources = [image.getAttribute('src') ?? '']
  const srcset = image.getAttribute('srcset') ?? ''
  for (const part of srcset.split(',')) {
    const url = part.trim().split(/\s+/)[0]
    if (url) sources.push(url)
  }
  return sources.filter(Boolean)
}

/**
 * Points the images of a re-extracted article at the blobs its first capture stored, so
 * re-extraction needs no network. Images never stored keep their original address.
 */
export function reuseStoredImages(contentHtml: string, stored: Map<string, string>): string {
  if (stored.size === 0) return contentHtml
  const { document } = parseHTML(
    `<!doctype html><html><head></head><body>${contentHtml}</body></html>`
  )
  for (const image of document.querySelectorAll('img')) {
    const match = candidates(image).find((source) => stored.has(source))
    const sha256 = match === undefined ? undefined : stored.get(match)
    if (!sha256) continue
    image.setAttribute('src', assetUrl(sha256))
    image.removeAttribute('srcset')
    image.removeAttribute('sizes')
  }
  return document.body.innerHTML
}
