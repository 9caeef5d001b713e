import { contract, describeInputError, isOperationName } from '../../shared/contract'
import type { Caller, OperationInput, OperationName, OperationOutput } from '../../shared/contract'
import { FolioError, failure, ok } from '../../shared/errors'
import type { Result } from '../../shared/errors'
import type { FolioEventListener } from '../../shared/events'
import type { JobInfo } from '../../shared/types'
import { readAsset } from './assets/queries'
import type { StoredAsset } from './assets/queries'
import { createCaptureService } from './capture/service'
import type { CaptureOptions } from './capture/service'
import type { EngineContext } from './context'
import { storageFailure } from './db/storage-errors'
import type { OpenDatabaseOptions } from './db/open'
import { handlers } from './handlers'
import type { Handler } from './handlers'
import { exportKind } from './io/export/run'
import { importKind } from './io/import/run'
import type { ImportOptions } from './io/import/run'
import { createJobQueue } from './jobs/queue'
import type { JobQueueOptions, StartOptions } from './jobs/queue'
import type { WaitOptions } from './jobs/wait'
import { openLibrary } from './library'
import type { Library } from './library'
import { createSearchService } from './search/service'
import { browserCaptureSettings, setBrowserCaptureSettings } from './settings/browser-capture'
import type { BrowserCaptureSettings } from './settings/browser-capture'
import { serverToken } from './settings/queries'
import { createWrite } from './write'

// What the doors may need besides the engine itself (they import nothing else of the core).
export { lookupFromEnvironment } from './capture/loopback'
export { resolveLibraryDir } from './paths'
export { defaultBrowserCapturePort } from './settings/browser-capture'
export type { BrowserCaptureSettings } from './settings/browser-capture'
export type { StoredAsset } from './assets/queries'

export interface EngineOptions {
  capture?: CaptureOptions
  queue?: JobQueueOptions
  import?: ImportOptions
  log?: (message: string) => void
}

/**
 * The library engine as every door sees it (DESIGN.md §1): named operations in, results as values
 * out, plus the few things a door needs that are not operations (events, images, its settings).
 */
export interface Engine {
  readonly dir: string
  /** A typed call from code in this process (`cli` unless told): validated, never throws. */
  call<K extends OperationName>(
    name: K,
    input: OperationInput<K>,
    caller?: Caller
  ): Promise<Result<OperationOutput<K>>>
  /** An untyped call from a door: the name and input are checked against the contract. */
  invoke(name: string, input: unknown, caller: Caller): Promise<Result<unknown>>
  onEvent(listener: FolioEventListener): () => void
  /**
   * Resolves with the jobs once each is done, failed or cancelled, whichever process runs them
   * (start() runs them here); `onUpdate` hears each change of their status, stage or attempts.
   */
  waitForJobs(ids: number[], options?: WaitOptions): Promise<JobInfo[]>
  readAsset(sha256: string): StoredAsset | null
  /** The library's secret for the local server, made on first use and kept in the library. */
  serverToken(): string
  browserCapture(): BrowserCaptureSettings
  setBrowserCapture(settings: Partial<BrowserCaptureSettings>): void
  /**
   * Starts background work: the job queue (only the jobs `only` lists, for a command that runs
   * its own), resuming jobs a crash left, a stale index's rebuild.
   */
  start(options?: StartOptions): void
  /** Stops background work (unfinished jobs resume at the next start); closes what it opened. */
  close(): Promise<void>
}

/** Opens the library in `dir` (migrating it) and the engine over it. */
export function openEngine(dir: string, options: EngineOptions & OpenDatabaseOptions = {}): Engine {
  const library = openLibrary(dir, options)
  return createEngine(library, options, () => library.close())
}

export function createEngine(
  library: Library,
  options: EngineOptions = {},
  onClose: () => void = () => undefined
): Engine {
  const log = options.log ?? ((message: string) => console.error(message))
  const write = createWrite(library)
  const jobs = createJobQueue(library, { log, ...options.queue })
  const context: EngineContext = {
    library,
    db: library.db,
    write,
    jobs,
    capture: createCaptureService(library.db, write, jobs, options.capture),
    search: createSearchService(library, jobs)
  }
  jobs.register(exportKind(library.db, context.search))
  jobs.register(importKind(write, options.import))

  async function invoke(name: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
    if (!isOperationName(name)) {
      return failure('unknown_operation', `Folio has no operation called "${name}".`)
    }
    const spec = contract[name]
    if (!spec.callers.includes(caller)) {
      return failure('forbidden', `${name} cannot be called from here.`)
    }
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) return failure('invalid_input', describeInputError(parsed.error))
    try {
      const handler = handlers[name] as Handler<typeof name>
      return ok(await handler(context, parsed.data as never, { caller }))
    } catch (error) {
      if (error instanceof FolioError) return { ok: false, error: error.toInfo() }
      const storage = storageFailure(error, library.dir)
      if (storage) return { ok: false, error: storage.toInfo() }
      log(`folio: ${name} failed: ${(error as Error).stack ?? String(error)}`)
      return failure(
        'internal',
        `Folio hit an unexpected problem during ${name}: ${(error as Error).message}`
      )
    }
  }

  return {
    dir: library.dir,
    call: (name, input, caller = 'cli') =>
      invoke(name, input, caller) as Promise<Result<OperationOutput<typeof name>>>,
    invoke,
    onEvent: (listener) => library.onEvent(listener),
    waitForJobs: (ids, waitOptions) => jobs.waitFor(ids, waitOptions),
    readAsset: (sha256) => readAsset(library.db, sha256),
    serverToken: () => serverToken(library.db),
    browserCapture: () => browserCaptureSettings(library.db),
    setBrowserCapture: (settings) => setBrowserCaptureSettings(library.db, settings),
    start(startOptions) {
      jobs.start(startOptions)
      context.search.checkIndex()
    },
    async close() {
      await jobs.stop()
      await context.capture.close()
      onClose()
    }
  }
}
