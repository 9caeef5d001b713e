/**
 * The engine's side of the desktop app: opens the library, runs the engine and Browser Capture's
 * server, and answers the main process's messages (engine-protocol.ts). Plain Node, no
 * `electron`: engine-process.ts runs it in a utilityProcess, tests run it in a forked `node`.
 * The only module of the app that opens the engine; the main process holds no database handle.
 */
import { FolioError, failure, ok } from '../../shared/errors'
import type { ErrorInfo, Result } from '../../shared/errors'
import { openEngine } from '../core/engine'
import type { Engine } from '../core/engine'
import { bookmarkletFor } from '../server/capture-page'
import { startServer } from '../server/server'
import type { RunningServer } from '../server/server'
import { describeIssues, toEngineMessageSchema } from './engine-protocol'
import type {
  BrowserCaptureState,
  EngineOpened,
  EngineRequest,
  FromEngineMessage,
  StoredAsset
} from './engine-protocol'

/** The engine's end of the channel: Electron's `process.parentPort`, or a test's stand-in. */
export interface EnginePort {
  postMessage(message: FromEngineMessage): void
  onMessage(listener: (message: unknown) => void): void
}

export interface EngineHostOptions {
  /** Ends the process once the library is closed. */
  exit(code: number): void
  log?: (message: string) => void
}

interface OpenEngine {
  core: Engine
  browserCapture: CaptureServer
}

/** Opens the library and its engine, forwards its events and starts Browser Capture if on. */
async function openHostEngine(
  request: Extract<EngineRequest, { type: 'open' }>,
  port: EnginePort,
  log: (message: string) => void
): Promise<Result<OpenEngine>> {
  let core: Engine
  try {
    core = openEngine(request.libraryDir, { nativeBinding: request.nativeBinding, log })
  } catch (error) {
    return { ok: false, error: openError(error) }
  }
  core.start()
  core.onEvent((event) => {
    // Menu commands belong to the main process; the engine never raises them.
    if (event.type !== 'menu.command') port.postMessage({ type: 'event', event })
  })
  if (request.capturePort) core.setBrowserCapture({ port: request.capturePort })
  const browserCapture = createCaptureServer(core, log)
  await browserCapture.startIfEnabled()
  return ok({ core, browserCapture })
}

/** A request to the open engine: an operation, an image's bytes, or Browser Capture's switch. */
async function answerOpened(
  engine: OpenEngine,
  request: Exclude<EngineRequest, { type: 'open' }>
): Promise<Result<unknown>> {
  switch (request.type) {
    case 'invoke':
      return engine.core.invoke(request.name, request.input, request.caller)
    case 'asset': {
      const asset = engine.core.readAsset(request.sha256)
      const stored: StoredAsset = asset
        ? { mime: asset.mime, bytes: new Uint8Array(asset.bytes) }
        : null
      return ok(stored)
    }
    case 'browserCapture':
      if (request.enabled !== undefined) await engine.browserCapture.setEnabled(request.enabled)
      return ok(engine.browserCapture.state())
  }
}

export function runEngineHost(port: EnginePort, options: EngineHostOptions): void {
  const log = options.log ?? ((message: string) => console.error(message))
  let engine: OpenEngine | null = null
  let shuttingDown = false

  async function open(
    request: Extract<EngineRequest, { type: 'open' }>
  ): Promise<Result<EngineOpened>> {
    if (engine) return failure('invalid_input', 'The library is already open.')
    const opened = await openHostEngine(request, port, log)
    if (!opened.ok) return opened
    engine = opened.value
    return ok({ browserCapture: engine.browserCapture.state() })
  }

  async function answer(request: EngineRequest): Promise<Result<unknown>> {
    if (request.type === 'open') return open(request)
    if (!engine) return failure('library_unavailable', 'The library is not open yet.')
    return answerOpened(engine, request)
  }

  async function shutdown(): Promise<void> {
    if (shuttingDown) return
    shuttingDown = true
    const opened = engine
    engine = null
    try {
      // Running captures stop cleanly; unfinished ones resume at the next start.
      await opened?.browserCapture.close()
      await opened?.core.close()
    } catch (error) {
      log(`folio engine: closing failed: ${(error as Error).stack ?? String(error)}`)
    } finally {
      options.exit(0)
    }
  }

  port.onMessage((message) => {
    const parsed = toEngineMessageSchema.safeParse(message)
    if (!parsed.success) {
      log(`folio engine: ignored a malformed message (${describeIssues(parsed.error)})`)
      const id = (message as { id?: unknown } | null)?.id
      if (typeof id === 'number') {
        const refusal = failure('invalid_input', 'The engine received a malformed request.')
        port.postMessage({ type: 'reply', id, result: refusal })
      }
      return
    }
    const request = parsed.data
    if (request.type === 'shutdown') return void shutdown()
    if (shuttingDown) {
      const refusal = failure('engine_unavailable', 'Folio is closing its library.')
      return port.postMessage({ type: 'reply', id: request.id, result: refusal })
    }
    void answer(request)
      .catch((error: unknown) =>
        failure('internal', `The engine failed during ${request.type}: ${(error as Error).message}`)
      )
      .then((result) => port.postMessage({ type: 'reply', id: request.id, result }))
  })
}

/** Why the library did not open, as the dialog shows it. */
function openError(error: unknown): ErrorInfo {
  if (error instanceof FolioError) return error.toInfo()
  return { code: 'library_unavailable', message: (error as Error).message }
}

interface CaptureServer {
  startIfEnabled(): Promise<void>
  /** Starts or stops the server and remembers the choice; a port in use is a `problem`. */
  setEnabled(enabled: boolean): Promise<void>
  state(): BrowserCaptureState
  close(): Promise<void>
}

/**
 * Browser Capture (issue 7): the same server as `folio serve`, on the library's fixed port, run
 * here because it calls the engine directly. The menu in the main process only asks for it.
 */
function createCaptureServer(core: Engine, log: (message: string) => void): CaptureServer {
  let server: RunningServer | null = null
  let problem: string | null = null

  async function start(): Promise<void> {
    if (server) return
    const { port } = core.browserCapture()
    try {
      server = await startServer({ engine: core, token: core.serverToken(), port, log })
      problem = null
    } catch (error) {
      problem =
        `Folio could not listen on 127.0.0.1:${port}: ${(error as Error).message}. If another ` +
        'program uses this port, start Folio with --capture-port=<another port>.'
    }
  }

  async function stop(): Promise<void> {
    await server?.close()
    server = null
    problem = null
  }

  return {
    startIfEnabled: () => (core.browserCapture().enabled ? start() : Promise.resolve()),
    async setEnabled(enabled) {
      await (enabled ? start() : stop())
      core.setBrowserCapture({ enabled: server !== null })
    },
    state() {
      const { port } = core.browserCapture()
      const token = core.serverToken()
      return {
        enabled: server !== null,
        port,
        token,
        bookmarklet: bookmarkletFor(port, token),
        problem
      }
    },
    close: stop
  }
}
