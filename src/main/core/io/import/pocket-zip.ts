import { csvRecords } from './csv'
import { ImportFileError } from './item'
import type { ImportRow } from './item'
import { AnnotationIndex } from './pocket-annotations'
import { pocketRow } from './pocket-csv'
import { decodedStream, ReadCounter } from './source'
import { openArchive } from './zip'
import type { ZipArchive } from './zip'

const partName = /(^|\/)part_\d+\.csv$/i
const annotationsName = /(^|\/)annotations\/[^/]+\.json$/i

/** True when a ZIP's entries are Pocket's export: `part_000000.csv`, `part_000001.csv`… */
export function isPocketZip(names: string[]): boolean {
  return names.some((name) => partName.test(name))
}

const byName = <T extends { fileName: string }>(a: T, b: T): number =>
  a.fileName.localeCompare(b.fileName)

async function readAnnotations(archive: ZipArchive, label: string): Promise<AnnotationIndex> {
  const index = new AnnotationIndex()
  const files = archive.entries.filter((entry) => annotationsName.test(entry.fileName)).sort(byName)
  for (const entry of files) {
    const where = `${label}: ${entry.fileName}`
    index.add(new TextDecoder('utf-8').decode(await archive.read(entry)), where)
  }
  return index
}

/**
 * Pocket's export ZIP (2024 to its shutdown): `part_*.csv` of at most 10,000 rows each, read
 * in name order as one list, and `annotations/part_*.json` with the highlights, joined to their
 * rows by address. Annotated articles no row names are imported too, after the rows.
 */
export async function* pocketZipRows(
  path: string,
  label: string,
  counter: ReadCounter,
  maxExpandedBytes?: number
): AsyncGenerator<ImportRow> {
  const archive = await openArchive(path, label, maxExpandedBytes)
  try {
    const parts = archive.entries.filter((entry) => partName.test(entry.fileName)).sort(byName)
    if (parts.length === 0)
      throw new ImportFileError(`${label} holds no part_*.csv: it is not Pocket's export.`)
    const annotations = await readAnnotations(archive, label)
    counter.size = parts.reduce((sum, part) => sum + part.uncompressedSize, 0)
    let row = 0
    for (const part of parts) {
      const where = `${label}: ${part.fileName}`
      const bytes = await archive.open(part)
      bytes.on('data', (chunk: Buffer) => (counter.read += chunk.length))
      for await (const record of csvRecords(decodedStream(bytes, 'utf-8'), where, ',')) {
        row += 1
        yield pocketRow(record, row, where, annotations)
      }
    }
    for (const problem of annotations.problems) yield { row: (row += 1), ...problem }
    for (const item of annotations.remaining()) yield { row: (row += 1), item }
  } finally {
    archive.close()
  }
}
