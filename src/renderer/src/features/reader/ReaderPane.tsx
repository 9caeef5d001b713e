import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { HighlightPopovers } from '../highlights/HighlightPopover'
import { HighlightsPanel } from '../highlights/HighlightsPanel'
import { useReaderHighlights } from '../highlights/useReaderHighlights'
import type { Highlighter, ReaderHighlights } from '../highlights/useReaderHighlights'
import '../highlights/highlights.css'
import type { Article } from '../../../../shared/types'
import { api } from '../../api'
import { useKeyOf } from '../../ui/keyHints'
import type { Preferences, ShownTheme } from './preferences'
import { ReaderFrame } from './ReaderFrame'
import { ReaderSettings } from './ReaderSettings'
import { ReaderToolbar } from './ReaderToolbar'
import { readerDocumentHtml } from './readerDocument'
import type { OpenedArticle } from './useArticle'

/** A toolbar button: its tooltip (which names its key) and what it does to the open article. */
export interface ArticleTool {
  title: string
  run(article: Article): void
}

/** What the reader can do to the open article; the app builds them from its command table. */
export interface ReaderActions {
  back: { title: string; run(): void }
  favorite: ArticleTool
  archive: ArticleTool
  tag: ArticleTool
  editTitle: ArticleTool
  remove: ArticleTool
  markRead(article: Article): void
  saveProgress(article: Article, progress: number): void
  notify(message: string): void
  offer(message: string, undo: () => Promise<void>): void
  /** Filled with the open article's highlighter, for the window's `h`, `[` and `]`. */
  highlighter: React.RefObject<Highlighter | null>
  /** The key that highlights the selection, for the popover's hint. */
  highlightKey: string
}

interface ReaderPaneProps {
  opened: OpenedArticle
  /** Move the keyboard focus into the article, so arrows and space scroll it. */
  focus: boolean
  preferences: Preferences
  theme: ShownTheme
  onPreferences(change: Partial<Preferences>): void
  actions: ReaderActions
  /** A highlight to show once the article is drawn. */
  revealHighlight: number | null
}

// Publication dates are stored so that their UTC calendar day is the day the page printed (a date
// without a time is UTC midnight): shown in the reader's own zone, they would move a day back
// west of Greenwich. The CLI prints the same UTC day.
const publishedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' })

export function ReaderPane({
  opened,
  focus,
  preferences,
  theme,
  onPreferences,
  actions,
  revealHighlight
}: ReaderPaneProps): React.JSX.Element {
  const { article, imageSources } = opened
  const scroller = useRef<HTMLDivElement>(null)
  const value = article?.status === 'ready' ? article.value : null
  const contentHtml = value?.contentHtml ?? ''
  const documentHtml = useMemo(
    () => (value ? readerDocumentHtml(value, contentHtml, imageSources) : ''),
    // The frame document depends on the content only; metadata changes must not reload it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value?.id, value?.lang, value?.dir, contentHtml, imageSources]
  )

  const column = useRef<HTMLElement>(null)
  const [frameDocument, setFrameDocument] = useState<Document | null>(null)
  const highlights = useArticleHighlights(value, frameDocument, theme, column, {
    ...actions,
    revealHighlight
  })

  const focusId = focus ? (value?.id ?? null) : null
  useEffect(() => {
    if (focusId !== null) scroller.current?.focus({ preventScroll: true })
  }, [focusId])

  if (article === null || article.status !== 'ready' || !value)
    return <ReaderEmpty article={article} />

  return (
    <section className="reader-pane" aria-label="Reader">
      <ReaderTools
        article={value}
        actions={actions}
        preferences={preferences}
        onPreferences={onPreferences}
        highlights={highlights}
      />
      <div
        // A new element per article: the next one starts at its own position, not this one's.
        key={value.id}
        className="reader-scroll"
        ref={scroller}
        tabIndex={-1}
        data-reader-scroll=""
      >
        <article
          className="reader-article"
          ref={column}
          style={{ maxWidth: measureWidth(preferences) }}
        >
          <ReaderHeader article={value} />
          {value.captureStatus === 'ready' ? (
            <ReaderFrame
              key={value.id}
              title={value.title || value.url}
              documentHtml={documentHtml}
              lang={value.lang}
              preferences={preferences}
              theme={theme}
              initialProgress={value.readingProgress}
              onProgress={(progress) => actions.saveProgress(value, progress)}
              onDocument={setFrameDocument}
            />
          ) : (
            <CaptureNotice key={value.id} article={value} />
          )}
          <ReaderFooter article={value} actions={actions} />
          <HighlightPopovers highlights={highlights} keyHint={actions.highlightKey} />
        </article>
      </div>
    </section>
  )
}

/** The toolbar and the panels it opens: reading settings, highlights and note. */
function ReaderTools({
  article,
  actions,
  preferences,
  onPreferences,
  highlights
}: {
  article: Article
  actions: ReaderActions
  preferences: Preferences
  onPreferences(change: Partial<Preferences>): void
  highlights: ReaderHighlights
}): React.JSX.Element {
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [panelOpen, setPanelOpen] = useState(false)
  return (
    <>
      <ReaderToolbar
        article={article}
        actions={actions}
        settingsOpen={settingsOpen}
        onSettings={() => setSettingsOpen((open) => !open)}
        panelOpen={panelOpen}
        onPanel={() => setPanelOpen((open) => !open)}
      />
      {settingsOpen && (
        <ReaderSettings
          preferences={preferences}
          onChange={onPreferences}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {panelOpen && (
        <HighlightsPanel
          article={article}
          highlights={highlights}
          notify={actions.notify}
          onClose={() => setPanelOpen(false)}
        />
      )}
    </>
  )
}

/** The open article's highlights, handed to the window's keys through `actions.highlighter`. */
function useArticleHighlights(
  article: Article | null,
  frameDocument: Document | null,
  theme: ShownTheme,
  column: React.RefObject<HTMLElement | null>,
  actions: ReaderActions & { revealHighlight: number | null }
): ReaderHighlights {
  const highlights = useReaderHighlights({
    articleId: article?.captureStatus === 'ready' ? article.id : 0,
    frameDocument,
    dark: theme === 'dark',
    column,
    revealId: actions.revealHighlight,
    notify: actions.notify,
    offer: actions.offer
  })
  useImperativeHandle(actions.highlighter, () => highlights)
  return highlights
}

function ReaderFooter({
  article,
  actions
}: {
  article: Article
  actions: ReaderActions
}): React.JSX.Element {
  return (
    <footer className="reader-footer">
      {article.state === 'unread' ? (
        <button type="button" className="primary-button" onClick={() => actions.markRead(article)}>
          Mark as read
        </button>
      ) : (
        <p className="muted">{article.state === 'read' ? 'Read.' : 'In the archive.'}</p>
      )}
      {article.state !== 'archived' && (
        <button
          type="button"
          className="secondary-button"
          onClick={() => actions.archive.run(article)}
        >
          Archive
        </button>
      )}
    </footer>
  )
}

/** Where the reader stands before an article is open, or while it opens or fails to. */
function ReaderEmpty({ article }: { article: OpenedArticle['article'] }): React.JSX.Element {
  const keyOf = useKeyOf()
  const message =
    article === null
      ? 'Pick an article to read it here.'
      : article.status === 'loading'
        ? 'Opening…'
        : article.status === 'error'
          ? article.error.message
          : ''
  return (
    <section className="reader-pane reader-empty" aria-label="Reader">
      <p className="muted">{message}</p>
      {article === null && (
        <p className="muted reader-hint">
          <kbd>{keyOf('next')}</kbd> <kbd>{keyOf('previous')}</kbd> to move,{' '}
          <kbd>{keyOf('open')}</kbd> to open, <kbd>{keyOf('shortcuts')}</kbd> for every shortcut
        </p>
      )}
    </section>
  )
}

function ReaderHeader({ article }: { article: Article }): React.JSX.Element {
  const site = article.siteName ?? article.site
  const date = article.publishedAt ?? null
  // An organisation's own page is credited to it: its name shows once, above the title.
  const byline =
    article.byline && article.byline.toLowerCase() !== site?.toLowerCase() ? article.byline : null
  return (
    <header
      className="reader-header"
      lang={article.lang ?? undefined}
      dir={article.dir ?? undefined}
    >
      {site && <p className="reader-site">{site}</p>}
      <h1>{article.title || article.url}</h1>
      <p className="reader-meta" dir="ltr">
        {[
          byline,
          date ? publishedFormat.format(date) : null,
          article.readingMinutes > 0 ? `${article.readingMinutes} min read` : null
        ]
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          Original ↗
        </a>
      </p>
    </header>
  )
}

function CaptureNotice({ article }: { article: Article }): React.JSX.Element {
  const [retry, setRetry] = useState<'idle' | 'sent' | string>('idle')
  if (article.captureStatus === 'pending') {
    return (
      <div className="capture-notice" role="status">
        <p>This page is still being saved. It opens here as soon as it is ready.</p>
      </div>
    )
  }
  return (
    <div className="capture-notice" role="status">
      <p>This page could not be saved: {article.errorMessage ?? article.errorCode}.</p>
      {retry === 'idle' ? (
        <button
          type="button"
          className="primary-button"
          onClick={() => void retryCapture(article.id).then(setRetry)}
        >
          Retry
        </button>
      ) : (
        <p className="muted">{retry === 'sent' ? 'Trying again…' : retry}</p>
      )}
    </div>
  )
}

/** Finds the failed capture job of an article and queues it again. */
async function retryCapture(articleId: number): Promise<string> {
  const jobs = await api['jobs.list']({ status: 'failed', kind: 'capture', limit: 10_000 })
  if (!jobs.ok) return jobs.error.message
  const job = jobs.value.find((candidate) => candidate.articleId === articleId)
  if (!job) return 'There is no failed capture to retry; save the address again from Add.'
  const result = await api['jobs.retry']({ ids: [job.id] })
  return result.ok ? 'sent' : result.error.message
}

/** The line length in pixels: a `ch` of a text face is about half its size. */
function measureWidth(preferences: Preferences): string {
  return `${Math.round(preferences.measure * preferences.fontSize * 0.5)}px`
}
