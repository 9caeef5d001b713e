import { utilityProcess } from 'electron'
import { join } from 'node:path'
import { createEngineClient } from './engine-client'
import type { EngineClient } from './engine-client'

/**
 * Starts the engine (engine-process.ts, built next to index.js as engine.js) in a utility
 * process: a Node process Electron supervises, so queries, imports and index rebuilds run
 * off the main process and the window stays responsive.
 */
export function forkEngine(): EngineClient {
  const child = utilityProcess.fork(join(import.meta.dirname, 'engine.js'), [], {
    serviceName: 'Folio engine',
    stdio: 'inherit'
  })
  return createEngineClient({
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill()
  })
}
