/**
 * A bounded pool of extraction worker threads. Hostile pages are parsed off the main thread; a
 * page that runs past its time limit has its worker terminated and replaced, and fails alone.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { FolioError } from '../../../../shared/errors'
import type { ExtractedArticle, ExtractInput } from './extract'
import { extractResponseSchema, maximumHtmlLength, readyMessageSchema } from './protocol'

export interface ExtractPoolOptions {
  /** Worker threads; default one per core but one, for the main thread. */
  size?: number
  /** Per-page limit: Readability is linear, real pages take < 1 s; 30 s means a pathological page. */
  timeoutMs?: number
  /** Pages waiting beyond the running ones; the import of a 10 000-link file queues in batches. */
  maximumQueue?: number
  /** The worker's entry file; tests point it at a broken one. */
  workerUrl?: URL
}

export interface ExtractPool {
  extract(input: ExtractInput, signal?: AbortSignal): Promise<ExtractedArticle>
  close(): Promise<void>
}

interface Task {
  id: number
  input: ExtractInput
  signal?: AbortSignal
  resolve(article: ExtractedArticle): void
  reject(error: FolioError): void
  timer?: NodeJS.Timeout
  onAbort?: () => void
}

interface Slot {
  worker: Worker
  task: Task | null
  /** Loading the worker's modules takes ~0.3 s (seconds under tsx); the time limit starts after. */
  ready: boolean
}

const defaultTimeoutMs = 30_000
const maximumFailedStarts = 3
const defaultMaximumQueue = 1_000
// A page's DOM takes ~10x its size; 512 MB stops a hostile page before it hurts the app.
const workerHeapMb = 512

/**
 * The worker entry: in a build, the bundled `extract-worker.js` next to this module (out/main for
 * the app, out/cli/lib for the CLI: scripts/build-cli.js); from the sources, the TypeScript.
 */
function workerUrl(): URL {
  const bundled = !import.meta.url.endsWith('.ts')
  // File names in variables, so that the bundler leaves these URLs alone.
  const fileName = bundled ? 'extract-worker.js' : 'worker-bootstrap.js'
  return new URL(fileName, import.meta.url)
}

function cancelled(url: string): FolioError {
  return new FolioError('cancelled', `Extraction of ${url} was cancelled.`)
}

export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  const size = options.size ?? Math.max(1, availableParallelism() - 1)
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const maximumQueue = options.maximumQueue ?? defaultMaximumQueue
  const queue: Task[] = []
  const slots: Slot[] = []
  let nextId = 0
  let closed = false
  /** Workers that died before they were ready, in a row: a broken install, not a bad page. */
  let failedStarts = 0

  function startWorker(): Slot {
    const worker = new Worker(options.workerUrl ?? workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
      // The parent's flags (`--input-type`, `--eval`, loaders) do not apply to the worker file;
      // the development bootstrap registers tsx itself.
      execArgv: []
    })
    const slot: Slot = { worker, task: null, ready: false }
    worker.on('message', (message: unknown) => {
      if (readyMessageSchema.safeParse(message).success) {
        slot.ready = true
        failedStarts = 0
        dispatch()
      } else {
        settle(slot, message)
      }
    })
    worker.on('error', (error) => replace(slot, `the worker crashed: ${error.message}`))
    worker.on('exit', () => replace(slot, 'the worker stopped'))
    return slot
  }

  function finish(slot: Slot): Task | null {
    const task = slot.task
    slot.task = null
    if (task?.timer) clearTimeout(task.timer)
    if (task?.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
    return task
  }

  function settle(slot: Slot, message: unknown): void {
    const task = finish(slot)
    if (!task) return
    const response = extractResponseSchema.safeParse(message)
    if (!response.success || response.data.id !== task.id) {
      task.reject(
        new FolioError(
          'extract_failed',
          `The extractor gave an invalid answer for ${task.input.url}.`
        )
      )
    } else if (response.data.ok) {
      task.resolve(response.data.value)
    } else {
      task.reject(new FolioError(response.data.error.code, response.data.error.message))
    }
    dispatch()
  }

  /** Terminates a slot's worker (if still running), fails its page, and starts a fresh worker. */
  function replace(slot: Slot, reason: string, error?: FolioError): void {
    const index = slots.indexOf(slot)
    if (index < 0) return
    const task = finish(slot)
    slots.splice(index, 1)
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => undefined)
    void slot.worker.terminate()
    task?.reject(
      error ?? new FolioError('extract_failed', `Could not extract ${task.input.url}: ${reason}.`)
    )
    if (!slot.ready) failedStarts += 1
    // Three workers in a row that never came up will not come up: fail what waits, clearly,
    // instead of restarting forever while the captures hang. The next page tries again.
    if (failedStarts >= maximumFailedStarts) {
      for (const waiting of queue.splice(0)) {
        if (waiting.onAbort) waiting.signal?.removeEventListener('abort', waiting.onAbort)
        waiting.reject(
          new FolioError(
            'extract_failed',
            `Folio's extractor could not start (${reason}); ${waiting.input.url} was not extracted.`
          )
        )
      }
      failedStarts = 0
      return
    }
    if (!closed) slots.push(startWorker())
    dispatch()
  }

  function run(slot: Slot, task: Task): void {
    slot.task = task
    slot.worker.ref()
    task.timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 1000)
      replace(slot, `it took longer than ${seconds} s`)
    }, timeoutMs)
    task.onAbort = () => replace(slot, 'cancelled', cancelled(task.input.url))
    task.signal?.addEventListener('abort', task.onAbort, { once: true })
    slot.worker.postMessage({ id: task.id, html: task.input.html, url: task.input.url })
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.ready && !slot.task) slot.worker.unref()
    }
    while (queue.length > 0) {
      const idle = slots.find((slot) => slot.ready && !slot.task)
      if (!idle) return
      const task = queue.shift()!
      if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
      run(idle, task)
    }
  }

  function validate(input: ExtractInput): void {
    if (
      typeof input?.html !== 'string' ||
      typeof input.url !== 'string' ||
      !URL.canParse(input.url)
    ) {
      throw new FolioError('invalid_input', 'Extraction needs the page HTML and its absolute URL.')
    }
    if (input.html.length > maximumHtmlLength) {
      throw new FolioError(
        'too_large',
        `The page at ${input.url} is too large to extract (over 32 MiB).`
      )
    }
  }

  function extract(input: ExtractInput, signal?: AbortSignal): Promise<ExtractedArticle> {
    return new Promise((resolve, reject) => {
      if (closed) throw new FolioError('cancelled', 'The extractor has been shut down.')
      validate(input)
      if (signal?.aborted) throw cancelled(input.url)
      if (queue.length >= maximumQueue) {
        throw new FolioError(
          'extract_failed',
          `Too many pages are waiting to be extracted (${maximumQueue}); try ${input.url} again later.`
        )
      }
      const task: Task = { id: nextId++, input, signal, resolve, reject }
      task.onAbort = () => {
        const index = queue.indexOf(task)
        if (index >= 0) queue.splice(index, 1)
        reject(cancelled(input.url))
      }
      signal?.addEventListener('abort', task.onAbort, { once: true })
      queue.push(task)
      if (slots.length < size) slots.push(startWorker())
      dispatch()
    })
  }

  async function close(): Promise<void> {
    closed = true
    for (const task of queue.splice(0)) {
      if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
      task.reject(
        new FolioError(
          'cancelled',
          `Extraction of ${task.input.url} was cancelled: the extractor shut down.`
        )
      )
    }
    const stopping = slots.splice(0).map((slot) => {
      const task = finish(slot)
      task?.reject(
        new FolioError(
          'cancelled',
          `Extraction of ${task.input.url} was cancelled: the extractor shut down.`
        )
      )
      slot.worker.removeAllListeners()
      return slot.worker.terminate()
    })
    await Promise.all(stopping)
  }

  return { extract, close }
}
