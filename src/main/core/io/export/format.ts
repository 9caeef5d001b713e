import type { Database } from 'better-sqlite3'
import type { ExportFormat } from '../../../../shared/types'
import type { Selection } from './records'

/** Where a format writes its text, as it goes. */
export interface TextSink {
  write(text: string): void
}

/**
 * One export format: writes the selection to `out` a page at a time, yielding after each page how
 * many articles it has written, so the job reports progress and lets other work run between pages.
 */
export type Exporter = (
  db: Database,
  selection: Selection,
  out: TextSink
) => Generator<number, void, void>

/** ISO 8601 in UTC, or null: the form JSON and CSV carry times in. */
export function isoTime(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString()
}

export type { ExportFormat }
