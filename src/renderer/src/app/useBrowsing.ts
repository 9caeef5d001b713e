import { useMemo, useState } from 'react'
import type { ListQuery } from '../features/library/query'
import { useArticlePages } from '../features/library/useArticlePages'
import type { ArticlePages } from '../features/library/useArticlePages'
import { useSelection } from '../features/library/useSelection'
import type { Selection } from '../features/library/useSelection'
import { useSortOrder } from '../features/library/useSortOrder'
import type { SortChoice } from '../features/library/useSortOrder'
import { views } from '../features/library/views'
import type { View } from '../features/library/views'
import { useSearchPages } from '../features/search/useSearchPages'
import type { SearchPages } from '../features/search/useSearchPages'

/** What the list shows and where its cursor is: a view (or a search), its order, its selection. */
export interface Browsing {
  view: View
  selectView(view: View): void
  order: SortChoice
  setOrder(order: SortChoice): void
  query: ListQuery
  search: string
  setSearch(text: string): void
  /** True while a search replaces the view's articles in the list. */
  searching: boolean
  pages: ArticlePages
  results: SearchPages
  selection: Selection
  rowCount: number
  /** The cursor, kept within the rows shown. */
  cursorIndex: number
  setCursor(index: number): void
  /** The article at a row of what the list shows (the view or the search's hits). */
  idAt(index: number): number | undefined
}

export function useBrowsing(hiddenIds: ReadonlySet<number>): Browsing {
  const [view, setView] = useState<View>(views[0])
  const [order, setOrder] = useSortOrder()
  const query: ListQuery = useMemo(() => ({ filter: view.filter, ...order }), [view, order])
  const pages = useArticlePages(query, hiddenIds)
  const selection = useSelection(pages, query)
  const [search, setSearchText] = useState('')
  const results = useSearchPages(search)
  const searching = results.status !== 'idle'
  const [cursor, setCursor] = useState(0)
  const rowCount = searching ? results.count : pages.count
  return {
    view,
    selectView: (next) => {
      setView(next)
      setSearchText('')
      setCursor(0)
      selection.clear()
    },
    order,
    setOrder,
    query,
    search,
    setSearch: (text) => {
      setSearchText(text)
      setCursor(0)
    },
    searching,
    pages,
    results,
    selection,
    rowCount,
    cursorIndex: Math.max(0, Math.min(cursor, rowCount - 1)),
    setCursor,
    idAt: (index) => (searching ? results.hitAt(index)?.id : pages.itemAt(index)?.id)
  }
}
