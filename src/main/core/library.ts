import type { Database } from 'better-sqlite3'
import { EventEmitter } from 'node:events'
import type { FolioEvent, FolioEventListener } from '../../shared/events'
import { openDatabase } from './db/open'
import type { OpenDatabaseOptions } from './db/open'

/** An open library: its folder, its database and the events its changes raise. */
export interface Library {
  readonly dir: string
  readonly db: Database
  emit(event: FolioEvent): void
  onEvent(listener: FolioEventListener): () => void
  close(): void
}

export function openLibrary(dir: string, options: OpenDatabaseOptions = {}): Library {
  const db = openDatabase(dir, options)
  const events = new EventEmitter()
  // Every open window and event stream listens; the default cap of 10 is too low for that.
  events.setMaxListeners(0)
  return {
    dir,
    db,
    emit(event) {
      events.emit('event', event)
    },
    onEvent(listener) {
      events.on('event', listener)
      return () => events.off('event', listener)
    },
    close() {
      events.removeAllListeners()
      if (db.open) db.close()
    }
  }
}
