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

/** Fails a task that waited in the queue, after forgetting its abort listener. */
function rejectWaiting(task: Task, error: FolioError): void {
  if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
  task.reject(error)
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

/** The answer of a worker for its task: the article, or the error it reported or a bad answer. */
function answerFor(task: Task, message: unknown): ExtractedArticle | FolioError {
  const response = extractResponseSchema.safeParse(message)
  if (!response.success || response.data.id !== task.id) {
    return new FolioError(
      'extract_failed',
      `The extractor gave an invalid answer for ${task.input.url}.`
    )
  }
  if (response.data.ok) return response.data.value
  return new FolioError(response.data.error.code, response.data.error.message)
}

class WorkerPool implements ExtractPool {
  private readonly queue: Task[] = []
  private readonly slots: Slot[] = []
  private nextId = 0
  private closed = false
  /** Workers that died before they were ready, in a row: a broken install, not a bad page. */
  private failedStarts = 0

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
    private readonly maximumQueue: number,
    private readonly entry: URL
  ) {}

  private startWorker(): Slot {
    const worker = new Worker(this.entry, {
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
      // The parent's flags (`--input-type`, `--eval`, loaders) do not apply to the worker file;
      // the development bootstrap registers tsx itself.
      execArgv: []
    })
    const slot: Slot = { worker, task: null, ready: false }
    worker.on('message', (message: unknown) => {
      if (readyMessageSchema.safeParse(message).success) {
        slot.ready = true
        this.failedStarts = 0
        this.dispatch()
      } else {
        this.settle(slot, message)
      }
    })
    worker.on('error', (error) => this.replace(slot, `the worker crashed: ${error.message}`))
    worker.on('exit', () => this.replace(slot, 'the worker stopped'))
    return slot
  }

  private finish(slot: Slot): Task | null {
    const task = slot.task
    slot.task = null
    if (task?.timer) clearTimeout(task.timer)
    if (task?.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
    return task
  }

  private settle(slot: Slot, message: unknown): void {
    const task = this.finish(slot)
    if (!task) return
    const answer = answerFor(task, message)
    if (answer instanceof FolioError) task.reject(answer)
    else task.resolve(answer)
    this.dispatch()
  }

  /** Terminates a slot's worker (if still running), fails its page, and starts a fresh worker. */
  private replace(slot: Slot, reason: string, error?: FolioError): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    const task = this.finish(slot)
    this.slots.splice(index, 1)
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => undefined)
    void slot.worker.terminate()
    task?.reject(
      error ?? new FolioError('extract_failed', `Could not extract ${task.input.url}: ${reason}.`)
    )
    if (!slot.ready) this.failedStarts += 1
    // Three workers in a row that never came up will not come up: fail what waits, clearly,
    // instead of restarting forever while the captures hang. The next page tries again.
    if (this.failedStarts >= maximumFailedStarts) {
      for (const waiting of this.queue.splice(0)) {
        const message = `Folio's extractor could not start (${reason}); ${waiting.input.url} was not extracted.`
        rejectWaiting(waiting, new FolioError('extract_failed', message))
      }
      this.failedStarts = 0
      return
    }
    if (!this.closed) this.slots.push(this.startWorker())
    this.dispatch()
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task
    slot.worker.ref()
    task.timer = setTimeout(() => {
      const seconds = Math.round(this.timeoutMs / 1000)
      this.replace(slot, `it took longer than ${seconds} s`)
    }, this.timeoutMs)
    task.onAbort = () => this.replace(slot, 'cancelled', cancelled(task.input.url))
    task.signal?.addEventListener('abort', task.onAbort, { once: true })
    slot.worker.postMessage({ id: task.id, html: task.input.html, url: task.input.url })
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.ready && !slot.task) slot.worker.unref()
    }
    while (this.queue.length > 0) {
      const idle = this.slots.find((slot) => slot.ready && !slot.task)
      if (!idle) return
      const task = this.queue.shift()!
      if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
      this.run(idle, task)
    }
  }

  extract(input: ExtractInput, signal?: AbortSignal): Promise<ExtractedArticle> {
    return new Promise((resolve, reject) => {
      if (this.closed) throw new FolioError('cancelled', 'The extractor has been shut down.')
      validate(input)
      if (signal?.aborted) throw cancelled(input.url)
      if (this.queue.length >= this.maximumQueue) {
        throw new FolioError(
          'extract_failed',
          `Too many pages are waiting to be extracted (${this.maximumQueue}); try ${input.url} again later.`
        )
      }
      const task: Task = { id: this.nextId++, input, signal, resolve, reject }
      task.onAbort = () => {
        const index = this.queue.indexOf(task)
        if (index >= 0) this.queue.splice(index, 1)
        reject(cancelled(input.url))
      }
      signal?.addEventListener('abort', task.onAbort, { once: true })
      this.queue.push(task)
      if (this.slots.length < this.size) this.slots.push(this.startWorker())
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const shutDown = (task: Task): FolioError =>
      new FolioError(
        'cancelled',
        `Extraction of ${task.input.url} was cancelled: the extractor shut down.`
      )
    for (const task of this.queue.splice(0)) rejectWaiting(task, shutDown(task))
    const stopping = this.slots.splice(0).map((slot) => {
      const task = this.finish(slot)
      task?.reject(shutDown(task))
      slot.worker.removeAllListeners()
      return slot.worker.terminate()
    })
    await Promise.all(stopping)
  }
}

export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  return new WorkerPool(
    options.size ?? Math.max(1, availableParallelism() - 1),
    options.timeoutMs ?? defaultTimeoutMs,
    options.maximumQueue ?? defaultMaximumQueue,
    options.workerUrl ?? workerUrl()
  )
}
