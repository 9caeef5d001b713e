/**
 * What every import parser yields (issue 16): one row of the file, as an article to import or
 * as the reason it cannot be. Parsers know their format; the runner knows the library.
 */

/** A highlight from an export: a quote with no position, placed once the text exists. */
export interface ImportedHighlight {
  quote: string
  note?: string
  /** Unix milliseconds; null when the export does not say. */
  createdAt: number | null
}

export interface ImportItem {
  url: string
  title: string
  /** Unix milliseconds of the original save; null when the export does not say. */
  savedAt: number | null
  tags: string[]
  state: 'unread' | 'archived'
  favorite: boolean
  highlights: ImportedHighlight[]
  /** Text the user wrote or selected when saving (Instapaper's Selection), kept as the note. */
  note?: string
}

export type ImportRow =
  { row: number; item: ImportItem } | { row: number; url: string | null; error: string }

/** The rows of one file, streamed; a parser throws `ImportFileError` when it cannot go on. */
export type RowSource = AsyncIterable<ImportRow>

/**
 * The file cannot be read further (unbalanced quotes, a corrupt ZIP, an unknown format): the
 * rows before it are kept, and the message names the file and where it stopped.
 */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportFileError'
  }
}

export function emptyItem(url: string): ImportItem {
  return {
    url,
    title: '',
    savedAt: null,
    tags: [],
    state: 'unread',
    favorite: false,
    highlights: []
  }
}

// Unix seconds for dates after 2001-09-09 have 10 digits; a 13-digit number is milliseconds.
const millisecondsThreshold = 1e11

/** Unix seconds or milliseconds (a number or its digits), or an ISO/`Y-m-d H:i:s` date. */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return Math.round(value < millisecondsThreshold ? value * 1000 : value)
  }
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text === '' || text === '0') return null
  if (/^\d+(\.\d+)?$/.test(text)) return parseTime(Number(text))
  // `2024-01-02 03:04:05` is UTC in the exports that write it (Pocket's API annotations).
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(text)
    ? `${text.replace(' ', 'T')}Z`
    : text
  const time = Date.parse(iso)
  return Number.isNaN(time) ? null : time
}

/** Splits a tag list on a separator, trimming and dropping empty names. */
export function splitTags(text: string | undefined, separator: string | RegExp): string[] {
  if (!text) return []
  return text
    .split(separator)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0)
}

/** A title that is only the URL again (very old Pocket items) is no title. */
export function cleanTitle(title: string | undefined, url: string): string {
  const trimmed = (title ?? '').replace(/\s+/gu, ' ').trim()
  return trimmed === url.trim() ? '' : trimmed
}
