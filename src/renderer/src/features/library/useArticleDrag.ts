import { useRef, useState } from 'react'
import { startArticleDrag } from '../tags/articleDrag'
import type { TagTarget } from './articleActions'
import type { Selection } from './useSelection'

export interface ArticleDrag {
  /** True while articles from the list are being dragged: tags then take a drop. */
  dragging: boolean
  /** Dragging a selected row carries the whole selection; any other row goes alone. */
  start(row: TagTarget | undefined, event: React.DragEvent): void
  end(): void
  /** The dragged articles were dropped on this tag. */
  drop(name: string): void
}

/** Articles dragged from the list (or the search's hits) onto a tag in the sidebar. */
export function useArticleDrag(
  selection: Selection,
  tag: (targets: TagTarget[], name: string) => void
): ArticleDrag {
  /** The articles a drag from the list carries, until they are dropped on a tag. */
  const dragged = useRef<TagTarget[]>([])
  const [dragging, setDragging] = useState(false)
  const end = (): void => {
    dragged.current = []
    setDragging(false)
  }
  return {
    dragging,
    start: (row, event) => {
      if (!row) return
      const list = selection.selected.has(row.id) ? [...selection.selected.values()] : [row]
      dragged.current = list
      startArticleDrag(event.dataTransfer, list)
      setDragging(true)
    },
    end,
    drop: (name) => {
      const list = dragged.current
      end()
      if (list.length > 0) tag(list, name)
    }
  }
}
