import { useState } from 'react'
import { HighlightsView } from '../features/highlights/HighlightsView'
import { useWindowDrop } from '../features/capture/useWindowDrop'
import { Sidebar } from '../features/library/Sidebar'
import { useArticleDrag } from '../features/library/useArticleDrag'
import { views } from '../features/library/views'
import { ReaderPane } from '../features/reader/ReaderPane'
import type { ArticleTool, ReaderActions } from '../features/reader/ReaderPane'
import { usePreferences } from '../features/reader/preferences'
import { KeyHintsProvider } from '../ui/keyHints'
import { Toasts } from '../ui/Toasts'
import { commandTitle, keyOfCommand } from './commands'
import type { ArticleCommandId } from './commands'
import { DialogHost } from './DialogHost'
import { ListPane } from './ListPane'
import { useCommands } from './useCommands'
import type { CommandRunner } from './useCommands'
import { useWorkspace } from './useWorkspace'
import type { Workspace } from './useWorkspace'

/** The window's layout: the sidebar, the list, the reader, the open dialog and the notices. */
export function App(): React.JSX.Element {
  const { preferences, shownTheme, update: updatePreferences } = usePreferences()
  const workspace = useWorkspace()
  const commands = useCommands(workspace)
  const { browsing, reading, undo, actions, settle, setDialog } = workspace
  const drag = useArticleDrag(browsing.selection, (targets, name) => {
    // As with bulk tag: the selection's copies of the articles' tags are stale after this.
    void actions.tag(targets, [name]).then(() => settle(targets))
  })
  useWindowDrop((text, files) => setDialog({ kind: 'add', text, files }))
  const [showHighlights, setShowHighlights] = useState(false)
  return (
    <KeyHintsProvider value={keyOfCommand}>
      <div className="app" data-mode={reading.mode}>
        <Sidebar
          views={views}
          current={browsing.view}
          stats={workspace.stats}
          tags={workspace.tags}
          sites={workspace.sites}
          currentSite={/^site:(\S+)$/.exec(browsing.search.trim())?.[1] ?? null}
          onSelect={(view) => {
            setShowHighlights(false)
            browsing.selectView(view)
          }}
          onSite={(site) => {
            setShowHighlights(false)
            browsing.setSearch(`site:${site}`)
          }}
          highlights={{ current: showHighlights, open: () => setShowHighlights(true) }}
          tagActions={{
            rename: (name) => setDialog({ kind: 'renameTag', name }),
            merge: (name) => setDialog({ kind: 'mergeTag', name }),
            remove: (name) => setDialog({ kind: 'deleteTag', name }),
            drop: drag.drop
          }}
          draggingArticles={drag.dragging}
        />
        {showHighlights ? (
          <HighlightsView tags={workspace.tags} sites={workspace.sites} onOpen={reading.openById} />
        ) : (
          <ListPane workspace={workspace} commands={commands} drag={drag} />
        )}
        <ReaderPane
          opened={reading.opened}
          focus={reading.mode === 'reader'}
          preferences={preferences}
          theme={shownTheme}
          onPreferences={updatePreferences}
          actions={readerActions(workspace, commands)}
          revealHighlight={reading.revealHighlight}
        />
        <DialogHost workspace={workspace} />
        <Toasts toasts={undo.toasts} onUndo={undo.undo} onDismiss={undo.dismiss} />
      </div>
    </KeyHintsProvider>
  )
}

/** The reader's buttons run the table's commands on the open article. */
function readerActions(workspace: Workspace, commands: CommandRunner): ReaderActions {
  const tool = (id: ArticleCommandId): ArticleTool => ({
    title: commandTitle(id),
    run: (article) => commands.runOn(id, [article])
  })
  return {
    back: { title: commandTitle('back'), run: workspace.reading.backToList },
    favorite: tool('favorite'),
    archive: tool('archive'),
    tag: tool('tag'),
    editTitle: tool('editTitle'),
    remove: tool('delete'),
    markRead: (article) => void workspace.actions.setRead([article], true),
    saveProgress: (article, progress) => workspace.actions.saveProgress(article.id, progress),
    notify: workspace.undo.notify,
    offer: workspace.undo.offer,
    highlighter: workspace.highlighter,
    highlightKey: keyOfCommand('highlight')
  }
}
