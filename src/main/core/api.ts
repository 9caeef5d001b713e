import { describeInputError, inputSchemas } from '../../shared/contract'
import type { OperationOutput, ParsedInput } from '../../shared/contract'
import { FolioError, failure, ok } from '../../shared/errors'
import type { Result } from '../../shared/errors'
import { isOperationName } from '../../shared/operations'
import type { OperationName } from '../../shared/operations'
import { deleteArticles, getArticle, listArticles } from './db/queries/articles'
import { libraryStats } from './db/queries/stats'
import type { Library } from './library'

type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>
}

function createHandlers(library: Library): Handlers {
  const { db } = library
  return {
    'library.stats': () => libraryStats(db),
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
    }
  }
}

function notFound(id: number): FolioError {
  return new FolioError('not_found', `There is no article with id ${id} in this library.`)
}

/** The library engine as every door sees it: named operations in, results as values out. */
export interface FolioCore {
  readonly library: Library
  /** Validates `input` with the operation's schema, runs it, and never throws. */
  invoke(name: string, input: unknown): Promise<Result<unknown>>
}

export function createCore(library: Library, log: (message: string) => void = console.error): FolioCore {
  const handlers = createHandlers(library)
  return {
    library,
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
    }
  }
}
