import { useEffect, useRef } from 'react'
import { isArticleDrag } from '../tags/articleDrag'

/**
 * Links or files dropped anywhere on the window go to `onDrop` (which opens the Add box with
 * them); articles dragged from the list drop only on tags.
 */
export function useWindowDrop(onDrop: (text: string, files: File[]) => void): void {
  const current = useRef(onDrop)
  useEffect(() => {
    current.current = onDrop
  })
  useEffect(() => {
    const over = (event: DragEvent): void => {
      if (!isArticleDrag(event)) event.preventDefault()
    }
    const drop = (event: DragEvent): void => {
      if (isArticleDrag(event)) return
      event.preventDefault()
      const text =
        event.dataTransfer?.getData('text/uri-list') || event.dataTransfer?.getData('text')
      const files = text ? [] : [...(event.dataTransfer?.files ?? [])]
      current.current(text ?? '', files)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}
