import type { SearchPage } from '../../../shared/types'
import type { Library } from '../library'
import { createQuickIndex } from './quick-index'
import { ensureIndexCurrent, rebuildIndex } from './rebuild'
import type { RebuildProgressListener } from './rebuild'
import { searchArticles } from './search'
import type { SearchOptions } from './search'

export interface SearchService {
  query(text: string, options: SearchOptions): SearchPage
  /** Rebuilds the indexes from the stored articles, reporting progress. */
  reindex(): { articles: number }
}

/**
 * The search side of a library. Both indexes live in library.db and are kept current by the
 * writes themselves (indexArticle in the same transaction), so there is nothing to load or save;
 * the index version is checked once, on the first search, so commands that never search never
 * pay for it.
 */
export function createSearchService(library: Library): SearchService {
  const { db } = library
  const onProgress: RebuildProgressListener = ({ done, total }) =>
    library.emit({ type: 'index.progress', done, total })
  const quick = createQuickIndex(db)
  let checked = false

  return {
    query(text, options) {
      if (!checked) {
        ensureIndexCurrent(db, onProgress)
        checked = true
      }
      return searchArticles(db, quick, text, options)
    },
    reindex() {
      rebuildIndex(db, onProgress)
      checked = true
      return { articles: quick.size() }
    }
  }
}
