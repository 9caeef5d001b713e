/**
 * The names of every FolioApi operation, with no dependencies, so the sandboxed preload can
 * expose one function per operation without bundling the schemas.
 */
export const operationNames = [
  'library.stats',
  'sites.list',
  'articles.list',
  'articles.get',
  'articles.delete',
  'articles.update',
  'articles.reextract',
  'capture.save',
  'search.query',
  'search.reindex',
  'capture.saveHtml',
  'capture.saveFile',
  'jobs.list',
  'jobs.cancel',
  'jobs.retry',
  'articles.tag',
  'tags.list',
  'tags.create',
  'tags.rename',
  'tags.merge',
  'tags.delete',
  'tags.restore',
  'tags.suggest'
] as const

export type OperationName = (typeof operationNames)[number]

export function isOperationName(name: string): name is OperationName {
  return (operationNames as readonly string[]).includes(name)
}

/** The IPC channel an operation travels on between preload and main. */
export function ipcChannelFor(name: OperationName): string {
  return `folio:${name}`
}

export const ipcEventChannel = 'folio:event'
