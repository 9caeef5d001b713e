import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { writeSync as fsWriteSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { FolioError } from '../../../shared/errors'

/** Writes bytes to an open file descriptor; a test passes one that fails like a full disk. */
export type WriteBytes = (fd: number, bytes: Uint8Array) => number

/** How a write failure reads for a person: what happened, then what to do. */
function advice(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'the folder is read-only for Folio; choose another folder'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full; free some space or choose another disk'
    case 'ENOENT':
    case 'ENOTDIR':
      return 'its folder does not exist; create it first or choose another'
    case 'EISDIR':
      return 'it is a folder; name a file'
    // SQLite's codes, for a backup written by VACUUM INTO.
    case 'SQLITE_CANTOPEN':
      return 'its folder is missing or read-only for Folio; choose another folder'
    case 'SQLITE_FULL':
      return 'the disk is full; free some space or choose another disk'
    default:
      return error.message
  }
}

export function writeFailed(path: string, error: unknown): FolioError {
  if (error instanceof FolioError) return error
  return new FolioError(
    'write_failed',
    `Folio could not write ${path}: ${advice(error as NodeJS.ErrnoException)}. Nothing was left under that name.`
  )
}

/**
 * The absolute path a backup or export will write, refused when something is there already and
 * `force` was not given (or when it is a folder, which even `force` does not replace).
 */
export function outputPath(path: string, force: boolean): string {
  const target = resolve(path)
  let existing: Stats | undefined
  let folder: Stats | undefined
  try {
    folder = statSync(dirname(target), { throwIfNoEntry: false })
    existing = statSync(target, { throwIfNoEntry: false })
  } catch (error) {
    throw writeFailed(target, error)
  }
  if (!folder?.isDirectory()) {
    throw writeFailed(target, Object.assign(new Error('no folder'), { code: 'ENOENT' }))
  }
  if (existing?.isDirectory()) {
    throw new FolioError('already_exists', `${target} is a folder; name a file to write.`)
  }
  if (existing && !force) {
    throw new FolioError(
      'already_exists',
      `${target} exists already; choose another name, or --force (force: true) to replace it.`
    )
  }
  return target
}

/** A name beside the target, hidden, unique to this write, so a crash leaves no final name. */
export function temporaryPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`
  return join(dirname(target), `.${basename(target)}.${suffix}.folio-partial`)
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Already gone, or never made.
  }
}

/**
 * Gives the finished temporary file its final name. Without `force`, a hard link claims the name
 * atomically (it fails when a file appeared meanwhile); filesystems without hard links fall back
 * to a check then a rename.
 */
export function publishFile(temporary: string, target: string, force: boolean): void {
  if (force) {
    renameSync(temporary, target)
    return
  }
  try {
    linkSync(temporary, target)
    unlinkSync(temporary)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') outputPath(target, false)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error
    outputPath(target, false)
    renameSync(temporary, target)
  }
}

// 256 KiB per write: few system calls, and little memory whatever the export's size.
const bufferBytes = 256 * 1024

/**
 * A file written from start to end under a temporary name in the target's folder, and renamed
 * to its final name only by `commit()` (DESIGN.md §6b): a failed or cancelled export leaves
 * nothing under the final name, and no partial file either.
 */
export class OutputFile {
  readonly path: string
  private readonly temporary: string
  private readonly force: boolean
  private readonly writeBytes: WriteBytes
  private fd: number | null
  private pending: Buffer[] = []
  private pendingBytes = 0
  private written = 0

  constructor(path: string, options: { force: boolean; writeBytes?: WriteBytes }) {
    this.path = outputPath(path, options.force)
    this.force = options.force
    this.writeBytes = options.writeBytes ?? fsWriteSync
    this.temporary = temporaryPathFor(this.path)
    try {
      this.fd = openSync(this.temporary, 'wx')
    } catch (error) {
      throw writeFailed(this.path, error)
    }
  }

  /** Bytes written so far (buffered ones included). */
  get bytes(): number {
    return this.written + this.pendingBytes
  }

  write(text: string): void {
    const chunk = Buffer.from(text, 'utf8')
    this.pending.push(chunk)
    this.pendingBytes += chunk.length
    if (this.pendingBytes >= bufferBytes) this.flush()
  }

  private flush(): void {
    if (this.fd === null || this.pendingBytes === 0) return
    const data = Buffer.concat(this.pending, this.pendingBytes)
    this.pending = []
    this.pendingBytes = 0
    try {
      let offset = 0
      while (offset < data.length) offset += this.writeBytes(this.fd, data.subarray(offset))
      this.written += data.length
    } catch (error) {
      this.discard()
      throw writeFailed(this.path, error)
    }
  }

  /** Flushes, syncs to disk and gives the file its final name; returns its size. */
  commit(): number {
    this.flush()
    if (this.fd === null) throw writeFailed(this.path, new Error('the file was closed'))
    try {
      fsyncSync(this.fd)
      closeSync(this.fd)
      this.fd = null
      publishFile(this.temporary, this.path, this.force)
    } catch (error) {
      this.discard()
      throw writeFailed(this.path, error)
    }
    return this.written
  }

  /** Closes and deletes the temporary file; the final name was never touched. */
  discard(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd)
      } catch {
        // Closing a descriptor whose write failed may fail too; the file goes anyway.
      }
      this.fd = null
    }
    removeQuietly(this.temporary)
  }
}
