import { describeInputError, inputSchemas } from '../../shared/contract'
import type { OperationOutput, ParsedInput } from '../../shared/contract'
import { FolioError, failure, ok } from '../../shared/errors'
import type { Result } from '../../shared/errors'
import { isOperationName } from '../../shared/operations'
import type { OperationName } from '../../shared/operations'
import { createCaptureService } from './capture/service'
import type { CaptureOptions, CaptureService } from './capture/service'
import { deleteArticles, getArticle, listArticles, updateArticles } from './db/queries/articles'
import { jobInfo, listJobs } from './db/queries/jobs'
import { libraryStats } from './db/queries/stats'
import { listSites } from './db/queries/sites'
import type { Library } from './library'
import { createSearchService } from './search/service'
import type { SearchService } from './search/service'
import { createTagOperations } from './tags'

type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>
}

function createHandlers(
  library: Library,
  capture: CaptureService,
  search: SearchService
): Handlers {
  const { db } = library
  const tags = createTagOperations(library)
  return {
    'library.stats': () => libraryStats(db),
    'sites.list': (input) => listSites(db, input.limit),
    'articles.list': (input) => listArticles(db, input),
    'articles.get': (input) => {
      const article = getArticle(db, input.id, input.content)
      if (!article) throw notFound(input.id)
      return article
    },
    'articles.delete': (input) => {
      const result = deleteArticles(db, input.ids)
      if (result.deleted.length > 0) library.emit({ type: 'articles.changed', ids: result.deleted })
      return result
    },
    'articles.update': (input) => {
      const result = updateArticles(db, input.changes)
      if (result.updated.length > 0) library.emit({ type: 'articles.changed', ids: result.updated })
      return result
    },
    'articles.reextract': (input) => {
      const ids = input.all
        ? (db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map(
            (row) => row.id
          )
        : (input.ids ?? [])
      return capture.reextract(ids)
    },
    'capture.save': (input) => ({ items: capture.save(input.inputs, input.tags) }),
    'capture.saveHtml': (input) => capture.saveHtml(input),
    'capture.saveFile': (input) => capture.saveFile(input),
    'search.query': (input) => search.query(input.query, input),
    'search.reindex': () => search.reindex(),
    'jobs.list': (input) => listJobs(db, input).map(jobInfo),
    'jobs.cancel': (input) => ({ cancelled: capture.queue.cancel(input.ids) }),
    'jobs.retry': (input) => ({ retried: capture.queue.retry(input.ids) }),
    'articles.tag': (input) => tags.tagArticles(input),
    'tags.list': () => tags.list(),
    'tags.create': (input) => tags.create(input.name),
    'tags.rename': (input) => tags.rename(input.from, input.to),
    'tags.merge': (input) => tags.merge(input.from, input.into),
    'tags.delete': (input) => tags.delete(input.name, input.withDescendants),
    'tags.restore': (input) => tags.restore(input.undo),
    'tags.suggest': (input) => tags.suggest(input.id, input.limit)
  }
}

function notFound(id: number): FolioError {
  return new FolioError('not_found', `There is no article with id ${id} in this library.`)
}

export interface CoreOptions {
  capture?: CaptureOptions
  log?: (message: string) => void
}

/** The library engine as every door sees it: named operations in, results as values out. */
export interface FolioCore {
  readonly library: Library
  readonly capture: CaptureService
  /** Validates `input` with the operation's schema, runs it, and never throws. */
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  /** Starts background work: the capture queue, resuming captures a crash left unfinished. */
  start(): void
  /** Stops background work; unfinished captures resume at the next start. */
  close(): Promise<void>
}

export function createCore(library: Library, options: CoreOptions = {}): FolioCore {
  const log = options.log ?? ((message: string) => console.error(message))
  const capture = createCaptureService(library, {
    ...options.capture,
    queue: { log, ...options.capture?.queue }
  })
  const search = createSearchService(library)
  const handlers = createHandlers(library, capture, search)
  return {
    library,
    capture,
    async invoke(name, input) {
      if (!isOperationName(name)) {
        return failure('unknown_operation', `Folio has no operation called "${name}".`)
      }
      const parsed = inputSchemas[name].safeParse(input ?? {})
      if (!parsed.success) return failure('invalid_input', describeInputError(parsed.error))
      try {
        const handler = handlers[name] as (input: unknown) => unknown
        return ok(await handler(parsed.data))
      } catch (error) {
        if (error instanceof FolioError) return { ok: false, error: error.toInfo() }
        log(`folio: ${name} failed: ${(error as Error).stack ?? String(error)}`)
        return failure(
          'internal',
          `Folio hit an unexpected problem during ${name}: ${(error as Error).message}`
        )
      }
    },
    start() {
      capture.queue.start()
    },
    async close() {
      await capture.close()
    }
  }
}
