// The stand-in for Electron's `utilityProcess.fork`: a real `node` child running the given file,
// with `process.parentPort` provided by parent-port.mjs and structured-clone messages
// (`serialization: 'advanced'`), as Electron's message ports carry them.
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'

const parentPortShim = new URL('./parent-port.mjs', import.meta.url).href

/**
 * @param {string} modulePath
 * @param {string[]} [args]
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 */
export function forkUtilityProcess(modulePath, args = [], options = {}) {
  const emitter = new EventEmitter()
  const child = fork(modulePath, args, {
    serialization: 'advanced',
    execArgv: ['--import', parentPortShim],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: options.env ?? process.env
  })
  /** @type {number | undefined} */
  let pid = child.pid
  child.on('spawn', () => emitter.emit('spawn'))
  child.on('message', (message) => emitter.emit('message', message))
  // Sending to a child that just died fails asynchronously; its 'exit' event reports the death.
  child.on('error', () => {})
  child.on('exit', (code, signal) => {
    pid = undefined
    emitter.emit('exit', code ?? (signal ? 1 : 0))
  })
  return Object.assign(emitter, {
    get pid() {
      return pid
    },
    /** @param {unknown} message */
    postMessage(message) {
      if (child.connected)
        child.send(/** @type {import('node:child_process').Serializable} */ (message))
    },
    kill() {
      return child.kill()
    }
  })
}
