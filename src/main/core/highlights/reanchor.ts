import type { Database } from 'better-sqlite3'
import { describeRange, placeSelector } from './anchor'
import { highlightsOfArticle, setHighlightAnchor } from './queries'

export interface ReanchorResult {
  /** Still at their offsets. */
  unchanged: number
  /** Placed again elsewhere or up to small differences; their selector now describes the new text. */
  moved: number
  /** Not placeable in the new text: kept with their quote, marked orphaned, never deleted. */
  orphaned: number
}

/**
 * Places every highlight of an article on its new text (after a re-extraction stored it). Call
 * inside the write that stores the text, so the text and its highlights never disagree.
 * A moved highlight takes the quote and context of where it now lies, so the next change starts
 * from the text as it is; an orphaned one keeps its quote and last offsets, and comes back
 * (anchored again) if a later extraction has its text.
 */
export function reanchorHighlights(
  db: Database,
  articleId: number,
  text: string | null,
  now = Date.now()
): ReanchorResult {
  const result: ReanchorResult = { unchanged: 0, moved: 0, orphaned: 0 }
  for (const highlight of highlightsOfArticle(db, articleId)) {
    const anchor = text ? placeSelector(text, highlight) : null
    if (anchor === null || text === null) {
      result.orphaned += 1
      if (highlight.status !== 'orphaned') setHighlightAnchor(db, highlight.id, null, now)
    } else if (anchor.method === 'position' && highlight.status === 'anchored') {
      result.unchanged += 1
    } else {
      result.moved += 1
      setHighlightAnchor(db, highlight.id, describeRange(text, anchor.start, anchor.end), now)
    }
  }
  return result
}
