import type { ParsedInput } from '../../../shared/contract'
import type { BackupResult, CheckReport } from '../../../shared/types'
import type { EngineContext } from '../context'
import { backupLibrary } from './backup'
import { checkLibrary } from './check'

/**
 * The library's upkeep (DESIGN.md §6b): a consistent copy while it is in use, and a check that
 * reports what is wrong and rebuilds what is derived. (A folder, not `core/library/`, because
 * `core/library.ts` is the open library itself.)
 */

export function backup({ db }: EngineContext, input: ParsedInput<'library.backup'>): BackupResult {
  return backupLibrary(db, input.path, input.force)
}

export function check(
  { library, write }: EngineContext,
  input: ParsedInput<'library.check'>
): CheckReport {
  return checkLibrary(library, write, input.repair)
}
