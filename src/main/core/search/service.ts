import type { SearchPage } from '../../../shared/types'
import type { Library } from '../library'
import { createQuickIndex } from './quick-index'
import type { QuickIndex } from './quick-index'
import { ensureIndexCurrent, rebuildIndex } from './rebuild'
import type { RebuildProgressListener } from './rebuild'
import { searchArticles } from './search'
import type { SearchOptions } from './search'

export interface SearchService {
  query(text: string, options: SearchOptions): SearchPage
  /** Rebuilds both indexes from the stored articles, reporting progress. */
  reindex(): { articles: number }
  close(): void
}

/**
 * The search side of a library: the full-text index lives in SQLite and is kept current by the
 * writes themselves; the quick index lives in memory, is loaded on the first search (not at
 * start: the CLI's other commands never pay for it), follows every article change, and is saved
 * when the library closes.
 */
export function createSearchService(library: Library): SearchService {
  const { db } = library
  const onProgress: RebuildProgressListener = ({ done, total }) =>
    library.emit({ type: 'index.progress', done, total })
  let quick: QuickIndex | null = null
  let checked = false

  function ready(): QuickIndex {
    if (!checked) {
      ensureIndexCurrent(db, onProgress)
      checked = true
    }
    if (!quick) {
      quick = createQuickIndex(db)
      quick.load()
    }
    return quick
  }

  const stopListening = library.onEvent((event) => {
    if (event.type === 'articles.changed' && quick) for (const id of event.ids) quick.update(id)
  })

  return {
    query(text, options) {
      return searchArticles(db, ready(), text, options)
    },
    reindex() {
      rebuildIndex(db, onProgress)
      checked = true
      quick = createQuickIndex(db)
      quick.load()
      quick.save()
      return { articles: quick.size() }
    },
    close() {
      stopListening()
      if (quick && db.open) quick.save()
    }
  }
}
