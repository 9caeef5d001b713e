import { sortOptions } from './query'
import type { SortChoice } from './useSortOrder'
import type { SortKey, SortOrder } from './query'

interface ListHeaderProps {
  title: string
  count: number | null
  add: { title: string; run(): void }
  /** The tools under the title: search, sort, filters, the bulk bar. */
  children: React.ReactNode
}

const countFormat = new Intl.NumberFormat()

export function ListHeader({ title, count, add, children }: ListHeaderProps): React.JSX.Element {
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
        <button
          type="button"
          className="primary-button add-button"
          onClick={add.run}
          title={add.title}
        >
          + Add
        </button>
      </div>
      {children}
    </header>
  )
}

export function SortMenu({
  order,
  onSort
}: {
  order: SortChoice
  onSort(order: SortChoice): void
}): React.JSX.Element {
  return (
    <label className="sort-menu">
      <span className="visually-hidden">Sort by</span>
      <select
        aria-label="Sort by"
        value={`${order.sort}:${order.order}`}
        onChange={(event) => {
          const [sort, direction] = event.target.value.split(':') as [SortKey, SortOrder]
          onSort({ sort, order: direction })
        }}
      >
        {sortOptions.map((option) => (
          <option key={`${option.key}:${option.order}`} value={`${option.key}:${option.order}`}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}

export interface BulkActions {
  archive(): void
  markRead(read: boolean): void
  tag(): void
  remove(): void
  selectAll(): void
  clear(): void
}

/** What can be done to the selected articles at once; shown while there is a selection. */
export function BulkBar({
  count,
  bulk
}: {
  count: number
  bulk: BulkActions
}): React.JSX.Element | null {
  if (count === 0) return null
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected articles">
      <span className="bulk-count">{countFormat.format(count)} selected</span>
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
  )
}
