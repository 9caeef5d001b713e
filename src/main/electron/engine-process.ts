/**
 * Entry of the engine process: the desktop app forks this file with Electron's
 * `utilityProcess.fork` (engine-fork.ts), which gives it `process.parentPort`. It must not import
 * `electron` (a utility process has no Electron API but parentPort), so the build test can run it
 * under plain Node with a stand-in port.
 */
import type { FromEngineMessage } from './engine-protocol'
import { runEngineHost } from './engine-host'

/** The part of Electron's ParentPort the engine uses; messages arrive as `{ data }` events. */
interface ParentPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown
  postMessage(message: FromEngineMessage): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) {
  console.error('folio engine: no parent port; this file runs inside the desktop app only.')
  process.exit(2)
}

runEngineHost(
  {
    postMessage: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (messageEvent) => listener(messageEvent.data))
  },
  { exit: (code) => process.exit(code) }
)
