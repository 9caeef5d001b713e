// Development entry of the extraction worker: a worker thread does not inherit the tsx loader
// that `bin/folio.js` or vitest registered in the main thread, so register it here, then load
// the TypeScript worker. Production loads the bundled `extract-worker.js` instead.
import { register } from 'tsx/esm/api'

register()
await import(new URL('./worker.ts', import.meta.url).href)
