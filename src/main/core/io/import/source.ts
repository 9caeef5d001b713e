import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Readable } from 'node:stream'
import iconv from 'iconv-lite'
import { ImportFileError } from './item'

/** Formats are told from the first 64 KiB: a header line, a doctype, a ZIP signature. */
export const headBytes = 64 * 1024

/**
 * HTML exports (bookmarks, Pocket's legacy page) are parsed whole; the largest seen are ~50 MiB
 * (100k bookmarks), so 256 MiB is a wrong file, not an export.
 */
export const maxWholeFileBytes = 256 * 1024 * 1024

/** The file's name for messages: "ril_export.html", not a long path. */
export function fileLabel(path: string): string {
  return basename(path)
}

export function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ImportFileError(
      code === 'ENOENT'
        ? `There is no file ${path}. Check the path.`
        : `Folio cannot read ${path} (${code ?? String(error)}).`
    )
  }
}

export function readHead(path: string): Buffer {
  const head = Buffer.alloc(headBytes)
  const fd = openSync(path, 'r')
  try {
    return head.subarray(0, readSync(fd, head, 0, headBytes, 0))
  } finally {
    closeSync(fd)
  }
}

/** The text encoding of a file from its first bytes: a BOM, else UTF-8 if valid, else Windows-1252. */
export function textEncodingOf(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  // The head may end inside a character: up to 3 bytes of it are left out of the check.
  const sample = head.length === headBytes ? head.subarray(0, head.length - 3) : head
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample)
    return 'utf-8'
  } catch {
    // Excel and old Windows tools write CSV in the ANSI code page, Windows-1252 in the West.
    return 'windows-1252'
  }
}

/** The head decoded, without its BOM, for detecting the format. */
export function decodeHead(head: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(head), encoding, { stripBOM: true })
}

/** How much of a stream has been read, for progress: bytes so far over the file's size. */
export class ReadCounter {
  read = 0
  /** The bytes to read: the file's size, or a ZIP's entries' once they are listed. */
  constructor(public size: number) {}

  fraction(): number {
    return this.size === 0 ? 1 : Math.min(1, this.read / this.size)
  }
}

/** The file's bytes as a stream, counted into `counter`. */
export function countedStream(path: string, counter: ReadCounter): Readable {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 })
  stream.on('data', (chunk) => (counter.read += chunk.length))
  return stream
}

/** The decoded text of a counted stream. */
export function decodedStream(bytes: Readable, encoding: string): Readable {
  const text = bytes.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable
  bytes.on('error', (error) => text.destroy(error))
  return text
}
