/**
 * The main process's handle on the engine process: the same `invoke(name, input)` as the core,
 * over the messages of engine-protocol.ts. Kept free of `electron` imports (engine-fork.ts
 * adapts a UtilityProcess to `EngineChannel`), so tests drive it with a forked `node`.
 *
 * Never hangs on a dead engine: when the process exits, every pending call and every later one
 * resolves with `engine_unavailable`.
 */
import type { z } from 'zod'
import type { Caller } from '../../shared/contract'
import { failure } from '../../shared/errors'
import type { Result } from '../../shared/errors'
import type { FolioEvent, FolioEventListener } from '../../shared/events'
import { isOperationName } from '../../shared/operations'
import {
  browserCaptureStateSchema,
  describeIssues,
  fromEngineMessageSchema,
  openedSchema,
  storedAssetSchema
} from './engine-protocol'
import type {
  BrowserCaptureState,
  EngineOpened,
  EngineRequest,
  StoredAsset,
  ToEngineMessage
} from './engine-protocol'

/** A forked engine process as the client needs it: a UtilityProcess, or a child_process in tests. */
export interface EngineChannel {
  postMessage(message: ToEngineMessage): void
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export interface OpenOptions {
  libraryDir: string
  nativeBinding?: string
  capturePort?: number
}

export interface EngineClient {
  /** Opens the library in the engine and starts its background work. */
  open(options: OpenOptions): Promise<Result<EngineOpened>>
  /** Runs one FolioApi operation; never throws, never hangs. */
  invoke(name: string, input: unknown, caller: Caller): Promise<Result<unknown>>
  /** An image stored in the library, or null when it has none with this hash. */
  asset(sha256: string): Promise<Result<StoredAsset>>
  /** Browser Capture's state; with `enabled`, first turns its server on or off. */
  browserCapture(enabled?: boolean): Promise<Result<BrowserCaptureState>>
  onEvent(listener: FolioEventListener): () => void
  /** Called once if the engine process ends without having been asked to. */
  onUnexpectedExit(listener: (message: string) => void): void
  /** Asks the engine to finish and exit; kills it if it has not after `shutdownGraceMs`. */
  close(): Promise<void>
}

export interface EngineClientOptions {
  /** Running captures get this long to stop cleanly at quit; 10 s, then the process is killed. */
  shutdownGraceMs?: number
  log?: (message: string) => void
}

type RequestBody = EngineRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never

interface Pending {
  resolve(result: Result<unknown>): void
  schema: z.ZodType | null
}

/** The calls waiting for the engine's reply, and how the engine's end is known. */
interface ClientState {
  pending: Map<number, Pending>
  nextId: number
  /** Set once the engine process has ended: every call then fails with it. */
  exitMessage: string | null
  closing: boolean
}

function settle(state: ClientState, id: number, result: Result<unknown>): void {
  const call = state.pending.get(id)
  if (!call) return
  state.pending.delete(id)
  call.resolve(result)
}

/** Sends a request and resolves with the engine's reply, checked against `schema` when given. */
function request<T>(
  channel: EngineChannel,
  state: ClientState,
  body: RequestBody,
  schema: z.ZodType<T> | null
): Promise<Result<T>> {
  if (state.exitMessage !== null)
    return Promise.resolve(failure('engine_unavailable', state.exitMessage))
  if (state.closing)
    return Promise.resolve(failure('engine_unavailable', 'Folio is closing its library.'))
  const id = state.nextId++
  return new Promise<Result<T>>((resolve) => {
    state.pending.set(id, { resolve: resolve as (result: Result<unknown>) => void, schema })
    try {
      channel.postMessage({ ...body, id } as ToEngineMessage)
    } catch (error) {
      const message = `Folio could not reach its engine: ${String(error)}`
      settle(state, id, failure('engine_unavailable', message))
    }
  })
}

/** A message from the engine: an event for the listeners, or the reply to a pending call. */
function receive(
  state: ClientState,
  message: unknown,
  listeners: Set<FolioEventListener>,
  log: (message: string) => void
): void {
  const parsed = fromEngineMessageSchema.safeParse(message)
  if (!parsed.success) {
    log(`folio: ignored a malformed message from the engine (${describeIssues(parsed.error)})`)
    const id = (message as { id?: unknown } | null)?.id
    if (typeof id === 'number')
      settle(state, id, failure('internal', 'The engine answered nonsense.'))
    return
  }
  const received = parsed.data
  if (received.type === 'event') {
    for (const listener of listeners) listener(received.event as FolioEvent)
    return
  }
  const call = state.pending.get(received.id)
  if (!call) return
  const { result } = received
  if (!result.ok || !call.schema) return settle(state, received.id, result)
  const value = call.schema.safeParse(result.value)
  const unexpected = failure('internal', 'The engine answered with an unexpected value.')
  settle(state, received.id, value.success ? result : unexpected)
}

/** Asks the engine to stop; kills it if it has not within the grace period. */
async function shutDown(
  channel: EngineChannel,
  whenExited: Promise<void>,
  graceMs: number,
  log: (message: string) => void
): Promise<void> {
  channel.postMessage({ type: 'shutdown' })
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, graceMs, 'late')))
  if ((await Promise.race([whenExited, late])) === 'late') {
    log(`folio: the engine did not stop within ${graceMs} ms; ending it.`)
    channel.kill()
    await whenExited
  }
  clearTimeout(timer)
}

export function createEngineClient(
  channel: EngineChannel,
  options: EngineClientOptions = {}
): EngineClient {
  const log = options.log ?? ((message: string) => console.error(message))
  const state: ClientState = { pending: new Map(), nextId: 0, exitMessage: null, closing: false }
  const eventListeners = new Set<FolioEventListener>()
  const exitListeners: ((message: string) => void)[] = []
  let exited: Promise<void> | null = null
  let markExited: () => void = () => {}
  const whenExited = new Promise<void>((resolve) => (markExited = resolve))
  const send = <T>(body: RequestBody, schema: z.ZodType<T> | null): Promise<Result<T>> =>
    request(channel, state, body, schema)

  channel.onMessage((message) => receive(state, message, eventListeners, log))
  channel.onExit((code) => {
    const exitMessage =
      `The Folio engine stopped (exit code ${code ?? 'unknown'}). Restart Folio to reopen the ` +
      'library; saves that were running resume at the next start.'
    state.exitMessage = exitMessage
    for (const id of [...state.pending.keys()])
      settle(state, id, failure('engine_unavailable', exitMessage))
    markExited()
    if (!state.closing) for (const listener of exitListeners) listener(exitMessage)
  })

  return {
    open: (openOptions) => send({ type: 'open', ...openOptions }, openedSchema),
    invoke(name, input, caller) {
      if (!isOperationName(name)) {
        return Promise.resolve(
          failure('unknown_operation', `Folio has no operation called "${name}".`)
        )
      }
      return send({ type: 'invoke', name, input, caller }, null)
    },
    asset: (sha256) => send({ type: 'asset', sha256 }, storedAssetSchema),
    browserCapture: (enabled) =>
      send({ type: 'browserCapture', enabled }, browserCaptureStateSchema),
    onEvent(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },
    onUnexpectedExit: (listener) => void exitListeners.push(listener),
    close() {
      exited ??= (async () => {
        state.closing = true
        if (state.exitMessage !== null) return
        await shutDown(channel, whenExited, options.shutdownGraceMs ?? 10_000, log)
      })()
      return exited
    }
  }
}
