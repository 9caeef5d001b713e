import type { OperationInput } from '../../shared/contract'
import type { LibraryStats } from '../../shared/types'

export type ViewId = 'inbox' | 'favorites' | 'archive' | 'all'

export interface View {
  id: ViewId
  label: string
  filter: Pick<OperationInput<'articles.list'>, 'state' | 'favorite'>
  count(stats: LibraryStats): number
  emptyTitle: string
}

export const views: View[] = [
  {
    id: 'inbox',
    label: 'Inbox',
    filter: { state: 'unread' },
    count: (stats) => stats.unread,
    emptyTitle: 'Nothing left to read'
  },
  {
    id: 'favorites',
    label: 'Favorites',
    filter: { favorite: true },
    count: (stats) => stats.favorites,
    emptyTitle: 'No favorites yet'
  },
  {
    id: 'archive',
    label: 'Archive',
    filter: { state: 'archived' },
    count: (stats) => stats.archived,
    emptyTitle: 'The archive is empty'
  },
  {
    id: 'all',
    label: 'All articles',
    filter: {},
    count: (stats) => stats.articles,
    emptyTitle: 'No articles'
  }
]
