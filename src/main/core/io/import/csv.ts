import type { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { ImportFileError } from './item'

export interface CsvRecord {
  /** The record's number, from 1 after the header. */
  index: number
  /** The line of the file where it ends, for messages. */
  line: number
  /** Cells by header name, lower-cased and trimmed: `url`, `time_added`, `folder`. */
  fields: Record<string, string>
}

/** `,` unless the header has more `;` outside quotes (Wallabag, European Excel). */
export function delimiterOf(headerLine: string): ',' | ';' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '')
  const count = (character: string): number => unquoted.split(character).length - 1
  return count(';') > count(',') ? ';' : ','
}

function csvFailure(error: unknown, label: string): Error {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines
    const where = line ? ` at line ${line}` : ''
    const hint =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? ': a quoted cell is never closed (an unbalanced `"`)'
        : `: ${error.message}`
    return new ImportFileError(
      `${label} is not valid CSV${where}${hint}. The rows before it were imported.`
    )
  }
  if (error instanceof ImportFileError) return error
  return new ImportFileError(`Folio could not read ${label}: ${(error as Error).message}`)
}

/**
 * The records of a CSV text stream (RFC 4180: quoted cells with commas, quotes and line breaks,
 * CRLF or LF), mapped by the header's names so a column added or missing changes nothing.
 */
export async function* csvRecords(
  text: Readable,
  label: string,
  delimiter: ',' | ';'
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    delimiter,
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true
  })
  text.on('error', (error) => parser.destroy(error))
  text.pipe(parser)
  let index = 0
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string | undefined>
      info: { lines: number }
    }>) {
      index += 1
      const fields: Record<string, string> = {}
      for (const [name, value] of Object.entries(record)) fields[name] = value ?? ''
      yield { index, line: info.lines, fields }
    }
  } catch (error) {
    throw csvFailure(error, label)
  } finally {
    text.destroy()
  }
}

/** Stops with a clear message when the header lacks a column the format needs. */
export function requireColumns(record: CsvRecord, names: string[], label: string): void {
  const missing = names.filter((name) => !(name in record.fields))
  if (missing.length > 0) {
    throw new ImportFileError(
      `${label} has no ${missing.map((name) => `"${name}"`).join(' or ')} column in its header line.`
    )
  }
}
