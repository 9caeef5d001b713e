/** Events the core pushes to every door (IPC, the server's event stream, the CLI). */
export type FolioEvent = { type: 'articles.changed'; ids: number[] }

export type FolioEventListener = (event: FolioEvent) => void
