import type { OperationInput } from '../../../../shared/contract'

export type SortKey = NonNullable<OperationInput<'articles.list'>['sort']>
export type SortOrder = NonNullable<OperationInput<'articles.list'>['order']>

export type ListFilter = Pick<OperationInput<'articles.list'>, 'state' | 'favorite' | 'tag'>

/** What the list shows: a filter from the sidebar and an order from the sort menu. */
export interface ListQuery {
  filter: ListFilter
  sort: SortKey
  order: SortOrder
}

export const sortOptions: { key: SortKey; order: SortOrder; label: string }[] = [
  { key: 'saved', order: 'desc', label: 'Newest saved' },
  { key: 'saved', order: 'asc', label: 'Oldest saved' },
  { key: 'published', order: 'desc', label: 'Newest published' },
  { key: 'published', order: 'asc', label: 'Oldest published' },
  { key: 'title', order: 'asc', label: 'Title A–Z' },
  { key: 'title', order: 'desc', label: 'Title Z–A' },
  { key: 'readingTime', order: 'asc', label: 'Shortest read' },
  { key: 'readingTime', order: 'desc', label: 'Longest read' }
]

export function queryKey(query: ListQuery): string {
  return JSON.stringify([query.filter, query.sort, query.order])
}
