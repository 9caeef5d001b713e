import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'

/** The built bundles the desktop app runs (`npx electron-vite build`). */
export const builtMain = fileURLToPath(new URL('../../out/main/index.js', import.meta.url))
export const builtEngine = fileURLToPath(new URL('../../out/main/engine.js', import.meta.url))
export const builtPreload = fileURLToPath(new URL('../../out/preload/index.cjs', import.meta.url))

const standInElectron = fileURLToPath(new URL('./fake-electron/register.mjs', import.meta.url))

export function assertBuilt(): void {
  for (const file of [builtMain, builtEngine, builtPreload]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: run \`npx electron-vite build\` (npm test does it for you).`
      )
    }
  }
}

export interface RecordedState {
  handlers: string[]
  windows: { options: Record<string, unknown>; url: string | null }[]
  schemes: { scheme: string; privileges: Record<string, boolean> }[]
  protocols: string[]
  menu: { label?: string; type?: string; checked?: boolean }[]
  utilityProcesses: { modulePath: string; options: Record<string, unknown>; pid?: number }[]
}

export interface Frame {
  url: string
  top: boolean
}

type Report =
  | { type: 'answer'; id: number; value?: unknown; error?: string }
  | { type: 'sent'; channel: string; payload: unknown }
  | { type: 'dialog'; title: string; content: string }
  | { type: 'messageBox'; options: { message: string; detail: string } }

export interface BuiltApp {
  state(): Promise<RecordedState>
  /** Calls a registered `ipcMain.handle` handler as `frame` would (null: no frame). */
  call(channel: string, frame: Frame | null, input: unknown): Promise<unknown>
  /** Asks the registered protocol handler for `url`. */
  fetch(url: string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }>
  click(label: string, checked?: boolean): Promise<void>
  /** What the app sent to its window, and the dialogs it showed, so far. */
  reports: Report[]
  /** Polls `find` until it returns something; fails after `timeoutMs` (20 s) with the app's stderr. */
  waitFor<T>(
    find: () => T | undefined | Promise<T | undefined>,
    what: string,
    timeoutMs?: number
  ): Promise<T>
  /** `app.quit()`; resolves with the exit code once the process has ended. */
  quit(): Promise<number | null>
  /** The exit code, once the process has ended by itself. */
  exited: Promise<number | null>
  kill(): void
  stderr(): string
}

/**
 * Runs the built main bundle in a `node` child with the stand-in `electron` of
 * test/helpers/fake-electron, on the library in `libraryDir`.
 */
export function launchBuiltApp(options: {
  libraryDir: string
  userDataDir: string
  args?: string[]
}): BuiltApp {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FOLIO_LIBRARY: options.libraryDir,
    FOLIO_FAKE_USER_DATA: options.userDataDir
  }
  delete env.ELECTRON_RENDERER_URL
  const child: ChildProcess = fork(builtMain, options.args ?? [], {
    execArgv: ['--import', standInElectron],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    env
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const reports: Report[] = []
  const waiting = new Map<number, (report: Report & { type: 'answer' }) => void>()
  let nextId = 0
  child.on('message', (message: Report) => {
    if (message.type === 'answer') waiting.get(message.id)?.(message)
    else reports.push(message)
  })

  function command(body: Record<string, unknown>): Promise<unknown> {
    const id = nextId++
    return new Promise((resolve, reject) => {
      waiting.set(id, (answer) => {
        waiting.delete(id)
        if (answer.error) reject(new Error(answer.error))
        else resolve(answer.value)
      })
      child.send({ ...body, id })
    })
  }

  async function waitFor<T>(
    find: () => T | undefined | Promise<T | undefined>,
    what: string,
    timeoutMs = 20_000
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = await find()
      if (found !== undefined) return found
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`Waited in vain for ${what}. The app's stderr:\n${stderr}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  return {
    state: () => command({ type: 'state' }) as Promise<RecordedState>,
    call: (channel, frame, input) => command({ type: 'call', channel, frame, input }),
    fetch: (url) => command({ type: 'asset', url }) as ReturnType<BuiltApp['fetch']>,
    click: async (label, checked) => void (await command({ type: 'click', label, checked })),
    reports,
    waitFor,
    async quit() {
      await command({ type: 'quit' })
      return exited
    },
    exited,
    kill: () => void child.kill(),
    stderr: () => stderr
  }
}

/** What the preload gave the page, and what it sent to the main process. */
export interface LoadedPreload {
  exposed: { key: string; api: Record<string, unknown> }[]
  invoked: { channel: string; input: unknown }[]
}

/**
 * Runs the built preload as a sandboxed renderer does: a CommonJS function whose `require` has
 * only `electron` (here the stand-in, recording what it is given).
 */
export function loadBuiltPreload(): LoadedPreload {
  const loaded: LoadedPreload = { exposed: [], invoked: [] }
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: Record<string, unknown>) {
        loaded.exposed.push({ key, api })
      }
    },
    ipcRenderer: {
      invoke(channel: string, input: unknown) {
        loaded.invoked.push({ channel, input })
        return Promise.resolve({ ok: true, value: null })
      },
      on() {},
      removeListener() {}
    }
  }
  const require = (id: string): unknown => {
    if (id === 'electron') return electron
    throw new Error(`A sandboxed preload cannot require "${id}".`)
  }
  const module = { exports: {} }
  const code = readFileSync(builtPreload, 'utf8')
  const run = runInNewContext(`(function (require, module, exports) {${code}\n})`, {}) as (
    require: (id: string) => unknown,
    module: { exports: object },
    exports: object
  ) => void
  run(require, module, module.exports)
  return loaded
}
