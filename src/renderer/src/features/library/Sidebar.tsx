import { useState } from 'react'
import type { LibraryStats, SiteInfo, TagInfo } from '../../../../shared/types'
import { useKeyOf } from '../../ui/keyHints'
import { TagTree } from '../tags/TagTree'
import type { TagTreeActions } from '../tags/TagTree'
import { tagView } from './views'
import type { View } from './views'
import { displayHost } from '../../../../shared/web'

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
  /** The tag tree's tools and drops; selecting a tag goes through `onSelect`. */
  tagActions: Omit<TagTreeActions, 'select'>
  /** The Highlights view: whether it is shown, and how to show it. */
  highlights: { current: boolean; open(): void }
  /** True while articles from the list are being dragged: tags then take a drop. */
  draggingArticles: boolean
}

/** Sites shown before "Show all": the sidebar stays short for libraries from hundreds of sites. */
const collapsedSites = 8

export function Sidebar(props: SidebarProps): React.JSX.Element {
  const { current, tags, currentSite, draggingArticles } = props
  const inSite = currentSite !== null
  const keyOf = useKeyOf()
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        Folio
      </div>
      <ViewList {...props} />
      <ul className="nav-list">
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={props.highlights.current ? 'page' : undefined}
            onClick={props.highlights.open}
          >
            <span>Highlights</span>
          </button>
        </li>
      </ul>
      <h2 className="sidebar-heading">
        Tags
        {draggingArticles && tags.length > 0 && (
          <span className="drop-hint"> · drop on a tag to add it</span>
        )}
      </h2>
      {tags.length === 0 ? (
        <p className="sidebar-note">No tags yet. Press {keyOf('tag')} on an article to tag it.</p>
      ) : (
        <TagTree
          tags={tags}
          currentTag={!inSite && current.key.startsWith('tag:') ? current.key.slice(4) : null}
          draggingArticles={draggingArticles}
          actions={{ ...props.tagActions, select: (name) => props.onSelect(tagView(name)) }}
        />
      )}
      <h2 className="sidebar-heading">Sites</h2>
      <SiteList sites={props.sites} currentSite={currentSite} onSite={props.onSite} />
    </nav>
  )
}

function ViewList({
  views,
  current,
  stats,
  currentSite,
  onSelect,
  highlights
}: SidebarProps): React.JSX.Element {
  return (
    <ul className="nav-list">
      {views.map((view) => (
        <li key={view.key}>
          <button
            type="button"
            className="nav-item"
            aria-current={
              !highlights.current && currentSite === null && view.key === current.key
                ? 'page'
                : undefined
            }
            onClick={() => onSelect(view)}
          >
            <span>{view.label}</span>
            {stats && view.count && <span className="nav-count">{view.count(stats)}</span>}
          </button>
        </li>
      ))}
    </ul>
  )
}

function SiteList({
  sites,
  currentSite,
  onSite
}: Pick<SidebarProps, 'sites' | 'currentSite' | 'onSite'>): React.JSX.Element {
  const [allSites, setAllSites] = useState(false)
  if (sites.length === 0) {
    return <p className="sidebar-note">Sites appear here as you save pages.</p>
  }
  const shownSites = allSites ? sites : sites.slice(0, collapsedSites)
  return (
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
  )
}

/** The site's own name, unless another listed site shares it: then the host tells them apart. */
function siteLabel(site: SiteInfo, sites: SiteInfo[]): string {
  const host = displayHost(site.site)
  if (!site.siteName) return host
  const shared = sites.filter((other) => other.siteName === site.siteName).length > 1
  return shared ? host : site.siteName
}
