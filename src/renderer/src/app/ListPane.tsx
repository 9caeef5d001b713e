import { ArticleList } from '../features/library/ArticleList'
import type { RowEvents } from '../features/library/ArticleList'
import { BulkBar, ListHeader, SortMenu } from '../features/library/ListHeader'
import type { BulkActions } from '../features/library/ListHeader'
import type { ArticleDrag } from '../features/library/useArticleDrag'
import { targetOf } from '../features/library/useSelection'
import { SearchField } from '../features/search/SearchField'
import { SearchFilters } from '../features/search/SearchFilters'
import { SearchResults } from '../features/search/SearchResults'
import { commandTitle } from './commands'
import type { CommandRunner } from './useCommands'
import type { Workspace } from './useWorkspace'

interface ListPaneProps {
  workspace: Workspace
  commands: CommandRunner
  drag: ArticleDrag
}

/** The middle pane: the view's articles or the search's hits, under the title, search and sort. */
export function ListPane({ workspace, commands, drag }: ListPaneProps): React.JSX.Element {
  const { browsing, reading, undo } = workspace
  const { pages, results, selection, searching, search } = browsing
  const cursor = browsing.rowCount > 0 ? browsing.cursorIndex : -1
  const add = { title: commandTitle('add', 'Add'), run: () => void commands.run('add') }
  const rowEvents: RowEvents = {
    click: (index, event) => {
      if (event.shiftKey) selection.extend(index)
      else if (event.ctrlKey || event.metaKey) selection.toggle(index)
      else reading.open(index)
    },
    toggle: (index, event) => (event.shiftKey ? selection.extend(index) : selection.toggle(index)),
    dragStart: (index, event) => {
      const article = pages.itemAt(index)
      drag.start(article && targetOf(article), event)
    },
    dragEnd: drag.end
  }
  const header = (
    <ListHeader
      title={browsing.view.label}
      count={searching || pages.status !== 'ready' ? null : pages.count}
      add={add}
    >
      <div className="pane-tools">
        <SearchField
          fieldRef={workspace.searchRef}
          placeholder={commandTitle('search')}
          search={search}
          onSearch={browsing.setSearch}
          onDone={() => reading.listRef.current?.focus()}
        />
        <SortMenu order={browsing.order} onSort={browsing.setOrder} />
      </div>
      <SearchFilters search={search} onSearch={browsing.setSearch} />
      <BulkBar count={selection.selected.size} bulk={bulkActions(workspace, commands)} />
    </ListHeader>
  )
  return (
    <ArticleList
      view={browsing.view}
      pages={pages}
      rows={{
        cursor,
        openId: reading.openId,
        selectedIds: selection.selected,
        stageByArticle: workspace.jobs.stageByArticle
      }}
      rowEvents={rowEvents}
      header={header}
      body={
        searching ? (
          <SearchResults
            search={search}
            results={results}
            cursor={cursor}
            openId={reading.openId}
            hiddenIds={undo.hiddenIds}
            onOpen={reading.open}
            // Search hits drag onto tags as library rows do.
            onDragStart={(index, event) => drag.start(results.hitAt(index), event)}
            onDragEnd={drag.end}
          />
        ) : null
      }
      empty={{ libraryEmpty: workspace.stats?.articles === 0, onAdd: add.run }}
      listRef={reading.listRef}
    />
  )
}

/** The bulk bar runs the table's commands on the selection. */
function bulkActions(workspace: Workspace, commands: CommandRunner): BulkActions {
  const selected = [...workspace.browsing.selection.selected.values()]
  return {
    archive: () => commands.runOn('archive', selected),
    markRead: (read) =>
      void workspace.actions.setRead(selected, read).then(() => workspace.settle(selected)),
    tag: () => commands.runOn('tag', selected),
    remove: () => commands.runOn('delete', selected),
    selectAll: () => void commands.run('selectAll'),
    clear: () => void commands.run('clearSelection')
  }
}
