import type { ParsedInput } from '../../../shared/contract'
import { FolioError } from '../../../shared/errors'
import type { SaveItemResult } from '../../../shared/types'
import type { CallContext, EngineContext } from '../context'
import { isLocalPath } from './sources'

/** The capture domain (DESIGN.md §3): saving addresses, rendered pages and files. */

export function save(
  { capture }: EngineContext,
  input: ParsedInput<'capture.save'>,
  call: CallContext
): { items: SaveItemResult[] } {
  // A path reads a file from this machine: only Folio's own processes may ask for that, never a
  // window or a browser extension (they send the file's bytes with capture.saveFile instead).
  const local = input.inputs.find(isLocalPath)
  if (call.caller !== 'cli' && local !== undefined) {
    throw new FolioError(
      'forbidden',
      `"${local}" is not a web address; files are saved by dropping them on Folio's window ` +
        'or with `folio save FILE`.'
    )
  }
  return { items: capture.save(input.inputs, input.tags) }
}

export function saveHtml(
  { capture }: EngineContext,
  input: ParsedInput<'capture.saveHtml'>
): SaveItemResult {
  return capture.saveHtml(input)
}

export function saveFile(
  { capture }: EngineContext,
  input: ParsedInput<'capture.saveFile'>
): SaveItemResult {
  return capture.saveFile(input)
}
