import type { ArticlePage } from '../../../shared/types'
import type { Loadable } from '../useLibrary'
import type { View } from '../views'

interface ArticleListProps {
  view: View
  articles: Loadable<ArticlePage>
  selectedId: number | null
  onSelect(id: number): void
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export function ArticleList({
  view,
  articles,
  selectedId,
  onSelect
}: ArticleListProps): React.JSX.Element {
  return (
    <section className="list-pane" aria-label={view.label}>
      <header className="pane-header">
        <h1>{view.label}</h1>
        {articles.status === 'ready' && (
          <span className="muted">{countLabel(articles.value.total)}</span>
        )}
      </header>
      {articles.status === 'loading' && <p className="state-message muted">Loading…</p>}
      {articles.status === 'error' && (
        <div className="state-message" role="alert">
          <h2>The library could not be read</h2>
          <p>{articles.error.message}</p>
        </div>
      )}
      {articles.status === 'ready' && articles.value.total === 0 && <EmptyState view={view} />}
      {articles.status === 'ready' && articles.value.total > 0 && (
        <ul className="article-list">
          {articles.value.items.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="article-row"
                aria-current={article.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(article.id)}
              >
                <span className="article-title">{article.title || article.url}</span>
                <span className="article-meta">
                  {[
                    article.siteName ?? article.site,
                    dateFormat.format(article.savedAt),
                    readingTime(article.readingMinutes)
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {article.excerpt && <span className="article-excerpt">{article.excerpt}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function EmptyState({ view }: { view: View }): React.JSX.Element {
  if (view.id === 'inbox' || view.id === 'all') {
    return (
      <div className="empty-state">
        <h2>Your library is empty</h2>
        <p>Articles you save are kept here, with their images, to read offline and search.</p>
        <p className="muted">
          Save a page from a terminal with <code>folio save &lt;url&gt;</code>.
        </p>
      </div>
    )
  }
  return (
    <div className="empty-state">
      <h2>{view.emptyTitle}</h2>
    </div>
  )
}

function countLabel(total: number): string {
  return total === 1 ? '1 article' : `${total} articles`
}

function readingTime(minutes: number): string {
  return minutes > 0 ? `${minutes} min` : ''
}
