import type { LibraryStats } from '../../../shared/types'
import type { View } from '../views'

interface SidebarProps {
  views: View[]
  current: View
  stats: LibraryStats | null
  onSelect(view: View): void
}

export function Sidebar({ views, current, stats, onSelect }: SidebarProps): React.JSX.Element {
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
          <li key={view.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={view.id === current.id ? 'page' : undefined}
              onClick={() => onSelect(view)}
            >
              <span>{view.label}</span>
              {stats && <span className="nav-count">{view.count(stats)}</span>}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="sidebar-heading">Tags</h2>
      <p className="sidebar-note">
        {stats && stats.tags > 0 ? `${stats.tags} tags` : 'No tags yet'}
      </p>
    </nav>
  )
}
