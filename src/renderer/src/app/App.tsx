import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../api'
import { AddPanel } from '../features/capture/AddPanel'
import { useCaptureJobs } from '../features/capture/useCaptureJobs'
import { ArticleList } from '../features/library/ArticleList'
import { isArticleDrag, startArticleDrag } from '../features/tags/articleDrag'
import { createArticleActions } from '../features/library/articleActions'
import type { TagTarget, Target } from '../features/library/articleActions'
import { ListHeader } from '../features/library/ListHeader'
import type { BulkActions } from '../features/library/ListHeader'
import type { ListQuery, SortKey, SortOrder } from '../features/library/query'
import { queryKey, sortOptions } from '../features/library/query'
import { Sidebar } from '../features/library/Sidebar'
import { DeleteTagPrompt } from '../features/tags/DeleteTagPrompt'
import { useArticlePages } from '../features/library/useArticlePages'
import { SearchResults } from '../features/search/SearchResults'
import { useSearchPages } from '../features/search/useSearchPages'
import { targetOf, useSelection } from '../features/library/useSelection'
import { useStats } from '../features/library/useStats'
import { useTags } from '../features/tags/useTags'
import { useSites } from '../features/library/useSites'
import { usePreferences } from '../features/reader/preferences'
import { ReaderPane } from '../features/reader/ReaderPane'
import type { ReaderActions } from '../features/reader/ReaderPane'
import { useArticle } from '../features/reader/useArticle'
import { ShortcutsDialog } from './ShortcutsDialog'
import { TagPrompt } from '../features/tags/TagPrompt'
import { TitlePrompt } from '../features/library/TitlePrompt'
import { MergeTagPrompt } from '../features/tags/MergeTagPrompt'
import { TextPrompt } from '../ui/TextPrompt'
import { createTagEdits } from '../features/tags/tagEdits'
import { Toasts } from '../ui/Toasts'
import { useKeyboard } from '../ui/useKeyboard'
import { useUndo } from '../ui/useUndo'
import { tagView, views } from '../features/library/views'
import type { View } from '../features/library/views'

type OpenDialog =
  | { kind: 'add'; text: string; files?: File[] }
  | { kind: 'shortcuts' }
  | { kind: 'tag'; targets: Target[] }
  | { kind: 'title'; target: Target }
  | { kind: 'renameTag'; name: string }
  | { kind: 'mergeTag'; name: string }
  | { kind: 'deleteTag'; name: string }

const sortKey = 'folio.sort'

/** The sort menu's last choice, kept per browser like the reading settings. */
function readSortOrder(): { sort: SortKey; order: SortOrder } {
  try {
    const stored = JSON.parse(localStorage.getItem(sortKey) ?? 'null') as {
      sort?: unknown
      order?: unknown
    } | null
    const option = sortOptions.find(
      (candidate) => candidate.key === stored?.sort && candidate.order === stored?.order
    )
    if (option) return { sort: option.key, order: option.order }
  } catch {
    // A hand-edited value: fall back to the default order.
  }
  return { sort: 'saved', order: 'desc' }
}

export function App(): React.JSX.Element {
  const { preferences, shownTheme, update: updatePreferences } = usePreferences()
  const [view, setView] = useState<View>(views[0])
  const [order, setOrder] = useState(readSortOrder)
  const query: ListQuery = useMemo(() => ({ filter: view.filter, ...order }), [view, order])
  const undo = useUndo()
  const pages = useArticlePages(query, undo.hiddenIds)
  const selection = useSelection(pages, query)
  const jobs = useCaptureJobs()
  const stats = useStats()
  const tags = useTags()
  const sites = useSites()
  const [cursor, setCursor] = useState(0)
  const [openId, setOpenId] = useState<number | null>(null)
  const [mode, setMode] = useState<'list' | 'reader'>('list')
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const [search, setSearch] = useState('')
  const results = useSearchPages(search)
  const searching = results.status !== 'idle'
  const opened = useArticle(openId)
  const openArticle = opened.article?.status === 'ready' ? opened.article.value : null
  const listRef = useRef<HTMLElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const actions = useMemo(() => createArticleActions(undo), [undo])
  const tagEdits = useMemo(() => createTagEdits(undo), [undo])
  /** The articles a drag from the list carries, until they are dropped on a tag. */
  const dragged = useRef<TagTarget[]>([])
  const [draggingArticles, setDraggingArticles] = useState(false)

  const rowCount = searching ? results.count : pages.count
  const cursorIndex = Math.max(0, Math.min(cursor, rowCount - 1))
  const selectionTargets = [...selection.selected.values()]
  const idAt = (index: number): number | undefined =>
    searching ? results.hitAt(index)?.id : pages.itemAt(index)?.id

  /** The articles a key acts on: the selection, else the open article, else the cursor's. */
  const targets = async (): Promise<Target[]> => {
    if (selectionTargets.length > 0) return selectionTargets
    if (mode === 'reader' && openArticle) return [openArticle]
    if (!searching) {
      const article = pages.itemAt(cursorIndex)
      return article ? [article] : []
    }
    const id = idAt(cursorIndex)
    // A search hit carries no state or favorite; the article has them.
    const result = id === undefined ? null : await api['articles.get']({ id })
    return result?.ok ? [result.value] : []
  }

  const afterBulk = (): void => {
    if (selectionTargets.length > 0) selection.clear()
  }

  const open = (index: number): void => {
    const id = idAt(index)
    setCursor(index)
    if (id === undefined) return
    setOpenId(id)
    setMode('reader')
  }

  const backToList = (): void => {
    setMode('list')
    listRef.current?.focus()
  }

  const selectView = (next: View): void => {
    setView(next)
    setSearch('')
    setCursor(0)
    selection.clear()
  }

  const remove = (list: Target[]): void => {
    if (list.length === 0) return
    actions.remove(list)
    if (list.some((target) => target.id === openId)) setOpenId(null)
    afterBulk()
  }

  const step = (delta: number): void => {
    const next = Math.max(0, Math.min(rowCount - 1, cursorIndex + delta))
    if (mode === 'reader') open(next)
    else setCursor(next)
  }

  const selectAll = (): void => {
    const count = searching ? 0 : pages.count
    // A whole view is read a thousand rows per request; say so when that takes a moment.
    if (count > 1000) undo.notify(`Selecting ${count.toLocaleString()} articles…`)
    void selection.selectAll()
  }

  const act = async (action: (list: Target[]) => Promise<void>): Promise<void> => {
    const list = await targets()
    if (list.length === 0) return
    await action(list)
    afterBulk()
  }

  useKeyboard({
    j: () => step(1),
    ArrowDown: () => mode === 'list' && (step(1), true),
    k: () => step(-1),
    ArrowUp: () => mode === 'list' && (step(-1), true),
    Enter: () => open(cursorIndex),
    o: () => open(cursorIndex),
    u: backToList,
    Escape: () => (selectionTargets.length > 0 ? selection.clear() : backToList()),
    '/': () => searchRef.current?.focus(),
    a: () => void act((list) => actions.archive(list)),
    f: () => void act((list) => actions.toggleFavorite(list)),
    m: () => void act((list) => actions.toggleRead(list)),
    t: () =>
      void targets().then((list) => list.length > 0 && setDialog({ kind: 'tag', targets: list })),
    e: () => void targets().then(([target]) => target && setDialog({ kind: 'title', target })),
    'Shift+D': () => void targets().then(remove),
    x: () => selection.toggle(cursorIndex),
    'Ctrl+a': () => selectAll(),
    'Ctrl+z': () => undo.undoLatest(),
    n: () => setDialog({ kind: 'add', text: '' }),
    '?': () => setDialog({ kind: 'shortcuts' })
  })

  /** Dragging a selected row carries the whole selection; any other row goes alone. */
  const startDrag = (row: TagTarget | undefined, event: React.DragEvent): void => {
    if (!row) return
    const list = selection.selected.has(row.id) ? selectionTargets : [row]
    dragged.current = list
    startArticleDrag(event.dataTransfer, list)
    setDraggingArticles(true)
  }
  const startRowDrag = (index: number, event: React.DragEvent): void => {
    const article = pages.itemAt(index)
    startDrag(article && targetOf(article), event)
  }
  /** Search hits drag onto tags as library rows do. */
  const startHitDrag = (index: number, event: React.DragEvent): void =>
    startDrag(results.hitAt(index), event)

  const endRowDrag = (): void => {
    dragged.current = []
    setDraggingArticles(false)
  }

  const dropOnTag = (name: string): void => {
    const list = dragged.current
    endRowDrag()
    if (list.length === 0) return
    // As with bulk tag: the selection's copies of the articles' tags are stale after this.
    void actions.tag(list, [name]).then(() => {
      if (list.some((target) => selection.selected.has(target.id))) selection.clear()
    })
  }

  useEffect(() => {
    // Links dropped anywhere on the window open the Add box with them; articles dragged from the
    // list drop only on tags.
    const over = (event: DragEvent): void => {
      if (!isArticleDrag(event)) event.preventDefault()
    }
    const drop = (event: DragEvent): void => {
      if (isArticleDrag(event)) return
      event.preventDefault()
      const text =
        event.dataTransfer?.getData('text/uri-list') || event.dataTransfer?.getData('text')
      const files = text ? [] : [...(event.dataTransfer?.files ?? [])]
      setDialog({ kind: 'add', text: text ?? '', files })
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])

  const bulk: BulkActions = {
    archive: () => void actions.archive(selectionTargets).then(afterBulk),
    markRead: (read) => void actions.setRead(selectionTargets, read).then(afterBulk),
    tag: () => setDialog({ kind: 'tag', targets: selectionTargets }),
    remove: () => remove(selectionTargets),
    selectAll,
    clear: selection.clear
  }

  const readerActions: ReaderActions = {
    archive: (article) => void actions.archive([article]),
    toggleFavorite: (article) => void actions.toggleFavorite([article]),
    remove: (article) => remove([article]),
    markRead: (article) => void actions.setRead([article], true),
    saveProgress: (article, progress) => actions.saveProgress(article.id, progress),
    tag: (article) => setDialog({ kind: 'tag', targets: [article] }),
    editTitle: (article) => setDialog({ kind: 'title', target: article }),
    back: backToList
  }

  const statsValue = stats.status === 'ready' ? stats.value : null
  // A tag renamed or deleted elsewhere while its merge dialog is open closes the dialog.
  const mergeSource =
    dialog?.kind === 'mergeTag' ? tags.find((tag) => tag.name === dialog.name) : undefined
  const deleteSource =
    dialog?.kind === 'deleteTag' ? tags.find((tag) => tag.name === dialog.name) : undefined
  return (
    <div className="app" data-mode={mode}>
      <Sidebar
        views={views}
        current={view}
        stats={statsValue}
        tags={tags}
        sites={sites}
        currentSite={/^site:(\S+)$/.exec(search.trim())?.[1] ?? null}
        onSelect={selectView}
        onSite={(site) => {
          setSearch(`site:${site}`)
          setCursor(0)
        }}
        onTagRename={(name) => setDialog({ kind: 'renameTag', name })}
        onTagMerge={(name) => setDialog({ kind: 'mergeTag', name })}
        draggingArticles={draggingArticles}
        onTagDrop={dropOnTag}
        onTagDelete={(name) => setDialog({ kind: 'deleteTag', name })}
      />
      <ArticleList
        view={view}
        pages={pages}
        resetKey={queryKey(query)}
        cursor={rowCount > 0 ? cursorIndex : -1}
        openId={openId}
        selectedIds={selection.selected}
        stageByArticle={jobs.stageByArticle}
        listRef={listRef}
        onRowClick={(index, event) => {
          if (event.shiftKey) selection.extend(index)
          else if (event.ctrlKey || event.metaKey) selection.toggle(index)
          else open(index)
        }}
        onRowToggle={(index, event) =>
          event.shiftKey ? selection.extend(index) : selection.toggle(index)
        }
        onRowDragStart={startRowDrag}
        onRowDragEnd={endRowDrag}
        libraryEmpty={statsValue?.articles === 0}
        body={
          searching ? (
            <SearchResults
              search={search}
              results={results}
              cursor={rowCount > 0 ? cursorIndex : -1}
              openId={openId}
              hiddenIds={undo.hiddenIds}
              onOpen={open}
              onDragStart={startHitDrag}
              onDragEnd={endRowDrag}
            />
          ) : null
        }
        onAdd={() => setDialog({ kind: 'add', text: '' })}
        header={
          <ListHeader
            title={view.label}
            count={searching ? null : pages.status === 'ready' ? pages.count : null}
            sort={order.sort}
            order={order.order}
            onSort={(sort, direction) => {
              const next = { sort, order: direction }
              localStorage.setItem(sortKey, JSON.stringify(next))
              setOrder(next)
            }}
            onAdd={() => setDialog({ kind: 'add', text: '' })}
            selectionCount={selection.selected.size}
            bulk={bulk}
            searchRef={searchRef}
            search={search}
            onSearch={(text) => {
              setSearch(text)
              setCursor(0)
            }}
            onSearchDone={() => listRef.current?.focus()}
          />
        }
      />
      <ReaderPane
        opened={opened}
        focus={mode === 'reader'}
        preferences={preferences}
        theme={shownTheme}
        onPreferences={updatePreferences}
        actions={readerActions}
      />
      {dialog?.kind === 'add' && (
        <AddPanel
          jobs={jobs}
          initialText={dialog.text}
          initialFiles={dialog.files}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'tag' && (
        <TagPrompt
          targets={dialog.targets}
          tags={tags}
          onSubmit={(names) => {
            void actions.tag(dialog.targets, names).then(afterBulk)
            setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'renameTag' && (
        <TextPrompt
          title="Rename tag"
          label="New name (an existing tag's name merges the two)"
          initial={dialog.name}
          submitLabel="Rename"
          onSubmit={(to) => {
            void tagEdits.rename(dialog.name, to).then((renamed) => {
              if (renamed && view.key === `tag:${dialog.name}`) selectView(tagView(renamed))
            })
            setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {mergeSource && (
        <MergeTagPrompt
          source={mergeSource}
          tags={tags}
          onSubmit={(into) => {
            void tagEdits.merge(mergeSource.name, into).then((merged) => {
              if (merged && view.key === `tag:${mergeSource.name}`) selectView(tagView(merged))
            })
            setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {deleteSource && (
        <DeleteTagPrompt
          tag={deleteSource}
          tags={tags}
          onConfirm={() => {
            if (view.key === `tag:${deleteSource.name}`) selectView(views[0])
            void tagEdits.remove(deleteSource.name)
            setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'title' && (
        <TitlePrompt
          target={dialog.target}
          onSubmit={(title) => {
            void actions.editTitle(dialog.target, title)
            setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
      <Toasts toasts={undo.toasts} onUndo={undo.undo} onDismiss={undo.dismiss} />
    </div>
  )
}
