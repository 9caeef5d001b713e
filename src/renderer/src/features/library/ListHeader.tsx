import { sortOptions } from './query'
import { SearchFilters } from '../search/SearchFilters'
import type { SortKey, SortOrder } from './query'

export interface ListHeaderProps {
  title: string
  count: number | null
  sort: SortKey
  order: SortOrder
  onSort(sort: SortKey, order: SortOrder): void
  onAdd(): void
  selectionCount: number
  bulk: BulkActions
  searchRef: React.RefObject<HTMLInputElement | null>
  search: string
  onSearch(text: string): void
  /** Enter or Escape in the search field hands the keyboard back to the list. */
  onSearchDone(): void
}

export interface BulkActions {
  archive(): void
  markRead(read: boolean): void
  tag(): void
  remove(): void
  selectAll(): void
  clear(): void
}

const countFormat = new Intl.NumberFormat()

export function ListHeader({
  title,
  count,
  sort,
  order,
  onSort,
  onAdd,
  selectionCount,
  bulk,
  searchRef,
  search,
  onSearch,
  onSearchDone
}: ListHeaderProps): React.JSX.Element {
  return (
    <header className="pane-header">
      <div className="pane-title-row">
        <h1>{title}</h1>
        {count !== null && (
          <span className="muted pane-count">
            {count === 1 ? '1 article' : `${countFormat.format(count)} articles`}
          </span>
        )}
        <span className="toolbar-spacer" />
        <button type="button" className="primary-button add-button" onClick={onAdd} title="Add (n)">
          + Add
        </button>
      </div>
      <div className="pane-tools">
        <input
          ref={searchRef}
          type="search"
          className="search-field"
          placeholder="Search (/)"
          aria-label="Search"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onSearch('')
            if (event.key === 'Escape' || event.key === 'Enter') {
              event.preventDefault()
              onSearchDone()
            }
          }}
        />
        <label className="sort-menu">
          <span className="visually-hidden">Sort by</span>
          <select
            aria-label="Sort by"
            value={`${sort}:${order}`}
            onChange={(event) => {
              const [key, direction] = event.target.value.split(':') as [SortKey, SortOrder]
              onSort(key, direction)
            }}
          >
            {sortOptions.map((option) => (
              <option key={`${option.key}:${option.order}`} value={`${option.key}:${option.order}`}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SearchFilters search={search} onSearch={onSearch} />
      {selectionCount > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label="Selected articles">
          <span className="bulk-count">{countFormat.format(selectionCount)} selected</span>
          <button type="button" className="tool-button" onClick={bulk.archive}>
            Archive
          </button>
          <button type="button" className="tool-button" onClick={() => bulk.markRead(true)}>
            Mark read
          </button>
          <button type="button" className="tool-button" onClick={() => bulk.markRead(false)}>
            Mark unread
          </button>
          <button type="button" className="tool-button" onClick={bulk.tag}>
            Tag
          </button>
          <button type="button" className="tool-button danger" onClick={bulk.remove}>
            Delete
          </button>
          <span className="toolbar-spacer" />
          <button type="button" className="text-button" onClick={bulk.selectAll}>
            Select all
          </button>
          <button type="button" className="text-button" onClick={bulk.clear}>
            Clear
          </button>
        </div>
      )}
    </header>
  )
}
