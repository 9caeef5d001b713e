import type { CsvRecord } from './csv'
import { requireColumns } from './csv'
import { cleanTitle, emptyItem, parseTime } from './item'
import type { ImportRow } from './item'

/** Instapaper's own folders; any other `Folder` is the user's and becomes a tag (as Wallabag does). */
const builtInFolders = new Set(['unread', 'archive', 'starred'])

/** `Tags` holds a JSON array of names as a string: `["programming", "go"]`. */
function parseTags(text: string | undefined): string[] | Error {
  if (!text || text.trim() === '') return []
  try {
    const value = JSON.parse(text) as unknown
    if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) return value
  } catch {
    // reported below
  }
  return new Error(`its Tags cell is not a JSON list of names: ${text.slice(0, 60)}`)
}

/**
 * One row of Instapaper's CSV: the old header `URL,Title,Selection,Folder` or the new one with
 * `Timestamp,Tags` (since 2025-11-20). Archive → archived, Starred → starred, a user folder →
 * a tag; `Selection` (text the user selected when saving) is kept as the article's note.
 */
export function instapaperRow(record: CsvRecord, row: number, where: string): ImportRow {
  if (record.index === 1) requireColumns(record, ['url', 'title', 'folder'], where)
  const url = record.fields.url.trim()
  if (url === '') return { row, url: null, error: `${where} line ${record.line} has no URL` }
  const tags = parseTags(record.fields.tags)
  if (tags instanceof Error)
    return { row, url, error: `${where} line ${record.line}: ${tags.message}` }
  const item = emptyItem(url)
  item.title = cleanTitle(record.fields.title, url)
  item.savedAt = parseTime(record.fields.timestamp)
  const folder = (record.fields.folder ?? '').trim()
  const builtIn = folder.toLowerCase()
  item.state = builtIn === 'archive' ? 'archived' : 'unread'
  item.favorite = builtIn === 'starred'
  item.tags = folder !== '' && !builtInFolders.has(builtIn) ? [...tags, folder] : tags
  const selection = (record.fields.selection ?? '').trim()
  if (selection !== '') item.note = selection
  return { row, item }
}
