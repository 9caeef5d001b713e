import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { decodeHtmlBytes } from '../../capture/decode'
import { csvRecords, delimiterOf } from './csv'
import type { CsvRecord } from './csv'
import type { DetectedFile } from './detect'
import { ImportFileError } from './item'
import type { ImportRow } from './item'
import { instapaperRow } from './instapaper-csv'
import { netscapeRows } from './netscape'
import { pocketRow } from './pocket-csv'
import { pocketHtmlRows } from './pocket-html'
import { pocketJsonRows } from './pocket-json'
import { pocketZipRows } from './pocket-zip'
import {
  countedStream,
  decodeHead,
  decodedStream,
  fileLabel,
  maxWholeFileBytes,
  readHead,
  ReadCounter
} from './source'
import { urlListRows } from './url-list'

export interface ParsedFile {
  rows: AsyncIterable<ImportRow>
  /** How much of the file has been read, 0–1, for progress. */
  fraction(): number
}

export interface ParseOptions {
  /** The most a ZIP may expand to (tests lower it). */
  maxExpandedBytes?: number
}

function readWhole(path: string, label: string, size: number): string {
  if (size > maxWholeFileBytes) {
    throw new ImportFileError(
      `${label} is ${Math.round(size / 1024 / 1024)} MiB, too large for an HTML or JSON export; is it the right file?`
    )
  }
  return decodeHtmlBytes(readFileSync(path)).html
}

async function* fromSync(rows: Iterable<ImportRow>): AsyncGenerator<ImportRow> {
  yield* rows
}

async function* csvRows(
  path: string,
  file: DetectedFile,
  counter: ReadCounter,
  row: (record: CsvRecord, row: number, where: string) => ImportRow
): AsyncGenerator<ImportRow> {
  const label = fileLabel(path)
  const encoding = file.encoding ?? 'utf-8'
  const delimiter = delimiterOf(decodeHead(readHead(path), encoding).split(/\r?\n/, 1)[0])
  const text = decodedStream(countedStream(path, counter), encoding)
  for await (const record of csvRecords(text, label, delimiter)) {
    yield row(record, record.index, label)
  }
}

/** The rows of a file whose format is known, streamed where the format allows. */
export function parseFile(
  path: string,
  file: DetectedFile,
  options: ParseOptions = {}
): ParsedFile {
  const label = fileLabel(path)
  const counter = new ReadCounter(file.size)
  const whole = (): string => {
    const html = readWhole(path, label, file.size)
    counter.read = file.size
    return html
  }
  // JSON is parsed whole: Pocket's API dumps of 20k items are ~30 MiB.
  const wholeText = (): string => {
    if (file.size > maxWholeFileBytes) readWhole(path, label, file.size)
    const text = iconv.decode(readFileSync(path), file.encoding ?? 'utf-8', { stripBOM: true })
    counter.read = file.size
    return text
  }
  const rows = ((): AsyncIterable<ImportRow> => {
    switch (file.format) {
      case 'url-list':
        return urlListRows(decodedStream(countedStream(path, counter), file.encoding ?? 'utf-8'))
      case 'netscape':
        return fromSync({ [Symbol.iterator]: () => netscapeRows(whole()) })
      case 'pocket-html':
        return fromSync({ [Symbol.iterator]: () => pocketHtmlRows(whole()) })
      case 'pocket-json':
        return fromSync({ [Symbol.iterator]: () => pocketJsonRows(wholeText(), label) })
      case 'pocket-csv':
        return csvRows(path, file, counter, (record, row, where) =>
          pocketRow(record, row, where, null)
        )
      case 'instapaper-csv':
        return csvRows(path, file, counter, (record, row, where) =>
          instapaperRow(record, row, where)
        )
      case 'pocket-zip':
        return pocketZipRows(path, label, counter, options.maxExpandedBytes)
    }
  })()
  return { rows, fraction: () => counter.fraction() }
}
