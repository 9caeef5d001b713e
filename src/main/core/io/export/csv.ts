import type { Exporter } from './format'
import { isoTime } from './format'
import type { ExportRecord } from './records'
import { recordPages } from './records'

/** The columns, in order (README: "Export formats"); tags are joined with `; `. */
export const csvColumns: [string, (record: ExportRecord) => string | number | boolean | null][] = [
  ['id', (r) => r.id],
  ['url', (r) => r.url],
  ['title', (r) => r.title],
  ['byline', (r) => r.byline],
  ['site', (r) => r.site],
  ['site_name', (r) => r.siteName],
  ['lang', (r) => r.lang],
  ['published_at', (r) => isoTime(r.publishedAt)],
  ['saved_at', (r) => isoTime(r.savedAt)],
  ['read_at', (r) => isoTime(r.readAt)],
  ['state', (r) => r.state],
  ['favorite', (r) => r.favorite],
  ['word_count', (r) => r.wordCount],
  ['reading_minutes', (r) => r.readingMinutes],
  ['reading_progress', (r) => r.readingProgress],
  ['tags', (r) => r.tags.join('; ')],
  ['excerpt', (r) => r.excerpt],
  ['capture_status', (r) => r.captureStatus]
]

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark, without which spreadsheet
 * programs read Chinese, Japanese or Cyrillic titles in the local legacy charset.
 */
export const exportCsv: Exporter = function* (db, selection, out) {
  out.write(`\uFEFF${csvColumns.map(([name]) => name).join(',')}\r\n`)
  let written = 0
  for (const page of recordPages(db, selection)) {
    for (const record of page) {
      out.write(`${csvColumns.map(([, value]) => csvField(value(record))).join(',')}\r\n`)
    }
    written += page.length
    yield written
  }
}
