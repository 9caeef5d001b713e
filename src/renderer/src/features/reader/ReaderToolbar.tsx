import type { Article } from '../../../../shared/types'
import type { ArticleTool, ReaderActions } from './ReaderPane'

/** The reader's tools, each named in its tooltip with the key that does the same. */
export function ReaderToolbar({
  article,
  actions,
  settingsOpen,
  onSettings,
  panelOpen,
  onPanel
}: {
  article: Article
  actions: ReaderActions
  settingsOpen: boolean
  onSettings(): void
  panelOpen: boolean
  onPanel(): void
}): React.JSX.Element {
  const tool = (action: ArticleTool, label: string, pressed?: boolean): React.JSX.Element => (
    <button
      type="button"
      className="tool-button"
      aria-pressed={pressed}
      onClick={() => action.run(article)}
      title={action.title}
    >
      {label}
    </button>
  )
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Article">
      <button
        type="button"
        className="tool-button"
        onClick={actions.back.run}
        title={actions.back.title}
      >
        ← List
      </button>
      <span className="toolbar-spacer" />
      {tool(actions.favorite, article.favorite ? '★ Favorite' : '☆ Favorite', article.favorite)}
      {tool(actions.archive, article.state === 'archived' ? 'Unarchive' : 'Archive')}
      {tool(actions.tag, 'Tag')}
      {tool(actions.editTitle, 'Edit title')}
      {tool(actions.remove, 'Delete')}
      <button
        type="button"
        className="tool-button"
        aria-expanded={panelOpen}
        title="The article's highlights and your note on it"
        onClick={onPanel}
      >
        Highlights
      </button>
      <button
        type="button"
        className="tool-button"
        aria-expanded={settingsOpen}
        aria-label="Reading settings"
        title="Reading settings"
        onClick={onSettings}
      >
        Aa
      </button>
    </div>
  )
}
