import { useRef, useState } from 'react'
import type { Article } from '../../../shared/types'
import { useArticle } from '../features/reader/useArticle'
import type { OpenedArticle } from '../features/reader/useArticle'
import type { Browsing } from './useBrowsing'

/** Which article is open, and whether the keyboard is in the list or in the reader. */
export interface Reading {
  openId: number | null
  mode: 'list' | 'reader'
  opened: OpenedArticle
  /** The open article once loaded. */
  openArticle: Article | null
  /** Opens the article at a row of the list and moves the cursor there. */
  open(index: number): void
  /** Opens an article by id (from the Highlights view), showing one of its highlights. */
  openById(id: number, highlightId?: number): void
  /** The highlight to show once the article is drawn. */
  revealHighlight: number | null
  /** Closes the reader if one of these articles is open (they were deleted). */
  closeAny(ids: number[]): void
  backToList(): void
  listRef: React.RefObject<HTMLElement | null>
}

export function useReading(browsing: Browsing): Reading {
  const [openId, setOpenId] = useState<number | null>(null)
  const [mode, setMode] = useState<'list' | 'reader'>('list')
  const [revealHighlight, setRevealHighlight] = useState<number | null>(null)
  const opened = useArticle(openId)
  const listRef = useRef<HTMLElement>(null)
  return {
    openId,
    mode,
    opened,
    openArticle: opened.article?.status === 'ready' ? opened.article.value : null,
    open: (index) => {
      const id = browsing.idAt(index)
      browsing.setCursor(index)
      if (id === undefined) return
      setOpenId(id)
      setMode('reader')
      setRevealHighlight(null)
    },
    openById: (id, highlightId) => {
      setOpenId(id)
      setMode('reader')
      setRevealHighlight(highlightId ?? null)
    },
    revealHighlight,
    closeAny: (ids) => {
      if (openId !== null && ids.includes(openId)) setOpenId(null)
    },
    backToList: () => {
      setMode('list')
      listRef.current?.focus()
    },
    listRef
  }
}
