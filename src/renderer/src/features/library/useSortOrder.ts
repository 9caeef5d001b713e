import { useState } from 'react'
import { sortOptions } from './query'
import type { SortKey, SortOrder } from './query'

export interface SortChoice {
  sort: SortKey
  order: SortOrder
}

const sortKey = 'folio.sort'

/** The sort menu's last choice, kept per browser like the reading settings. */
function readSortOrder(): SortChoice {
  try {
    const stored = JSON.parse(localStorage.getItem(sortKey) ?? 'null') as {
      sort?: unknown
      order?: unknown
    } | null
    const option = sortOptions.find(
      (candidate) => candidate.key === stored?.sort && candidate.order === stored?.order
    )
    if (option) return { sort: option.key, order: option.order }
  } catch {
    // A hand-edited value: fall back to the default order.
  }
  return { sort: 'saved', order: 'desc' }
}

/** The list's order, remembered in this browser when changed. */
export function useSortOrder(): [SortChoice, (next: SortChoice) => void] {
  const [order, setOrder] = useState(readSortOrder)
  const choose = (next: SortChoice): void => {
    localStorage.setItem(sortKey, JSON.stringify(next))
    setOrder(next)
  }
  return [order, choose]
}
