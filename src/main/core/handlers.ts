import type { OperationName, OperationOutput, ParsedInput } from '../../shared/contract'
import * as articles from './articles/operations'
import * as capture from './capture/operations'
import type { CallContext, EngineContext } from './context'
import * as highlights from './highlights/operations'
import * as io from './io/operations'
import * as jobs from './jobs/operations'
import * as maintenance from './maintenance/operations'
import * as search from './search/operations'
import * as tags from './tags/operations'

export type Handler<K extends OperationName> = (
  engine: EngineContext,
  input: ParsedInput<K>,
  call: CallContext
) => OperationOutput<K> | Promise<OperationOutput<K>>

/** The one table (DESIGN.md §1): each contract operation and the domain function that does it. */
export const handlers: { [K in OperationName]: Handler<K> } = {
  'library.stats': articles.stats,
  'sites.list': articles.sites,
  'articles.list': articles.list,
  'articles.get': articles.get,
  'articles.delete': articles.remove,
  'articles.update': articles.update,
  'articles.setNote': articles.setNote,
  'articles.reextract': articles.reextract,
  'capture.save': capture.save,
  'capture.saveHtml': capture.saveHtml,
  'capture.saveFile': capture.saveFile,
  'search.query': search.query,
  'search.reindex': search.reindex,
  'jobs.list': jobs.list,
  'jobs.cancel': jobs.cancel,
  'jobs.retry': jobs.retry,
  'library.backup': maintenance.backup,
  'library.check': maintenance.check,
  'library.export': io.exportLibrary,
  'library.import': io.importLibrary,
  'articles.tag': tags.tag,
  'tags.list': tags.list,
  'tags.create': tags.create,
  'tags.rename': tags.rename,
  'tags.merge': tags.merge,
  'tags.delete': tags.remove,
  'tags.restore': tags.restore,
  'tags.suggest': tags.suggest,
  'highlights.list': highlights.list,
  'highlights.create': highlights.create,
  'highlights.update': highlights.update,
  'highlights.delete': highlights.remove,
  'highlights.restore': highlights.restore
}
