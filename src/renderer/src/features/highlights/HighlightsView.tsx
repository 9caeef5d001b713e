import { useEffect, useState } from 'react'
import { highlightColors } from '../../../../shared/contract/highlights'
import type { HighlightColor, HighlightListItem } from '../../../../shared/contract/highlights'
import type { SiteInfo, TagInfo } from '../../../../shared/types'
import { api } from '../../api'
import { displayHost } from '../../../../shared/web'
import { highlightsMarkdown } from '../../../../shared/highlights-markdown'

interface Filters {
  tag: string
  site: string
  color: HighlightColor | ''
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/**
 * Saves the highlights the filters show as one Markdown file (a section per article: title, link,
 * author, date, each highlight as a quote with its note), the shape Obsidian and Logseq expect;
 * the same text as `folio highlights --format markdown`.
 */
async function exportMarkdown(filters: Filters): Promise<string | null> {
  const result = await api['highlights.list']({
    tag: filters.tag || undefined,
    site: filters.site || undefined,
    color: filters.color || undefined,
    limit: 10_000
  })
  if (!result.ok) return result.error.message
  const file = new Blob([highlightsMarkdown(result.value.items) + '\n'], {
    type: 'text/markdown;charset=utf-8'
  })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(file)
  link.download = 'Folio highlights.md'
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  return null
}

/** Every highlight in the library, newest first, filtered by tag, site and colour. */
export function HighlightsView({
  tags,
  sites,
  onOpen
}: {
  tags: TagInfo[]
  sites: SiteInfo[]
  /** Opens the article and shows the highlight in it. */
  onOpen(articleId: number, highlightId: number): void
}): React.JSX.Element {
  const [filters, setFilters] = useState<Filters>({ tag: '', site: '', color: '' })
  const [loaded, setLoaded] = useState<{ items: HighlightListItem[]; total: number } | string>()
  useEffect(() => {
    let live = true
    void api['highlights.list']({
      tag: filters.tag || undefined,
      site: filters.site || undefined,
      color: filters.color || undefined
    }).then((result) => {
      if (live) setLoaded(result.ok ? result.value : result.error.message)
    })
    return () => {
      live = false
    }
  }, [filters])
  const [exportProblem, setExportProblem] = useState<string | null>(null)
  const change = (patch: Partial<Filters>): void => setFilters((old) => ({ ...old, ...patch }))
  return (
    <section className="list-pane highlights-view" aria-label="Highlights">
      <header className="pane-header">
        <div className="pane-title-row">
          <h1>Highlights</h1>
          {typeof loaded === 'object' && (
            <span className="muted pane-count">
              {loaded.total === 1 ? '1 highlight' : `${loaded.total} highlights`}
            </span>
          )}
          {typeof loaded === 'object' && loaded.total > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => void exportMarkdown(filters).then(setExportProblem)}
            >
              Export as Markdown
            </button>
          )}
        </div>
        {exportProblem && <p role="alert">{exportProblem}</p>}
        <HighlightFilters filters={filters} change={change} tags={tags} sites={sites} />
      </header>
      <HighlightItems loaded={loaded} onOpen={onOpen} />
    </section>
  )
}

/** The tag, site and colour choices the view is filtered by. */
function HighlightFilters({
  filters,
  change,
  tags,
  sites
}: {
  filters: Filters
  change(patch: Partial<Filters>): void
  tags: TagInfo[]
  sites: SiteInfo[]
}): React.JSX.Element {
  return (
    <div className="highlights-filters">
      <label>
        Tag
        <select value={filters.tag} onChange={(event) => change({ tag: event.target.value })}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag.name}>{tag.name}</option>
          ))}
        </select>
      </label>
      <label>
        Site
        <select value={filters.site} onChange={(event) => change({ site: event.target.value })}>
          <option value="">Any site</option>
          {sites.map((site) => (
            <option key={site.site} value={site.site}>
              {site.siteName ?? displayHost(site.site)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Colour
        <select
          value={filters.color}
          onChange={(event) => change({ color: event.target.value as HighlightColor | '' })}
        >
          <option value="">Any colour</option>
          {highlightColors.map((color) => (
            <option key={color} value={color}>
              {color[0].toUpperCase() + color.slice(1)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

function HighlightItems({
  loaded,
  onOpen
}: {
  loaded: { items: HighlightListItem[] } | string | undefined
  onOpen(articleId: number, highlightId: number): void
}): React.JSX.Element {
  if (loaded === undefined) return <p className="state-message muted">Loading…</p>
  if (typeof loaded === 'string') return <p className="state-message">{loaded}</p>
  if (loaded.items.length === 0)
    return (
      <p className="state-message muted">
        No highlights here. Select text in an article and pick a colour to keep a passage.
      </p>
    )
  return (
    <ol className="highlights-view-list">
      {loaded.items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="highlight-item"
            onClick={() => onOpen(item.articleId, item.id)}
          >
            <span className="highlight-dot" data-color={item.color} aria-hidden="true" />
            <span className="highlight-quote">{item.quote}</span>
            {item.note && <span className="highlight-item-note">{item.note}</span>}
            <span className="highlight-item-source muted">
              {item.article.title || item.article.url} ·{' '}
              {item.status === 'orphaned' ? 'could not be placed · ' : ''}
              {dateFormat.format(item.createdAt)}
            </span>
          </button>
        </li>
      ))}
    </ol>
  )
}
