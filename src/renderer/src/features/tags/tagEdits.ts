import type { TagUndo } from '../../../../shared/types'
import { api } from '../../api'
import type { Toasts } from '../../ui/useToasts'

/** Renaming, merging and deleting tags from the sidebar, each undoable through `tags.restore`. */
export function createTagEdits(undo: Toasts) {
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
    /** Resolves to the tag the articles now carry, or null when the merge was refused. */
    async merge(from: string, into: string): Promise<string | null> {
      const result = await api['tags.merge']({ from: [from], into })
      if (!result.ok) {
        undo.notify(result.error.message)
        return null
      }
      const count = result.value.articles.length
      // The core keeps the spelling the library already has for `into`.
      const merged = result.value.tags.find((tag) => tag.from === from)?.to ?? into
      offerRestore(
        `Merged #${from} into #${merged}${count > 0 ? ` (${articleCount(count)})` : ''}`,
        result.value.undo
      )
      return merged
    },
    async remove(name: string): Promise<void> {
      const result = await api['tags.delete']({ name })
      if (!result.ok) return undo.notify(result.error.message)
      const count = result.value.articles.length
      offerRestore(
        `Deleted #${name}${count > 0 ? ` from ${articleCount(count)}` : ''}`,
        result.value.undo
      )
    }
  }
}

export type TagEdits = ReturnType<typeof createTagEdits>

export function articleCount(count: number): string {
  return count === 1 ? '1 article' : `${count.toLocaleString()} articles`
}
