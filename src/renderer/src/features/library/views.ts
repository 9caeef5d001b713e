import type { LibraryStats } from '../../../../shared/types'
import type { ListFilter } from './query'

export type ViewId = 'inbox' | 'favorites' | 'archive' | 'all'

/** What the sidebar can show in the list: a fixed view or a tag. */
export interface View {
  /** Unique among views and tags: `inbox`, `tag:research/llm`. */
  key: string
  id: ViewId | 'tag'
  label: string
  filter: ListFilter
  count?(stats: LibraryStats): number
  emptyTitle: string
  /** `{commandId}` stands for the key of a command (ui/keyHints.tsx). */
  emptyHint: string
}

export const views: View[] = [
  {
    key: 'inbox',
    id: 'inbox',
    label: 'Inbox',
    filter: { state: 'unread' },
    count: (stats) => stats.unread,
    emptyTitle: 'Nothing left to read',
    emptyHint: 'Everything here is read or archived. Add a page with the Add button ({add}).'
  },
  {
    key: 'favorites',
    id: 'favorites',
    label: 'Favorites',
    filter: { favorite: true },
    count: (stats) => stats.favorites,
    emptyTitle: 'No favorites yet',
    emptyHint: 'Press {favorite} on an article, or use ☆ in the reader, to keep it here.'
  },
  {
    key: 'archive',
    id: 'archive',
    label: 'Archive',
    filter: { state: 'archived' },
    count: (stats) => stats.archived,
    emptyTitle: 'The archive is empty',
    emptyHint: 'Archive an article you are done with ({archive}) to keep it out of the Inbox.'
  },
  {
    key: 'all',
    id: 'all',
    label: 'All articles',
    filter: {},
    count: (stats) => stats.articles,
    emptyTitle: 'No articles',
    emptyHint: 'Add a page with the Add button ({add}).'
  }
]

export function tagView(name: string): View {
  return {
    key: `tag:${name}`,
    id: 'tag',
    label: name,
    filter: { tag: name },
    emptyTitle: `Nothing tagged “${name}”`,
    emptyHint: 'Tag an article with {tag}, or select several and use Tag.'
  }
}
