import { useMemo, useRef, useState } from 'react'
import type { LibraryStats, SiteInfo, TagInfo } from '../../../shared/types'
import { api } from '../api'
import { useCaptureJobs } from '../features/capture/useCaptureJobs'
import type { CaptureJobs } from '../features/capture/useCaptureJobs'
import { createArticleActions } from '../features/library/articleActions'
import type { ArticleActions, TagTarget, Target } from '../features/library/articleActions'
import { useSites } from '../features/library/useSites'
import { useStats } from '../features/library/useStats'
import { createTagEdits } from '../features/tags/tagEdits'
import type { TagEdits } from '../features/tags/tagEdits'
import type { Highlighter } from '../features/highlights/useReaderHighlights'
import { useTags } from '../features/tags/useTags'
import { useUndo } from '../features/library/useUndo'
import type { Undo } from '../features/library/useUndo'
import type { OpenDialog } from './dialogs'
import { useBrowsing } from './useBrowsing'
import type { Browsing } from './useBrowsing'
import { useReading } from './useReading'
import type { Reading } from './useReading'

/** The window's state, and the few verbs that need more than one part of it. */
export interface Workspace {
  undo: Undo
  browsing: Browsing
  reading: Reading
  jobs: CaptureJobs
  stats: LibraryStats | null
  tags: TagInfo[]
  sites: SiteInfo[]
  dialog: OpenDialog | null
  setDialog(dialog: OpenDialog | null): void
  actions: ArticleActions
  tagEdits: TagEdits
  searchRef: React.RefObject<HTMLInputElement | null>
  /** The open article's highlights, which the reader fills in. */
  highlighter: React.RefObject<Highlighter | null>
  /** The articles a key acts on: the selection, else the open article, else the cursor's. */
  targets(): Promise<Target[]>
  /** After a change to these articles the selection's copies of them are stale: it is cleared. */
  settle(targets: TagTarget[]): void
  remove(targets: Target[]): void
  /** Moves the cursor; in the reader, opens the article it lands on. */
  step(delta: number): void
  selectAll(): void
}

export function useWorkspace(): Workspace {
  const undo = useUndo()
  const browsing = useBrowsing(undo.hiddenIds)
  const reading = useReading(browsing)
  const stats = useStats()
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const actions = useMemo(() => createArticleActions(undo), [undo])
  const tagEdits = useMemo(() => createTagEdits(undo), [undo])
  const searchRef = useRef<HTMLInputElement>(null)
  const highlighter = useRef<Highlighter>(null)
  const { selection, pages, cursorIndex } = browsing
  const settle = (targets: TagTarget[]): void => {
    if (targets.some((target) => selection.selected.has(target.id))) selection.clear()
  }
  return {
    undo,
    browsing,
    reading,
    jobs: useCaptureJobs(),
    stats: stats.status === 'ready' ? stats.value : null,
    tags: useTags(),
    sites: useSites(),
    dialog,
    setDialog,
    actions,
    tagEdits,
    searchRef,
    highlighter,
    targets: () => targetsOf(browsing, reading),
    settle,
    remove: (targets) => {
      if (targets.length === 0) return
      actions.remove(targets)
      reading.closeAny(targets.map((target) => target.id))
      settle(targets)
    },
    step: (delta) => {
      const next = Math.max(0, Math.min(browsing.rowCount - 1, cursorIndex + delta))
      if (reading.mode === 'reader') reading.open(next)
      else browsing.setCursor(next)
    },
    selectAll: () => {
      const count = browsing.searching ? 0 : pages.count
      // A whole view is read a thousand rows per request; say so when that takes a moment.
      if (count > 1000) undo.notify(`Selecting ${count.toLocaleString()} articles…`)
      void selection.selectAll()
    }
  }
}

async function targetsOf(browsing: Browsing, reading: Reading): Promise<Target[]> {
  const selected = [...browsing.selection.selected.values()]
  if (selected.length > 0) return selected
  if (reading.mode === 'reader' && reading.openArticle) return [reading.openArticle]
  if (!browsing.searching) {
    const article = browsing.pages.itemAt(browsing.cursorIndex)
    return article ? [article] : []
  }
  const id = browsing.idAt(browsing.cursorIndex)
  // A search hit carries no state or favorite; the article has them.
  const result = id === undefined ? null : await api['articles.get']({ id })
  return result?.ok ? [result.value] : []
}
