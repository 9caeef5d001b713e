import { useCallback, useState } from 'react'
import type { OperationInput } from '../../../../shared/contract'
import { api } from '../../api'
import { useToasts } from '../../ui/useToasts'
import type { Toasts } from '../../ui/useToasts'

type Changes = OperationInput<'articles.update'>['changes']

export interface Undo extends Toasts {
  /** Ids hidden from the list while their delete waits out the undo window. */
  hiddenIds: ReadonlySet<number>
  /** Applies `changes` now and offers to put back `previous` (one entry per article). */
  update(changes: Changes, previous: Changes, message: string): Promise<void>
  /** Hides the articles now and deletes them once the undo window has passed. */
  remove(ids: number[], message: string): void
}

/** Changes to articles with an Undo notice; deletes are held back until their window closes. */
export function useUndo(): Undo {
  const toasts = useToasts()
  const { show } = toasts
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<number>>(() => new Set())

  const update = useCallback(
    async (changes: Changes, previous: Changes, message: string) => {
      const result = await api['articles.update']({ changes })
      if (!result.ok) return show(result.error.message)
      show(message, {
        undo: async () => {
          const restored = await api['articles.update']({ changes: previous })
          if (!restored.ok) show(restored.error.message)
        }
      })
    },
    [show]
  )

  const remove = useCallback(
    (ids: number[], message: string) => {
      const unhide = (): void =>
        setHiddenIds((previous) => new Set([...previous].filter((id) => !ids.includes(id))))
      setHiddenIds((previous) => new Set([...previous, ...ids]))
      show(message, {
        undo: unhide,
        commit: async () => {
          const result = await api['articles.delete']({ ids })
          if (!result.ok) {
            unhide()
            show(result.error.message)
          }
        }
      })
    },
    [show]
  )

  return { ...toasts, hiddenIds, update, remove }
}
