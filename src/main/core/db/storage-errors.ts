import { FolioError } from '../../../shared/errors'

/** SQLite's and the system's ways of saying the disk is full (SQLITE_FULL, ENOSPC, a quota). */
const fullCodes = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT'])

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** True for a failure of the disk or file under the library, not of the data or the code. */
export function isStorageError(error: unknown): boolean {
  const code = codeOf(error)
  return (
    fullCodes.has(code) ||
    code === 'EROFS' ||
    code === 'EIO' ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_READONLY')
  )
}

/**
 * A storage failure as a sentence naming the library and what to do; null for any other error.
 * `what` says what could not be written ("the page http://…").
 */
export function storageFailure(error: unknown, dir: string, what?: string): FolioError | null {
  if (error instanceof FolioError || !isStorageError(error)) return null
  const subject = what ? `Folio could not save ${what}: the` : 'The'
  if (fullCodes.has(codeOf(error))) {
    return new FolioError(
      'storage_full',
      `${subject} disk holding the library at ${dir} is full. ` +
        'Free some space on it (or move the library elsewhere), then save again or run `folio jobs retry`.'
    )
  }
  return new FolioError(
    'library_unavailable',
    `${subject} library at ${dir} cannot be written (${(error as Error).message}). ` +
      'Check that its disk is mounted, writable and healthy, then try again.'
  )
}
