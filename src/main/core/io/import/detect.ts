import type { ImportFormat } from '../../../../shared/types'
import { ImportFileError } from './item'
import { looksLikePocketJson } from './pocket-json'
import { isPocketZip } from './pocket-zip'
import { decodeHead, fileLabel, fileSize, readHead, textEncodingOf } from './source'
import { looksLikeUrlLine } from './url-list'
import { openArchive } from './zip'

export interface DetectedFile {
  format: ImportFormat
  /** The text encoding of a text file (BOM, UTF-8, else Windows-1252); null for a ZIP. */
  encoding: string | null
  size: number
}

function headerCells(firstLine: string): string[] {
  return firstLine.split(/[,;]/).map((cell) =>
    cell
      .replace(/^\s*"|"\s*$/g, '')
      .trim()
      .toLowerCase()
  )
}

/** A text file's format from its first 64 KiB; null when it is none Folio reads. */
function textFormat(text: string, whole: boolean): ImportFormat | null {
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(text)) return 'netscape'
  if (/<title>\s*Pocket Export\s*<\/title>/i.test(text)) return 'pocket-html'
  if (looksLikePocketJson(text)) return 'pocket-json'
  const cells = headerCells(text.split(/\r?\n/, 1)[0])
  const has = (...names: string[]): boolean => names.every((name) => cells.includes(name))
  if (has('url', 'time_added')) return 'pocket-csv'
  if (has('url', 'title', 'selection', 'folder')) return 'instapaper-csv'
  const lines = text.split(/\r?\n/)
  // The head may cut its last line in two: it is not judged unless the file ends there.
  const judged = (whole ? lines : lines.slice(0, -1))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .slice(0, 50)
  // Mostly addresses: a stray line of text fails alone, as a row, rather than the whole file.
  const urls = judged.filter(looksLikeUrlLine).length
  if (urls > 0 && urls * 2 >= judged.length) return 'url-list'
  return null
}

/** What the file looks like instead, to say so when Folio cannot read it. */
function describeUnknown(text: string): string {
  const start = text.trimStart()
  if (start.startsWith('{') || start.startsWith('['))
    return 'It holds JSON, but not a Pocket API dump; Wallabag and Omnivore files are not read yet.'
  if (/<title>\s*Instapaper/i.test(text))
    return "It is Instapaper's HTML export; export the CSV from Instapaper instead."
  if (start.startsWith('<')) return 'It holds HTML, but neither bookmarks nor a Pocket export.'
  return 'Folio reads Pocket (ZIP, CSV, HTML, API JSON), Instapaper CSV, browser bookmarks (HTML) and plain lists of URLs.'
}

/**
 * Tells the format from the file's content, never from its name: a ZIP holding `part_*.csv`,
 * a bookmarks doctype, a CSV header, or lines that are all addresses.
 */
export async function detectFormat(path: string, maxExpandedBytes?: number): Promise<DetectedFile> {
  const label = fileLabel(path)
  const size = fileSize(path)
  const head = readHead(path)
  if (head.length === 0) throw new ImportFileError(`${label} is empty: there is nothing to import.`)
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const archive = await openArchive(path, label, maxExpandedBytes)
    archive.close()
    if (isPocketZip(archive.entries.map((entry) => entry.fileName))) {
      return { format: 'pocket-zip', encoding: null, size }
    }
    throw new ImportFileError(
      `${label} is a ZIP file but not Pocket's export (no part_*.csv inside); Folio does not read other ZIP exports yet.`
    )
  }
  const encoding = textEncodingOf(head)
  const text = decodeHead(head, encoding)
  if (text.trim() === '')
    throw new ImportFileError(`${label} is empty: there is nothing to import.`)
  const format = textFormat(text, head.length === size)
  if (format === null)
    throw new ImportFileError(
      `Folio does not recognise the format of ${label}. ${describeUnknown(text)}`
    )
  return { format, encoding, size }
}
