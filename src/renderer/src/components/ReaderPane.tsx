import { useEffect, useState } from 'react'
import type { Article } from '../../../shared/types'
import { api } from '../api'
import type { Loadable } from '../useLibrary'

/** The article runs in a sandboxed frame with no scripts and a CSP of its own (DESIGN.md §5). */
function readerCsp(imageSources: string): string {
  return `default-src 'none'; img-src ${imageSources}; style-src 'unsafe-inline'`
}

export function ReaderPane({ articleId }: { articleId: number | null }): React.JSX.Element {
  const [loaded, setLoaded] = useState<{
    id: number
    article: Loadable<Article>
    imageSources: string
  } | null>(null)

  useEffect(() => {
    if (articleId === null) return
    let current = true
    void api['articles.get']({ id: articleId, content: 'html' }).then(async (result) => {
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
    return () => {
      current = false
    }
  }, [articleId])

  const article: Loadable<Article> | null =
    articleId === null ? null : loaded?.id === articleId ? loaded.article : { status: 'loading' }

  if (article === null) {
    return (
      <section className="reader-pane reader-empty" aria-label="Reader">
        <p className="muted">Pick an article to read it here.</p>
      </section>
    )
  }
  if (article.status !== 'ready') {
    return (
      <section className="reader-pane reader-empty" aria-label="Reader">
        <p className="muted">{article.status === 'loading' ? 'Opening…' : article.error.message}</p>
      </section>
    )
  }
  const value = article.value
  const documentHtml = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${readerCsp(loaded?.imageSources ?? '')}"></head><body>${value.contentHtml ?? ''}</body></html>`
  return (
    <section className="reader-pane" aria-label="Reader">
      <header className="reader-header">
        <h1>{value.title || value.url}</h1>
        <p className="muted">
          {[value.byline, value.siteName ?? value.site].filter(Boolean).join(' · ')}
        </p>
      </header>
      <iframe className="reader-frame" title={value.title} sandbox="" srcDoc={documentHtml} />
    </section>
  )
}
