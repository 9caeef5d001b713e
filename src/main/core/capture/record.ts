import { siteOf } from '../../../shared/web'
import { extractorVersion } from './extract/version'
import type { ExtractedArticle } from './extract/extract'
import type { CapturedArticle } from './queries'

/** The fields of an extracted article the library stores, with its site and extractor version. */
export function capturedFields(
  extracted: ExtractedArticle,
  pageUrl: string
): Omit<CapturedArticle, 'contentHtml' | 'leadImageSha256' | 'original' | 'images'> {
  const { leadImageUrl: _lead, images: _images, contentHtml: _html, ...fields } = extracted
  return { ...fields, site: siteOf(pageUrl), extractorVersion }
}
