import type { TagTarget } from '../library/articleActions'

/**
 * The drag data type of articles dragged out of the list. Only tags in the sidebar accept it; the
 * window's own drop handler (links and files to save) and text fields leave it alone, since it
 * carries no text.
 */
export const articleDragType = 'application/x-folio-articles'

/** True while what is dragged over an element is articles from the list. */
export function isArticleDrag(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes(articleDragType) ?? false
}

/** What the drag image says: the article's title, or how many articles move. */
export function dragLabel(targets: TagTarget[]): string {
  if (targets.length !== 1) return `${targets.length.toLocaleString()} articles`
  const title = targets[0].title
  return title.length > 40 ? `${title.slice(0, 39)}…` : title
}

/**
 * Marks the drag as articles and gives it a small badge as its image instead of the browser's
 * picture of the whole row. The badge must be in the document when the browser copies it, and
 * can go right after.
 */
export function startArticleDrag(dataTransfer: DataTransfer, targets: TagTarget[]): void {
  dataTransfer.effectAllowed = 'copy'
  dataTransfer.setData(articleDragType, JSON.stringify(targets.map((target) => target.id)))
  const badge = document.createElement('div')
  badge.className = 'drag-badge'
  badge.textContent = dragLabel(targets)
  document.body.append(badge)
  dataTransfer.setDragImage(badge, -8, -8)
  setTimeout(() => badge.remove(), 0)
}
