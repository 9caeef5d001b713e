import type { Database } from 'better-sqlite3'
import type { FolioEvent } from '../../shared/events'
import type { Library } from './library'
import { indexArticle, indexArticlesMetadata } from './search/fts'
import { indexArticleNotes } from './search/notes-index'

/** What a write changed, so the index and the open windows follow it. */
export interface WriteEffects {
  /** Articles whose text, title or metadata changed, or that are gone: re-indexed in full. */
  articles?: number[]
  /** Articles whose tags (only) changed: their small search row is rewritten. */
  tagsOf?: number[]
  /** Articles whose highlights or note (only) changed: their notes row is rewritten. */
  notesOf?: number[]
  /** Articles changed in what search does not hold (state, progress): only announced. */
  changed?: number[]
  /** The tag tree changed: names, counts or both. */
  tags?: boolean
}

/**
 * Runs `change` and the search indexing of what it reports in one transaction, then announces
 * the change once it has committed (DESIGN.md §2: storage never calls search; this does).
 */
export type Write = <T>(change: (db: Database) => T, effects: (result: T) => WriteEffects) => T

export function createWrite(library: Library): Write {
  const { db } = library
  return (change, effects) => {
    const [result, done] = db.transaction(() => {
      const value = change(db)
      const reported = effects(value)
      for (const id of new Set(reported.articles ?? [])) indexArticle(db, id)
      if (reported.tagsOf && reported.tagsOf.length > 0) indexArticlesMetadata(db, reported.tagsOf)
      for (const id of new Set(reported.notesOf ?? [])) indexArticleNotes(db, id)
      return [value, reported] as const
    })()
    for (const event of eventsOf(done)) library.emit(event)
    return result
  }
}

function eventsOf(effects: WriteEffects): FolioEvent[] {
  const ids = [
    ...new Set([
      ...(effects.articles ?? []),
      ...(effects.tagsOf ?? []),
      ...(effects.notesOf ?? []),
      ...(effects.changed ?? [])
    ])
  ]
  const events: FolioEvent[] = []
  if (ids.length > 0) events.push({ type: 'articles.changed', ids })
  if (effects.tags) events.push({ type: 'tags.changed' })
  return events
}
