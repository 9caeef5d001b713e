/**
 * The extraction worker thread: receives pages from the pool, answers with the article or an
 * error value. Built as `extract-worker.js` into out/main (the app) and out/cli/lib (the CLI);
 * run from the sources, it is loaded through `worker-bootstrap.js`, which registers tsx first.
 */
import { parentPort } from 'node:worker_threads'
import { FolioError } from '../../../../shared/errors'
import { extractArticle } from './extract'
import { type ExtractResponse, extractRequestSchema } from './protocol'

function handle(message: unknown): ExtractResponse {
  const request = extractRequestSchema.safeParse(message)
  const id = typeof message === 'object' && message && 'id' in message ? Number(message.id) : -1
  if (!request.success) {
    return {
      id,
      ok: false,
      error: { code: 'invalid_input', message: 'The page to extract was malformed.' }
    }
  }
  try {
    return { id, ok: true, value: extractArticle(request.data) }
  } catch (error) {
    if (error instanceof FolioError) return { id, ok: false, error: error.toInfo() }
    const reason = error instanceof Error ? error.message : String(error)
    return {
      id,
      ok: false,
      error: {
        code: 'extract_failed',
        message: `Could not read the article at ${request.data.url} (${reason}).`
      }
    }
  }
}

if (!parentPort) throw new Error('The extraction worker must run in a worker thread')
const port = parentPort
port.on('message', (message: unknown) => {
  port.postMessage(handle(message))
})
port.postMessage({ ready: true })
