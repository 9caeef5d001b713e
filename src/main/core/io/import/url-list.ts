import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { emptyItem } from './item'
import type { ImportRow } from './item'

/** Looks like one web address alone on its line: no spaces, a scheme or a dotted host. */
export function looksLikeUrlLine(line: string): boolean {
  return /^(https?:\/\/\S+|www\.\S+|[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?)$/i.test(line)
}

/**
 * A plain list of URLs, one per line (Karakeep, Raindrop and `pbpaste` exports alike). Blank lines
 * and `#` comments are passed over; a line that is not an address fails alone.
 */
export async function* urlListRows(text: Readable): AsyncGenerator<ImportRow> {
  const lines = createInterface({ input: text, crlfDelay: Infinity })
  let row = 0
  for await (const rawLine of lines) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    row += 1
    if (!looksLikeUrlLine(line)) {
      yield {
        row,
        url: line.slice(0, 200),
        error: `line "${line.slice(0, 60)}" is not a web address`
      }
      continue
    }
    yield { row, item: emptyItem(line) }
  }
}
