import { basename, extname } from 'node:path'
import { textMeasures } from './extract/text'
import type { ExtractedArticle } from './extract/extract'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/**
 * A plain-text or Markdown file as an article: paragraphs at blank lines, the first line as the
 * title when it is short, else the file name. Markdown keeps its marks as written (readable as
 * text); rendering it is left for a later version.
 */
export function articleFromText(text: string, path: string): ExtractedArticle {
  const normalized = text.replace(/\r\n?/g, '\n').trim()
  const paragraphs = normalized
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
  const firstLine =
    normalized
      .split('\n', 1)[0]
      ?.replace(/^#+\s*/, '')
      .trim() ?? ''
  const title =
    firstLine.length > 0 && firstLine.length <= 150 ? firstLine : basename(path, extname(path))
  const contentHtml = paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  const plain = paragraphs.join('\n\n')
  return {
    title,
    byline: null,
    siteName: null,
    lang: null,
    dir: null,
    excerpt: paragraphs[0]?.slice(0, 300) ?? null,
    publishedAt: null,
    canonicalUrl: null,
    leadImageUrl: null,
    keywords: [],
    contentHtml,
    text: plain,
    ...textMeasures(plain),
    images: []
  }
}
