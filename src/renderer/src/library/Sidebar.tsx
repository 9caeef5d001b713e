import type { LibraryStats, TagInfo } from '../../../shared/types'
import { tagView } from '../views'
import type { View } from '../views'

interface SidebarProps {
  views: View[]
  current: View
  stats: LibraryStats | null
  tags: TagInfo[]
  onSelect(view: View): void
}

export function Sidebar({
  views,
  current,
  stats,
  tags,
  onSelect
}: SidebarProps): React.JSX.Element {
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        Folio
      </div>
      <ul className="nav-list">
        {views.map((view) => (
          <li key={view.key}>
            <button
              type="button"
              className="nav-item"
              aria-current={view.key === current.key ? 'page' : undefined}
              onClick={() => onSelect(view)}
            >
              <span>{view.label}</span>
              {stats && view.count && <span className="nav-count">{view.count(stats)}</span>}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="sidebar-heading">Tags</h2>
      {tags.length === 0 ? (
        <p className="sidebar-note">No tags yet. Press t on an article to tag it.</p>
      ) : (
        <ul className="nav-list tag-tree" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.name}>
              <button
                type="button"
                className="nav-item"
                style={{ paddingInlineStart: `calc(var(--space) * ${2 + tag.depth * 4})` }}
                aria-current={current.key === `tag:${tag.name}` ? 'page' : undefined}
                title={tag.name}
                onClick={() => onSelect(tagView(tag.name))}
              >
                <span className="tag-label">
                  <span className="tag-hash" aria-hidden="true">
                    #
                  </span>
                  {tag.label}
                </span>
                <span className="nav-count">{tag.total}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
