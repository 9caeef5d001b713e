import type { CaptureStage } from '../../../../shared/types'
import type { View } from './views'
import { ArticleRow, rowHeight } from './ArticleRow'
import type { ArticlePages } from './useArticlePages'
import { VirtualList } from '../../ui/VirtualList'

interface ArticleListProps {
  view: View
  header: React.ReactNode
  /** Shown instead of the view's articles (search results). */
  body: React.ReactNode
  libraryEmpty: boolean
  onAdd(): void
  pages: ArticlePages
  resetKey: string
  cursor: number
  openId: number | null
  selectedIds: ReadonlyMap<number, unknown>
  stageByArticle: ReadonlyMap<number, CaptureStage>
  onRowClick(index: number, event: React.MouseEvent): void
  onRowToggle(index: number, event: React.MouseEvent): void
  onRowDragStart(index: number, event: React.DragEvent): void
  onRowDragEnd(): void
  listRef: React.RefObject<HTMLElement | null>
}

export function ArticleList({
  view,
  header,
  body,
  libraryEmpty,
  onAdd,
  pages,
  resetKey,
  cursor,
  openId,
  selectedIds,
  stageByArticle,
  onRowClick,
  onRowToggle,
  onRowDragStart,
  onRowDragEnd,
  listRef
}: ArticleListProps): React.JSX.Element {
  return (
    <section className="list-pane" aria-label={view.label} ref={listRef} tabIndex={0}>
      {header}
      {body}
      {!body && pages.status === 'loading' && (
        <p className="state-message muted" role="status">
          Loading articles…
        </p>
      )}
      {!body && pages.status === 'error' && (
        <div className="state-message" role="alert">
          <h2>The library could not be read</h2>
          <p>{pages.error?.message}</p>
          <p className="muted">Check that Folio is still running, then reload this window.</p>
        </div>
      )}
      {!body && pages.status === 'ready' && pages.count === 0 && (
        <EmptyState view={view} libraryEmpty={libraryEmpty} onAdd={onAdd} />
      )}
      {!body && pages.status === 'ready' && pages.count > 0 && (
        <VirtualList
          count={pages.count}
          rowHeight={rowHeight}
          activeIndex={cursor}
          resetKey={resetKey}
          label="Articles"
          onRangeChange={pages.requestRange}
          renderRow={(index) => {
            const article = pages.itemAt(index)
            return (
              <ArticleRow
                article={article}
                active={index === cursor}
                open={article !== undefined && article.id === openId}
                selected={article !== undefined && selectedIds.has(article.id)}
                stage={article ? (stageByArticle.get(article.id) ?? null) : null}
                onOpen={(event) => onRowClick(index, event)}
                onToggleSelected={(event) => onRowToggle(index, event)}
                onDragStart={(event) => onRowDragStart(index, event)}
                onDragEnd={onRowDragEnd}
              />
            )
          }}
        />
      )}
    </section>
  )
}

function EmptyState({
  view,
  libraryEmpty,
  onAdd
}: {
  view: View
  libraryEmpty: boolean
  onAdd(): void
}): React.JSX.Element {
  if (libraryEmpty && (view.id === 'inbox' || view.id === 'all')) {
    return (
      <div className="empty-state">
        <h2>Your library is empty</h2>
        <p>Articles you save are kept here, with their images, to read offline and search.</p>
        <p>
          <button type="button" className="primary-button" onClick={onAdd}>
            Add your first article
          </button>
        </p>
        <p className="muted">
          Or save a page from a terminal with <code>folio save &lt;url&gt;</code>.
        </p>
      </div>
    )
  }
  return (
    <div className="empty-state">
      <h2>{view.emptyTitle}</h2>
      <p className="muted">{view.emptyHint}</p>
    </div>
  )
}
