import type { CaptureStage } from '../../../../shared/types'
import { useKeyOf, withKeys } from '../../ui/keyHints'
import { VirtualList } from '../../ui/VirtualList'
import { ArticleRow, rowHeight } from './ArticleRow'
import type { ArticlePages } from './useArticlePages'
import type { View } from './views'

/** What marks each row: the keyboard's cursor, the open article, the selection, captures. */
export interface RowMarks {
  /** -1 when there are no rows. */
  cursor: number
  openId: number | null
  selectedIds: ReadonlyMap<number, unknown>
  stageByArticle: ReadonlyMap<number, CaptureStage>
}

/** What a row does when clicked, its checkbox ticked or it is dragged (onto a tag). */
export interface RowEvents {
  click(index: number, event: React.MouseEvent): void
  toggle(index: number, event: React.MouseEvent): void
  dragStart(index: number, event: React.DragEvent): void
  dragEnd(): void
}

interface ArticleListProps {
  view: View
  pages: ArticlePages
  rows: RowMarks
  rowEvents: RowEvents
  /** Over the rows: the title, search, sort and the bulk bar. */
  header: React.ReactNode
  /** Shown instead of the view's articles (search results). */
  body: React.ReactNode
  /** For the empty state: whether the whole library is empty, and how to add a first article. */
  empty: { libraryEmpty: boolean; onAdd(): void }
  listRef: React.RefObject<HTMLElement | null>
}

export function ArticleList({
  view,
  pages,
  rows,
  rowEvents,
  header,
  body,
  empty,
  listRef
}: ArticleListProps): React.JSX.Element {
  return (
    <section className="list-pane" aria-label={view.label} ref={listRef} tabIndex={0}>
      {header}
      {body ?? (
        <ListBody view={view} pages={pages} rows={rows} rowEvents={rowEvents} empty={empty} />
      )}
    </section>
  )
}

function ListBody({
  view,
  pages,
  rows,
  rowEvents,
  empty
}: Omit<ArticleListProps, 'header' | 'body' | 'listRef'>): React.JSX.Element {
  if (pages.status === 'loading') {
    return (
      <p className="state-message muted" role="status">
        Loading articles…
      </p>
    )
  }
  if (pages.status === 'error') {
    return (
      <div className="state-message" role="alert">
        <h2>The library could not be read</h2>
        <p>{pages.error?.message}</p>
        <p className="muted">Check that Folio is still running, then reload this window.</p>
      </div>
    )
  }
  if (pages.count === 0) return <EmptyState view={view} {...empty} />
  return (
    <VirtualList
      count={pages.count}
      rowHeight={rowHeight}
      activeIndex={rows.cursor}
      resetKey={pages.queryKey}
      label="Articles"
      onRangeChange={pages.requestRange}
      renderRow={(index) => {
        const article = pages.itemAt(index)
        return (
          <ArticleRow
            article={article}
            active={index === rows.cursor}
            open={article !== undefined && article.id === rows.openId}
            selected={article !== undefined && rows.selectedIds.has(article.id)}
            stage={article ? (rows.stageByArticle.get(article.id) ?? null) : null}
            onOpen={(event) => rowEvents.click(index, event)}
            onToggleSelected={(event) => rowEvents.toggle(index, event)}
            onDragStart={(event) => rowEvents.dragStart(index, event)}
            onDragEnd={rowEvents.dragEnd}
          />
        )
      }}
    />
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
  const keyOf = useKeyOf()
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
      <p className="muted">{withKeys(view.emptyHint, keyOf)}</p>
    </div>
  )
}
