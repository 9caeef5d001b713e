import type { SearchHit } from '../../../../shared/types'
import { handFocusToList, rowHeight } from '../library/ArticleRow'
import type { SearchPages } from './useSearchPages'
import { VirtualList } from '../../ui/VirtualList'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

interface SearchResultsProps {
  search: string
  results: SearchPages
  cursor: number
  openId: number | null
  /** Deleted while the undo window is open: shown as such, since hits cannot be re-indexed. */
  hiddenIds: ReadonlySet<number>
  onOpen(index: number): void
  /** Dragging a hit (onto a tag in the sidebar) starts here, as from the library list. */
  onDragStart(index: number, event: React.DragEvent): void
  onDragEnd(): void
}

/** The list while a search is typed: matches with their snippet and the matched words marked. */
export function SearchResults({
  search,
  results,
  cursor,
  openId,
  hiddenIds,
  onOpen,
  onDragStart,
  onDragEnd
}: SearchResultsProps): React.JSX.Element {
  if (results.status === 'error') {
    return (
      <div className="state-message" role="alert">
        <h2>The search failed</h2>
        <p>{results.error?.message}</p>
      </div>
    )
  }
  if (results.status !== 'ready') {
    return (
      <p className="state-message muted" role="status">
        Searching…
      </p>
    )
  }
  return (
    <>
      <p className="search-summary muted" role="status">
        {results.count === 0
          ? `Nothing matches “${search.trim()}”.`
          : `${results.totalLabel} ${results.count === 1 ? 'match' : 'matches'}`}
        {results.ignored.length > 0 && ` · not understood: ${results.ignored.join(' ')}`}
      </p>
      {results.count > 0 && (
        <VirtualList
          count={results.count}
          rowHeight={rowHeight}
          activeIndex={cursor}
          resetKey={search.trim()}
          label="Search results"
          onRangeChange={results.requestRange}
          renderRow={(index) => (
            <HitRow
              hit={results.hitAt(index)}
              deleted={hiddenIds.has(results.hitAt(index)?.id ?? 0)}
              active={index === cursor}
              open={results.hitAt(index)?.id === openId}
              onOpen={() => onOpen(index)}
              onDragStart={(event) => onDragStart(index, event)}
              onDragEnd={onDragEnd}
            />
          )}
        />
      )}
    </>
  )
}

function HitRow({
  hit,
  deleted,
  active,
  open,
  onOpen,
  onDragStart,
  onDragEnd
}: {
  hit: SearchHit | undefined
  deleted: boolean
  active: boolean
  open: boolean
  onOpen(): void
  onDragStart(event: React.DragEvent): void
  onDragEnd(): void
}): React.JSX.Element {
  if (!hit) return <div className="article-row article-row-placeholder" aria-hidden="true" />
  if (deleted) {
    return (
      <div className="article-row row-deleted">
        <span className="row-open muted">Deleted “{hit.title}”</span>
      </div>
    )
  }
  return (
    <div
      className="article-row"
      data-active={active || undefined}
      aria-current={open || undefined}
      draggable
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      <button
        type="button"
        className="row-open"
        onFocus={handFocusToList}
        tabIndex={-1}
        onClick={onOpen}
      >
        <span className="row-meta">
          {hit.site && <span className="row-site">{hit.site}</span>}
          {hit.site && <span aria-hidden="true">·</span>}
          <time dateTime={new Date(hit.savedAt).toISOString()}>
            {dateFormat.format(hit.savedAt)}
          </time>
        </span>
        <span className="row-title">{hit.title || hit.url}</span>
        <span className="row-detail">
          {hit.tags.length > 0 && (
            <span className="row-tags">
              {hit.tags.slice(0, 3).map((tag) => (
                <span key={tag} className="tag-chip">
                  {tag}
                </span>
              ))}
            </span>
          )}
          <span className="row-excerpt">
            <Highlighted text={hit.snippet} ranges={hit.highlights} />
          </span>
        </span>
      </button>
    </div>
  )
}

/** The snippet with its matched ranges in <mark>; the text is never parsed as HTML. */
function Highlighted({
  text,
  ranges
}: {
  text: string
  ranges: [number, number][]
}): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>)
    at = end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
