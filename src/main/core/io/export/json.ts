import type { Exporter } from './format'
import { isoTime } from './format'
import type { ExportRecord } from './records'
import { recordPages } from './records'

/** The fields of one article in the JSON export (README: "Export formats"). */
export function jsonArticle(record: ExportRecord): Record<string, unknown> {
  return {
    id: record.id,
    url: record.url,
    canonicalUrl: record.canonicalUrl,
    title: record.title,
    byline: record.byline,
    site: record.site,
    siteName: record.siteName,
    lang: record.lang,
    dir: record.dir,
    excerpt: record.excerpt,
    publishedAt: isoTime(record.publishedAt),
    savedAt: isoTime(record.savedAt),
    updatedAt: isoTime(record.updatedAt),
    readAt: isoTime(record.readAt),
    state: record.state,
    favorite: record.favorite,
    wordCount: record.wordCount,
    readingMinutes: record.readingMinutes,
    readingProgress: record.readingProgress,
    captureStatus: record.captureStatus,
    tags: record.tags
  }
}

/** `{ "format": "folio-articles", "version": 1, "exportedAt", "articles": [ … ] }`, one article a line. */
export const exportJson: Exporter = function* (db, selection, out) {
  const head = { format: 'folio-articles', version: 1, exportedAt: new Date().toISOString() }
  out.write(`${JSON.stringify(head).slice(0, -1)},"articles":[`)
  let written = 0
  for (const page of recordPages(db, selection)) {
    for (const record of page) {
      out.write(`${written === 0 ? '\n' : ',\n'}${JSON.stringify(jsonArticle(record))}`)
      written += 1
    }
    yield written
  }
  out.write('\n]}\n')
}
