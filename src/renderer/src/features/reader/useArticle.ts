import { useEffect, useState } from 'react'
import type { Article } from '../../../../shared/types'
import { api } from '../../api'
import type { Loadable } from '../../ui/loadable'

interface Loaded {
  id: number
  article: Loadable<Article>
  imageSources: string
}

/**
 * The open article with its HTML resolved for this door. Later changes (state, favorite, title)
 * refresh only the metadata, so the frame is not reloaded and the reading position stays.
 */
export interface OpenedArticle {
  article: Loadable<Article> | null
  imageSources: string
}

export function useArticle(articleId: number | null): OpenedArticle {
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    if (articleId === null) return
    let current = true
    let captured = false
    const loadWhole = (): Promise<void> =>
      api['articles.get']({ id: articleId, content: 'html' }).then(async (result) => {
        captured = result.ok && result.value.captureStatus === 'ready'
        const resolved = result.ok ? await api.resolveAssets(result.value.contentHtml ?? '') : null
        if (!current) return
        setLoaded({
          id: articleId,
          article: result.ok
            ? { status: 'ready', value: { ...result.value, contentHtml: resolved?.html ?? '' } }
            : { status: 'error', error: result.error },
          imageSources: resolved?.imageSources ?? ''
        })
      })
    void loadWhole()
    const unsubscribe = api.onEvent((event) => {
      if (event.type !== 'articles.changed' || !event.ids.includes(articleId)) return
      // A capture that was under way when the article opened has content now.
      if (!captured) return void loadWhole()
      void api['articles.get']({ id: articleId }).then((result) => {
        if (!current || !result.ok) return
        setLoaded((previous) =>
          previous?.id === articleId && previous.article.status === 'ready'
            ? {
                ...previous,
                article: {
                  status: 'ready',
                  value: { ...result.value, contentHtml: previous.article.value.contentHtml }
                }
              }
            : previous
        )
      })
    })
    return () => {
      current = false
      unsubscribe()
    }
  }, [articleId])

  return {
    article:
      articleId === null ? null : loaded?.id === articleId ? loaded.article : { status: 'loading' },
    imageSources: loaded?.id === articleId ? loaded.imageSources : ''
  }
}
