import type { JobInfo } from './types'

/** Events the core pushes to every door (IPC, the server's event stream, the CLI). */
export type FolioEvent =
  | { type: 'articles.changed'; ids: number[] }
  | { type: 'job.progress'; job: JobInfo }
  /** A search index rebuild, after an upgrade or `folio reindex`. */
  | { type: 'index.progress'; done: number; total: number }
  /** The tag tree changed: names, counts or both. */
  | { type: 'tags.changed' }

export type FolioEventListener = (event: FolioEvent) => void
