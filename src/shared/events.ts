import type { JobInfo } from './types'

/** What the desktop app's menu asks the interface to do. */
export type MenuCommand = 'add' | 'search' | 'shortcuts'

/** Events the core pushes to every door (IPC, the server's event stream, the CLI). */
export type FolioEvent =
  | { type: 'articles.changed'; ids: number[] }
  | { type: 'job.progress'; job: JobInfo }
  /** A search index rebuild, after an upgrade or `folio reindex`. */
  | { type: 'index.progress'; done: number; total: number }
  /** The tag tree changed: names, counts or both. */
  | { type: 'tags.changed' }
  /** The desktop app's menu (Electron only; sent to its window, never to other doors). */
  | { type: 'menu.command'; command: MenuCommand }

export type FolioEventListener = (event: FolioEvent) => void
