import type { z } from 'zod'

/**
 * Who calls an operation, as each door knows it:
 * - `ui`: Folio's own interface (the Electron window over IPC, or the served pages over HTTP);
 * - `cli`: code in a Folio process (the command line, the app's main process, tests, benches);
 * - `extension`: the browser extension (an extension origin with the X-Folio-Client header);
 * - `bookmarklet`: the bookmarklet's pop-up, holding a key that can only save pages.
 */
export const callers = ['ui', 'cli', 'extension', 'bookmarklet'] as const
export type Caller = (typeof callers)[number]

/** JSON bodies above this are refused with 413; 1 MiB covers every operation but page uploads. */
export const defaultMaxBodyBytes = 1024 * 1024

/** One operation of the contract: its input schema, its result type and its door policy. */
export interface OperationSpec<Input extends z.ZodType, Output> {
  input: Input
  /** Never read at run time: it carries the result type. */
  output: Output
  /** Who may call it; every door refuses the others. */
  callers: readonly Caller[]
  /** The largest request body the HTTP door reads for it. */
  maxBodyBytes: number
}

/** The result type of an operation, for `operation({ output: returns<Article>() })`. */
export function returns<Output>(): Output {
  return undefined as Output
}

const interfaceAndLocal: readonly Caller[] = ['ui', 'cli']

/** Declares an operation; by default the interface and local code may call it, with 1 MiB bodies. */
export function operation<Input extends z.ZodType, Output>(spec: {
  input: Input
  output: Output
  callers?: readonly Caller[]
  maxBodyBytes?: number
}): OperationSpec<Input, Output> {
  return {
    input: spec.input,
    output: spec.output,
    callers: spec.callers ?? interfaceAndLocal,
    maxBodyBytes: spec.maxBodyBytes ?? defaultMaxBodyBytes
  }
}
