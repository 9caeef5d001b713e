// Preloaded with `node --import` by startup.test.ts: records every module the process loads into
// the file FOLIO_MODULE_RECORD names, one path a line. ES modules (ours, bundled or through tsx,
// and packages' entry files) are seen by the load hook in hooks.js; what CommonJS packages then
// require (jsdom is ~500 such files) is in require.cache when the process exits.
import { appendFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'

const recordFile = process.env.FOLIO_MODULE_RECORD
if (!recordFile) throw new Error('module-recorder: set FOLIO_MODULE_RECORD to a file path')
register('./hooks.js', import.meta.url, { data: { recordFile } })

const { cache } = createRequire(import.meta.url)
process.on('exit', () => {
  const paths = Object.keys(cache)
  if (paths.length > 0) appendFileSync(recordFile, `${paths.join('\n')}\n`)
})
