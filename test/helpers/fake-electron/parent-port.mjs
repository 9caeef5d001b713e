// Preloaded (`node --import`) into an engine process forked by the stand-in utilityProcess:
// gives it the `process.parentPort` Electron gives a utility process, over Node's IPC channel.
// Like Electron's, it queues messages until a 'message' listener is registered.
import { EventEmitter } from 'node:events'

const parentPort = new EventEmitter()
const queued = []

process.on('message', (data) => {
  if (parentPort.listenerCount('message') > 0) parentPort.emit('message', { data })
  else queued.push(data)
})
parentPort.on('newListener', (event) => {
  if (event !== 'message') return
  queueMicrotask(() => {
    for (const data of queued.splice(0)) parentPort.emit('message', { data })
  })
})
parentPort.postMessage = (message) => process.send?.(message)
// Electron ends a utility process with its app; a forked node must not outlive its parent.
process.on('disconnect', () => process.exit(0))

Object.defineProperty(process, 'parentPort', { value: parentPort })
