// Module hooks for register.js; they run on Node's loader thread.
import { appendFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

let recordFile = ''

export function initialize(data) {
  recordFile = data.recordFile
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(recordFile, `${fileURLToPath(url)}\n`)
  return nextLoad(url, context)
}
