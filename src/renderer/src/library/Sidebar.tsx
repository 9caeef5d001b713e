import { useState } from 'react'
import type { LibraryStats, SiteInfo, TagInfo } from '../../../shared/types'
import { tagView } from '../views'
import type { View } from '../views'
import { isArticleDrag } from './articleDrag'

interface SidebarProps {
  views: View[]
  current: View
  stats: LibraryStats | null
  tags: TagInfo[]
  sites: SiteInfo[]
  /** The site whose articles are listed (through a `site:` search), if any. */
  currentSite: string | null
  onSelect(view: View): void
  onSite(site: string): void
  onTagRename(name: string): void
  onTagMerge(name: string): void
  onTagDelete(name: string): void
  /** True while articles from the list are being dragged: tags then take a drop. */
  draggingArticles: boolean
  /** Articles dragged from the list were dropped on this tag. */
  onTagDrop(name: string): void
}

/** Sites shown before "Show all": the sidebar stays short for libraries from hundreds of sites. */
const collapsedSites = 8

export function Sidebar({
  views,
  current,
  stats,
  tags,
  sites,
  currentSite,
  onSelect,
  onSite,
  onTagRename,
  onTagMerge,
  onTagDelete,
  draggingArticles,
  onTagDrop
}: SidebarProps): React.JSX.Element {
  const [allSites, setAllSites] = useState(false)
  const [dropTag, setDropTag] = useState<string | null>(null)
  const shownSites = allSites ? sites : sites.slice(0, collapsedSites)
  const inSite = currentSite !== null
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
              aria-current={!inSite && view.key === current.key ? 'page' : undefined}
              onClick={() => onSelect(view)}
            >
              <span>{view.label}</span>
              {stats && view.count && <span className="nav-count">{view.count(stats)}</span>}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="sidebar-heading">
        Tags
        {draggingArticles && tags.length > 0 && (
          <span className="drop-hint"> · drop on a tag to add it</span>
        )}
      </h2>
      {tags.length === 0 ? (
        <p className="sidebar-note">No tags yet. Press t on an article to tag it.</p>
      ) : (
        <ul
          className="nav-list tag-tree"
          aria-label="Tags"
          data-dragging={draggingArticles || undefined}
        >
          {tags.map((tag) => (
            <li
              key={tag.name}
              className="tag-item"
              data-drop-target={(draggingArticles && dropTag === tag.name) || undefined}
              onDragEnter={(event) => {
                if (!isArticleDrag(event)) return
                event.preventDefault()
                setDropTag(tag.name)
              }}
              onDragOver={(event) => {
                if (!isArticleDrag(event)) return
                event.preventDefault()
                event.dataTransfer.dropEffect = 'copy'
                setDropTag(tag.name)
              }}
              onDragLeave={(event) => {
                if (event.currentTarget.contains(event.relatedTarget as Node | null)) return
                setDropTag((current) => (current === tag.name ? null : current))
              }}
              onDrop={(event) => {
                if (!isArticleDrag(event)) return
                event.preventDefault()
                event.stopPropagation()
                setDropTag(null)
                onTagDrop(tag.name)
              }}
            >
              <button
                type="button"
                className="nav-item"
                style={{ paddingInlineStart: `calc(var(--space) * ${2 + tag.depth * 4})` }}
                aria-current={!inSite && current.key === `tag:${tag.name}` ? 'page' : undefined}
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
              <span className="tag-tools">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Rename tag ${tag.name}`}
                  title="Rename"
                  onClick={() => onTagRename(tag.name)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Merge tag ${tag.name} into…`}
                  title="Merge into…"
                  onClick={() => onTagMerge(tag.name)}
                >
                  <MergeIcon />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Delete tag ${tag.name}`}
                  title="Delete (articles keep everything else)"
                  onClick={() => onTagDelete(tag.name)}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2 className="sidebar-heading">Sites</h2>
      {sites.length === 0 ? (
        <p className="sidebar-note">Sites appear here as you save pages.</p>
      ) : (
        <ul className="nav-list" aria-label="Sites">
          {shownSites.map((site) => (
            <li key={site.site}>
              <button
                type="button"
                className="nav-item"
                aria-current={currentSite === site.site ? 'page' : undefined}
                title={site.site}
                onClick={() => onSite(site.site)}
              >
                <span className="tag-label">{siteLabel(site, sites)}</span>
                <span className="nav-count">{site.count}</span>
              </button>
            </li>
          ))}
          {sites.length > collapsedSites && (
            <li>
              <button
                type="button"
                className="text-button sidebar-more"
                onClick={() => setAllSites((value) => !value)}
              >
                {allSites ? 'Show fewer' : `Show all ${sites.length}`}
              </button>
            </li>
          )}
        </ul>
      )}
    </nav>
  )
}

/** Two tags flowing into one: "merge into". */
function MergeIcon(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3 2v3.5c0 2 1.5 3 3 3.8L8 10.5M13 2v3.5c0 2-1.5 3-3 3.8L8 10.5V14M5.5 12 8 14.5 10.5 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** The site's own name, unless another listed site shares it: then the host tells them apart. */
function siteLabel(site: SiteInfo, sites: SiteInfo[]): string {
  const host = site.site.replace(/^www\./, '')
  if (!site.siteName) return host
  const shared = sites.filter((other) => other.siteName === site.siteName).length > 1
  return shared ? host : site.siteName
}
