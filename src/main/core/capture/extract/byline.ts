/**
 * Bylines marked up in the page: schema.org microdata, `rel=author`, author links and the class
 * names blog and news templates use. Used when JSON-LD and `<meta>` name no author.
 */
import { textOf } from './dom'

// Most specific first: microdata names, then links, then template class names (WordPress,
// Blogger, German CMSs use "autor").
const bylineSelectors = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  'a[href*="/author/"]',
  'a[href*="/autor/"]',
  '.author-name, .author__name, .byline__name, .entry-author, .post-author, .fn',
  '.byline, .author, .autor, .article-author, .story-byline'
]
const bylinePrefix = /^(by|von|par|por|door|di|autor(in)?|author|text|texto)\s*[:：]?\s+/i
// A name, or two or three joined: longer text is a bio or a sentence, not a byline.
const maximumBylineWords = 8

/** Strips "By"/"Von" prefixes, quotes and whitespace; null when the text is not a name. */
export function cleanByline(value: string | null): string | null {
  if (!value) return null
  const text = value
    .replace(/\s+/g, ' ')
    .replace(/^['"‘“]+|['"’”]+$/g, '')
    .replace(bylinePrefix, '')
    .replace(/^(by|von)\s+/i, '')
    .trim()
  if (!text || /^(https?:\/\/|@)/i.test(text) || text.length > 100) return null
  return text
}

export function bylineFromMarkup(document: Document): string | null {
  for (const selector of bylineSelectors) {
    for (const element of Array.from(document.querySelectorAll(selector)).slice(0, 3)) {
      const name = cleanByline(textOf(element))
      if (name && name.split(' ').length <= maximumBylineWords && /\p{L}{2}/u.test(name)) {
        return name
      }
    }
  }
  return null
}
