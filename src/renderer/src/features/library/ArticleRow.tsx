import type { ArticleSummary, CaptureStage } from '../../../../shared/types'
import { stageLabel } from '../capture/stages'
import { displayHost } from '../../../../shared/web'

/** Meta line, two lines of title, one line of tags and excerpt, with padding. */
export const rowHeight = 108

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

interface ArticleRowProps {
  article: ArticleSummary | undefined
  active: boolean
  open: boolean
  selected: boolean
  stage: CaptureStage | null
  onOpen(event: React.MouseEvent): void
  onToggleSelected(event: React.MouseEvent): void
  /** Dragging the row (onto a tag in the sidebar) starts here. */
  onDragStart(event: React.DragEvent): void
  onDragEnd(): void
}

/**
 * Rows take no focus from a click: the keyboard cursor, not a stale button, owns Enter. The list
 * takes the focus back just after the press: moving it during the press (or cancelling the
 * press) would stop Chromium from starting a drag onto a tag.
 */
export function handFocusToList(event: React.FocusEvent<HTMLElement>): void {
  const button = event.currentTarget
  setTimeout(() => {
    // Unless the focus has moved on already (the reader takes it when an article opens).
    if (document.activeElement !== button) return
    button.closest<HTMLElement>('.list-pane')?.focus({ preventScroll: true })
  }, 0)
}

/** One row of the library list; `article` is undefined while its page is loading. */
export function ArticleRow({
  article,
  active,
  open,
  selected,
  stage,
  onOpen,
  onToggleSelected,
  onDragStart,
  onDragEnd
}: ArticleRowProps): React.JSX.Element {
  if (!article) {
    return <div className="article-row article-row-placeholder" aria-hidden="true" />
  }
  const site = article.siteName ?? article.site ?? hostOf(article.url)
  const title = article.title || article.url
  return (
    <div
      className="article-row"
      data-state={article.state}
      data-capture={article.captureStatus}
      data-active={active || undefined}
      aria-current={open ? 'true' : undefined}
      aria-selected={selected}
      draggable
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      <input
        type="checkbox"
        className="row-check"
        checked={selected}
        aria-label={`Select ${title}`}
        tabIndex={-1}
        onChange={() => {}}
        onClick={(event) => {
          event.stopPropagation()
          onToggleSelected(event)
        }}
      />
      <button
        type="button"
        className="row-open"
        onFocus={handFocusToList}
        onClick={onOpen}
        tabIndex={-1}
        aria-labelledby={`row-title-${article.id}`}
        aria-describedby={`row-meta-${article.id} row-detail-${article.id}`}
      >
        <RowMeta article={article} site={site} />
        <span className="row-title" id={`row-title-${article.id}`} lang={article.lang ?? undefined}>
          {title}
        </span>
        <span className="row-detail" id={`row-detail-${article.id}`}>
          {article.tags.length > 0 && (
            <span className="row-tags">
              {article.tags.slice(0, 3).map((tag) => (
                <span key={tag} className="tag-chip">
                  {tag}
                </span>
              ))}
            </span>
          )}
          <RowDetail article={article} stage={stage} />
        </span>
      </button>
    </div>
  )
}

/** The row's first line: site, save date, reading time, favorite and state. */
function RowMeta({ article, site }: { article: ArticleSummary; site: string }): React.JSX.Element {
  return (
    <span className="row-meta" id={`row-meta-${article.id}`}>
      <SiteInitial site={site} />
      <span className="row-site">{site}</span>
      <span aria-hidden="true">·</span>
      <time dateTime={new Date(article.savedAt).toISOString()}>
        {dateFormat.format(article.savedAt)}
      </time>
      {article.readingMinutes > 0 && (
        <>
          <span aria-hidden="true">·</span>
          <span>{article.readingMinutes} min</span>
        </>
      )}
      <span className="row-flags">
        {article.favorite && (
          <span className="flag-favorite" title="Favorite" aria-label="Favorite">
            ★
          </span>
        )}
        <StateBadge state={article.state} />
      </span>
    </span>
  )
}

function RowDetail({
  article,
  stage
}: {
  article: ArticleSummary
  stage: CaptureStage | null
}): React.JSX.Element | null {
  if (article.captureStatus === 'pending') {
    return (
      <span className="row-status row-pending">
        <span className="spinner" aria-hidden="true" />
        {stageLabel(stage)}…
      </span>
    )
  }
  if (article.captureStatus === 'failed') {
    return (
      <span className="row-status row-failed">
        Could not save: {article.errorMessage ?? article.errorCode ?? 'unknown error'}
      </span>
    )
  }
  return article.excerpt ? (
    <span className="row-excerpt" lang={article.lang ?? undefined}>
      {article.excerpt}
    </span>
  ) : null
}

function StateBadge({ state }: { state: ArticleSummary['state'] }): React.JSX.Element {
  if (state === 'unread') {
    return <span className="state-unread" title="Unread" aria-label="Unread" />
  }
  return (
    <span className={`state-badge state-${state}`}>{state === 'read' ? 'Read' : 'Archived'}</span>
  )
}

/** No favicons are stored, so each site gets its initial on a colour derived from its name. */
function SiteInitial({ site }: { site: string }): React.JSX.Element {
  let hash = 0
  for (const character of site) hash = (hash * 31 + character.charCodeAt(0)) >>> 0
  const letter = displayHost(site).charAt(0).toUpperCase() || '?'
  return (
    <span
      className="site-initial"
      aria-hidden="true"
      style={{ '--hue': hash % 360 } as React.CSSProperties}
    >
      {letter}
    </span>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}
