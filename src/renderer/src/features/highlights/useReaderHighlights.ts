import { useEffect, useState } from 'react'
import type { Highlight, HighlightColor } from '../../../../shared/contract/highlights'
import { api } from '../../api'
import { drawHighlights, highlightCss } from './draw'
import { buildTextMap, offsetAt } from './textMap'

/** Where a popover stands, in pixels from the top left of the article column. */
export interface PopoverPlace {
  top: number
  left: number
}

/** The verbs the window's keys (`h`, `[`, `]`) reach through the command table. */
export interface Highlighter {
  /** Highlights the selection in the frame; false when nothing is selected there. */
  highlightSelection(color?: HighlightColor, withNote?: boolean): boolean
  /** Moves to the next (1) or previous (-1) highlight; false when there is none. */
  jump(delta: number): boolean
}

export interface ReaderHighlights extends Highlighter {
  /** The article's highlights in reading order; orphaned ones last. */
  highlights: Highlight[]
  /** Highlights the engine or this text could not place. */
  unplaced: Highlight[]
  /** The popover over a fresh selection. */
  selectionPlace: PopoverPlace | null
  /** The highlight being edited, and where its popover stands. */
  editing: { highlight: Highlight; place: PopoverPlace } | null
  update(id: number, changes: { color?: HighlightColor; note?: string | null }): Promise<void>
  remove(highlight: Highlight): Promise<void>
  edit(id: number): void
  closePopovers(): void
  scrollTo(id: number): void
}

interface Options {
  articleId: number
  frameDocument: Document | null
  dark: boolean
  /** The article column popovers are placed in. */
  column: React.RefObject<HTMLElement | null>
  /** A highlight to scroll to once drawn (opened from the Highlights view). */
  revealId: number | null
  notify(message: string): void
  offer(message: string, undo: () => Promise<void>): void
}

/** One empty list, so "no highlights yet" is the same value on every render. */
const none: Highlight[] = []

/** The article's highlights from the engine; `reload` after a change. */
function useHighlightList(articleId: number): { highlights: Highlight[]; reload(): void } {
  const [loaded, setLoaded] = useState<{ articleId: number; items: Highlight[] } | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (articleId === 0) return
    let live = true
    void api['highlights.list']({ articleId, limit: 10_000 }).then((result) => {
      if (live && result.ok) setLoaded({ articleId, items: result.value.items })
    })
    return () => {
      live = false
    }
  }, [articleId, version])
  return {
    highlights: loaded?.articleId === articleId ? loaded.items : none,
    reload: () => setVersion((value) => value + 1)
  }
}

/** Draws the highlights whenever they or the frame change; returns the ones not placed. */
function useDrawnHighlights(
  frameDocument: Document | null,
  highlights: Highlight[],
  dark: boolean
): Highlight[] {
  const [unplaced, setUnplaced] = useState<Highlight[]>([])
  useEffect(() => {
    if (!frameDocument?.body) return
    styleOf(frameDocument).textContent = highlightCss(dark)
  }, [frameDocument, dark])
  useEffect(() => {
    if (!frameDocument?.body) return
    // The frame's DOM is the external system here: what could not be drawn is read back from it.
    const unplacedNow = drawHighlights(frameDocument.body, highlights)
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUnplaced((previous) =>
      previous.length === 0 && unplacedNow.length === 0 ? previous : unplacedNow
    )
  }, [frameDocument, highlights])
  return unplaced
}

type EditingState = { id: number; place: PopoverPlace } | null

/** A selection ending in the frame opens the colours; a click on a highlight opens its editor. */
function useFrameEvents(
  frameDocument: Document | null,
  column: React.RefObject<HTMLElement | null>,
  setSelectionPlace: (place: PopoverPlace | null) => void,
  setEditing: (editing: EditingState) => void
): void {
  useEffect(() => {
    if (!frameDocument) return
    const placeOver = (rect: DOMRect): PopoverPlace =>
      placeInColumn(frameDocument, column.current, rect)
    const selectionEnded = (): void => {
      const range = selectedRange(frameDocument)
      setSelectionPlace(range ? placeOver(range.getBoundingClientRect()) : null)
    }
    const clicked = (event: MouseEvent): void => {
      const target = event.target as Element | null
      const mark = target?.closest?.('mark.folio-highlight') as HTMLElement | null
      if (!mark || selectedRange(frameDocument)) return
      const id = Number(mark.dataset.highlightId)
      setEditing({ id, place: placeOver(mark.getBoundingClientRect()) })
    }
    frameDocument.addEventListener('mouseup', selectionEnded)
    frameDocument.addEventListener('keyup', selectionEnded)
    frameDocument.addEventListener('click', clicked)
    return () => {
      frameDocument.removeEventListener('mouseup', selectionEnded)
      frameDocument.removeEventListener('keyup', selectionEnded)
      frameDocument.removeEventListener('click', clicked)
    }
  }, [frameDocument, column, setSelectionPlace, setEditing])
}

export function useReaderHighlights(options: Options): ReaderHighlights {
  const { articleId, frameDocument, dark, column } = options
  const { highlights, reload } = useHighlightList(articleId)
  const unplaced = useDrawnHighlights(frameDocument, highlights, dark)
  const { revealId } = options
  useEffect(() => {
    if (revealId !== null) scrollToHighlight(frameDocument, revealId)
  }, [frameDocument, highlights, revealId])
  const [selectionPlace, setSelectionPlace] = useState<PopoverPlace | null>(null)
  const [editing, setEditing] = useState<EditingState>(null)
  const placeOver = (rect: DOMRect): PopoverPlace =>
    placeInColumn(frameDocument, column.current, rect)
  useFrameEvents(frameDocument, column, setSelectionPlace, setEditing)
  const state: HighlightState = {
    ...options,
    highlights,
    unplaced,
    reload,
    placeOver,
    setSelectionPlace,
    setEditing
  }
  const editingHighlight = highlights.find((highlight) => highlight.id === editing?.id)
  return {
    highlights,
    unplaced,
    selectionPlace,
    editing:
      editingHighlight && editing ? { highlight: editingHighlight, place: editing.place } : null,
    ...highlightVerbs(state)
  }
}

interface HighlightState extends Options {
  highlights: Highlight[]
  unplaced: Highlight[]
  reload(): void
  placeOver(rect: DOMRect): PopoverPlace
  setSelectionPlace(place: PopoverPlace | null): void
  setEditing(editing: EditingState): void
}

type Verbs = Omit<ReaderHighlights, 'highlights' | 'unplaced' | 'selectionPlace' | 'editing'>

function highlightVerbs(state: HighlightState): Verbs {
  const { articleId, frameDocument, notify, offer, reload, placeOver } = state
  const { setSelectionPlace, setEditing } = state
  const scrollTo = (id: number): void => scrollToHighlight(frameDocument, id)
  return {
    highlightSelection: (color = 'yellow', withNote = false) => {
      const range = frameDocument ? selectedRange(frameDocument) : null
      if (!frameDocument || !range) return false
      const map = buildTextMap(frameDocument.body)
      const start = offsetAt(map, range.startContainer, range.startOffset)
      const end = offsetAt(map, range.endContainer, range.endOffset)
      const place = placeOver(range.getBoundingClientRect())
      frameDocument.getSelection()?.removeAllRanges()
      setSelectionPlace(null)
      void api['highlights.create']({ articleId, start, end, color }).then((result) => {
        if (!result.ok) return notify(result.error.message)
        reload()
        if (withNote) setEditing({ id: result.value.id, place })
      })
      return true
    },
    jump: (delta) => jumpToHighlight(state, delta),
    update: async (id, changes) => {
      const result = await api['highlights.update']({ id, ...changes })
      if (!result.ok) return notify(result.error.message)
      reload()
    },
    remove: async (highlight) => {
      setEditing(null)
      const result = await api['highlights.delete']({ ids: [highlight.id] })
      if (!result.ok) return notify(result.error.message)
      reload()
      offer('Highlight deleted.', async () => {
        const restored = await api['highlights.restore']({ undo: result.value.undo })
        if (!restored.ok) notify(restored.error.message)
        reload()
      })
    },
    edit: (id) => {
      const mark = frameDocument?.querySelector<HTMLElement>(`mark[data-highlight-id="${id}"]`)
      if (mark) setEditing({ id, place: placeOver(mark.getBoundingClientRect()) })
    },
    closePopovers: () => {
      setSelectionPlace(null)
      setEditing(null)
    },
    scrollTo
  }
}

/** The next or previous highlight after the current one (the last scrolled to), in reading order. */
function jumpToHighlight(state: HighlightState, delta: number): boolean {
  const placed = state.highlights.filter((highlight) => !state.unplaced.includes(highlight))
  if (placed.length === 0) return false
  const currentMark = state.frameDocument?.querySelector<HTMLElement>('mark.folio-current')
  const index = placed.findIndex((item) => String(item.id) === currentMark?.dataset.highlightId)
  const next =
    index < 0
      ? delta > 0
        ? 0
        : placed.length - 1
      : (index + delta + placed.length) % placed.length
  scrollToHighlight(state.frameDocument, placed[next].id)
  return true
}

/** Scrolls a drawn highlight to the middle of the reader and marks it as the current one. */
function scrollToHighlight(frameDocument: Document | null, id: number): void {
  if (!frameDocument) return
  const parts = frameDocument.querySelectorAll<HTMLElement>(`mark[data-highlight-id="${id}"]`)
  if (parts.length === 0) return
  for (const other of frameDocument.querySelectorAll('.folio-current'))
    other.classList.remove('folio-current')
  for (const part of parts) part.classList.add('folio-current')
  parts[0].scrollIntoView({ block: 'center' })
}

function styleOf(document: Document): HTMLStyleElement {
  const existing = document.getElementById('folio-highlights')
  if (existing) return existing as HTMLStyleElement
  const style = document.createElement('style')
  style.id = 'folio-highlights'
  document.head.appendChild(style)
  return style
}

/** The frame's selection when it holds some text of the article. */
function selectedRange(document: Document): Range | null {
  const selection = document.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  return range.toString().trim() ? range : null
}

/** A rectangle in the frame, as a place just below it in the article column. */
function placeInColumn(
  document: Document | null,
  column: HTMLElement | null,
  rect: DOMRect
): PopoverPlace {
  const frame = document?.defaultView?.frameElement
  if (!frame || !column) return { top: 0, left: 0 }
  const frameBox = frame.getBoundingClientRect()
  const columnBox = column.getBoundingClientRect()
  return {
    top: frameBox.top - columnBox.top + rect.bottom + 8,
    left: Math.max(0, frameBox.left - columnBox.left + rect.left + rect.width / 2)
  }
}
