import type { CsvRecord } from './csv'
import { requireColumns } from './csv'
import { cleanTitle, emptyItem, parseTime, splitTags } from './item'
import type { ImportRow } from './item'
import type { AnnotationIndex } from './pocket-annotations'

/**
 * One row of Pocket's CSV (`title,url,time_added,cursor,tags,status`, some exports without
 * `cursor`: import-formats.md): `time_added` in unix seconds, tags split on `|`, `status`
 * `archive` or `unread`. Highlights come from the ZIP's `annotations/*.json`, by address.
 */
export function pocketRow(
  record: CsvRecord,
  row: number,
  where: string,
  annotations: AnnotationIndex | null
): ImportRow {
  if (record.index === 1) requireColumns(record, ['url', 'time_added'], where)
  const url = record.fields.url.trim()
  if (url === '') return { row, url: null, error: `${where} line ${record.line} has no URL` }
  const item = emptyItem(url)
  item.title = cleanTitle(record.fields.title, url)
  item.savedAt = parseTime(record.fields.time_added)
  item.tags = splitTags(record.fields.tags, '|')
  item.state = record.fields.status?.trim().toLowerCase() === 'archive' ? 'archived' : 'unread'
  item.highlights = annotations?.take(url) ?? []
  return { row, item }
}
