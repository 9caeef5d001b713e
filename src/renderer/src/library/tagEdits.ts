import type { TagUndo } from '../../../shared/types'
import { api } from '../api'
import type { Undo } from '../ui/useUndo'

/** Renaming and deleting tags from the sidebar, each undoable through `tags.restore`. */
export function createTagEdits(undo: Undo) {
  const offerRestore = (message: string, snapshot: TagUndo): void =>
    undo.offer(message, async () => {
      const restored = await api['tags.restore']({ undo: snapshot })
      if (!restored.ok) undo.notify(restored.error.message)
    })

  return {
    /** Resolves to the new name, or null when the rename was refused. */
    async rename(from: string, to: string): Promise<string | null> {
      if (from === to) return null
      const result = await api['tags.rename']({ from, to })
      if (!result.ok) {
        undo.notify(result.error.message)
        return null
      }
      offerRestore(`Renamed #${from} to #${to}`, result.value.undo)
      return to
    },
    async remove(name: string): Promise<void> {
      const result = await api['tags.delete']({ name })
      if (!result.ok) return undo.notify(result.error.message)
      const count = result.value.articles.length
      offerRestore(
        `Deleted #${name}${count > 0 ? ` from ${count.toLocaleString()} articles` : ''}`,
        result.value.undo
      )
    }
  }
}
