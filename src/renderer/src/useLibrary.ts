import { useCallback, useEffect, useState } from 'react'
import type { ErrorInfo } from '../../shared/errors'
import type { ArticlePage, LibraryStats } from '../../shared/types'
import { api } from './api'
import type { View } from './views'

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ErrorInfo }

/** The stats and the current view's first page of articles, reloaded when the library changes. */
export function useLibrary(view: View): {
  stats: Loadable<LibraryStats>
  articles: Loadable<ArticlePage>
  reload(): void
} {
  const [stats, setStats] = useState<Loadable<LibraryStats>>({ status: 'loading' })
  const [articles, setArticles] = useState<Loadable<ArticlePage>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((value) => value + 1), [])

  useEffect(() => {
    let current = true
    void api['library.stats']({}).then((result) => {
      if (current)
        setStats(
          result.ok
            ? { status: 'ready', value: result.value }
            : { status: 'error', error: result.error }
        )
    })
    void api['articles.list']({ ...view.filter, limit: 200 }).then((result) => {
      if (current) {
        setArticles(
          result.ok
            ? { status: 'ready', value: result.value }
            : { status: 'error', error: result.error }
        )
      }
    })
    return () => {
      current = false
    }
  }, [view, generation])

  useEffect(() => api.onEvent(() => reload()), [reload])

  return { stats, articles, reload }
}
