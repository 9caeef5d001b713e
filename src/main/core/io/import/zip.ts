import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { ImportFileError } from './item'

/**
 * An export ZIP read in place (yauzl: the central directory first, then one entry at a time as a
 * stream), never unpacked to disk, so `../` or absolute entry names cannot write anywhere.
 * What it expands to is capped: the declared sizes before reading, and the real bytes as they
 * come (yauzl stops an entry that inflates past its declared size).
 */
export interface ZipArchive {
  entries: Entry[]
  /** An entry's bytes, counted against the archive's expansion cap. */
  open(entry: Entry): Promise<Readable>
  /** An entry whole, for small JSON files. */
  read(entry: Entry): Promise<Buffer>
  close(): void
}

/**
 * Pocket's 20k-item export expands to ~4 MiB; 1 GiB leaves room for exports with content
 * (Omnivore's HTML) and still stops a ZIP bomb (42.zip expands to 4.5 PB) long before memory or
 * time run out.
 */
export const defaultMaxExpandedBytes = 1024 * 1024 * 1024

function corrupt(label: string, error: Error): ImportFileError {
  return new ImportFileError(
    `${label} is not a readable ZIP file (${error.message}); it may be truncated or damaged — download the export again.`
  )
}

function openZip(path: string, label: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) =>
        error || !zip ? reject(corrupt(label, error ?? new Error('no archive'))) : resolve(zip)
    )
  })
}

function listEntries(zip: ZipFile, label: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', (error: Error) => reject(corrupt(label, error)))
    zip.readEntry()
  })
}

export async function openArchive(
  path: string,
  label: string,
  maxExpandedBytes = defaultMaxExpandedBytes
): Promise<ZipArchive> {
  const zip = await openZip(path, label)
  let entries: Entry[]
  try {
    entries = await listEntries(zip, label)
  } catch (error) {
    zip.close()
    throw error
  }
  let expanded = 0
  const bomb = (): ImportFileError =>
    new ImportFileError(
      `${label} expands to more than ${Math.round(maxExpandedBytes / 1024 / 1024)} MiB, far more than an export holds: ` +
        'Folio stopped reading it (a ZIP bomb, or not an export).'
    )
  const open = (entry: Entry): Promise<Readable> => {
    expanded += entry.uncompressedSize
    if (expanded > maxExpandedBytes) return Promise.reject(bomb())
    return new Promise((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream)
          reject(corrupt(`${label}: ${entry.fileName}`, error ?? new Error('no data')))
        else resolve(stream)
      })
    })
  }
  return {
    entries,
    open,
    async read(entry) {
      const chunks: Buffer[] = []
      try {
        for await (const chunk of await open(entry)) chunks.push(chunk as Buffer)
      } catch (error) {
        if (error instanceof ImportFileError) throw error
        throw corrupt(`${label}: ${entry.fileName}`, error as Error)
      }
      return Buffer.concat(chunks)
    },
    close: () => zip.close()
  }
}

/** True for the ZIP signatures: a local file header, or an empty archive's end record. */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)
}
