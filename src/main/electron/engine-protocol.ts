/**
 * The messages between the desktop app's main process and its engine process (DESIGN.md §1: the
 * engine runs in a utilityProcess so a long query never freezes the window), validated on both
 * sides. Kept free of `electron` imports: both ends and the tests load it under plain Node.
 *
 * Main → engine: requests carry an `id` and get exactly one `reply` with that id, a Result;
 * `shutdown` asks the engine to stop its work, close the library and exit.
 * Engine → main: `reply`, and `event` for every library event.
 */
import { z } from 'zod'
import { errorCodes } from '../../shared/errors'
import { callers } from '../../shared/contract'
import { operationNames } from '../../shared/operations'

const requestId = z.number().int().nonnegative()
const port = z.number().int().min(1).max(65535)

export const openRequestSchema = z.object({
  type: z.literal('open'),
  id: requestId,
  libraryDir: z.string().min(1),
  /** better-sqlite3 built for Electron's ABI; absent, the engine loads the one in node_modules. */
  nativeBinding: z.string().min(1).optional(),
  /** `--capture-port=N` from the app's command line: kept as Browser Capture's port. */
  capturePort: port.optional()
})

export const invokeRequestSchema = z.object({
  type: z.literal('invoke'),
  id: requestId,
  name: z.enum(operationNames),
  input: z.unknown(),
  /** The window's calls are `ui`; the main process's own (the menu's Import Files) are `cli`. */
  caller: z.enum(callers)
})

/** The bytes behind `folio-asset://<sha256>`, so the main process needs no database handle. */
export const assetRequestSchema = z.object({
  type: z.literal('asset'),
  id: requestId,
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})

/** Browser Capture's state; with `enabled`, first starts or stops its server and saves that. */
export const browserCaptureRequestSchema = z.object({
  type: z.literal('browserCapture'),
  id: requestId,
  enabled: z.boolean().optional()
})

export const shutdownMessageSchema = z.object({ type: z.literal('shutdown') })

export const toEngineMessageSchema = z.discriminatedUnion('type', [
  openRequestSchema,
  invokeRequestSchema,
  assetRequestSchema,
  browserCaptureRequestSchema,
  shutdownMessageSchema
])
export type ToEngineMessage = z.infer<typeof toEngineMessageSchema>
export type EngineRequest = Exclude<ToEngineMessage, { type: 'shutdown' }>

const errorInfoSchema = z.object({ code: z.enum(errorCodes), message: z.string() })

export const replyMessageSchema = z.object({
  type: z.literal('reply'),
  id: requestId,
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: errorInfoSchema })
  ])
})

// Only the engine's own events; `menu.command` comes from the main process, never from here.
export const eventMessageSchema = z.object({
  type: z.literal('event'),
  event: z.looseObject({
    type: z.enum(['articles.changed', 'job.progress', 'index.progress', 'tags.changed'])
  })
})

export const fromEngineMessageSchema = z.discriminatedUnion('type', [
  replyMessageSchema,
  eventMessageSchema
])
export type FromEngineMessage = z.infer<typeof fromEngineMessageSchema>

/** The value of a successful reply, per request type. */
export const browserCaptureStateSchema = z.object({
  /** Whether the server is listening now. */
  enabled: z.boolean(),
  port,
  token: z.string(),
  bookmarklet: z.string(),
  /** Why the server could not start at the last attempt, for a person; null when it could. */
  problem: z.string().nullable()
})
export type BrowserCaptureState = z.infer<typeof browserCaptureStateSchema>

export const openedSchema = z.object({ browserCapture: browserCaptureStateSchema })
export type EngineOpened = z.infer<typeof openedSchema>

export const storedAssetSchema = z
  .object({ mime: z.string().min(1), bytes: z.instanceof(Uint8Array) })
  .nullable()
export type StoredAsset = z.infer<typeof storedAssetSchema>

/** Where a message broke the protocol, short enough for a log line: `name, input.id`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.path.join('.') || 'the message itself').join(', ')
}
