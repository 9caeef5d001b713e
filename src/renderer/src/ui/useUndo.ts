import { useCallback, useEffect, useRef, useState } from 'react'
import type { OperationInput } from '../../../shared/contract'
import { api } from '../api'

/** How long a change can be undone; a delete reaches the library only after this. */
export const undoWindowMs = 8000

export interface Toast {
  id: number
  message: string
  canUndo: boolean
}

interface PendingToast extends Toast {
  undo?: () => Promise<void> | void
  /** Runs when the toast expires or the page goes away, not when it is undone. */
  commit?: () => Promise<void> | void
  timer: ReturnType<typeof setTimeout>
}

type Changes = OperationInput<'articles.update'>['changes']

export interface Undo {
  toasts: Toast[]
  /** Ids hidden from the list while their delete waits out the undo window. */
  hiddenIds: ReadonlySet<number>
  notify(message: string): void
  /** Shows `message` with an Undo button that runs `undo`. */
  offer(message: string, undo: () => Promise<void>): void
  /** Applies `changes` now and offers to put back `previous` (one entry per article). */
  update(changes: Changes, previous: Changes, message: string): Promise<void>
  /** Hides the articles now and deletes them once the undo window has passed. */
  remove(ids: number[], message: string): void
  undo(id: number): void
  undoLatest(): void
  dismiss(id: number): void
}

/** Toasts with Undo, and deletes held back until their undo window closes (or the page hides). */
export function useUndo(): Undo {
  const [toasts, setToasts] = useState<PendingToast[]>([])
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<number>>(() => new Set())
  const pending = useRef(new Map<number, PendingToast>())
  const nextId = useRef(1)

  const finish = useCallback((id: number, action: 'commit' | 'undo' | 'none') => {
    const toast = pending.current.get(id)
    if (!toast) return
    pending.current.delete(id)
    clearTimeout(toast.timer)
    setToasts((previous) => previous.filter((item) => item.id !== id))
    if (action === 'commit') void toast.commit?.()
    if (action === 'undo') void toast.undo?.()
  }, [])

  const show = useCallback(
    (toast: Omit<PendingToast, 'id' | 'timer' | 'canUndo'>) => {
      const id = nextId.current++
      const timer = setTimeout(() => finish(id, 'commit'), undoWindowMs)
      const entry: PendingToast = { ...toast, id, timer, canUndo: toast.undo !== undefined }
      pending.current.set(id, entry)
      setToasts((previous) => [...previous.slice(-2), entry])
    },
    [finish]
  )

  const notify = useCallback((message: string) => show({ message }), [show])
  const offer = useCallback(
    (message: string, undo: () => Promise<void>) => show({ message, undo }),
    [show]
  )

  const update = useCallback(
    async (changes: Changes, previous: Changes, message: string) => {
      const result = await api['articles.update']({ changes })
      if (!result.ok) return show({ message: result.error.message })
      show({
        message,
        undo: async () => {
          const restored = await api['articles.update']({ changes: previous })
          if (!restored.ok) show({ message: restored.error.message })
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
      show({
        message,
        undo: unhide,
        commit: async () => {
          const result = await api['articles.delete']({ ids })
          if (!result.ok) {
            unhide()
            show({ message: result.error.message })
          }
        }
      })
    },
    [show]
  )

  useEffect(() => {
    // Leaving the page ends the undo window: send the deletes the user already asked for.
    const flush = (): void => {
      for (const id of [...pending.current.keys()]) finish(id, 'commit')
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [finish])

  const undoLatest = useCallback(() => {
    const latest = [...pending.current.values()].filter((toast) => toast.undo).at(-1)
    if (latest) finish(latest.id, 'undo')
  }, [finish])

  return {
    toasts: toasts.map(({ id, message, canUndo }) => ({ id, message, canUndo })),
    hiddenIds,
    notify,
    offer,
    update,
    remove,
    undo: (id) => finish(id, 'undo'),
    undoLatest,
    dismiss: (id) => finish(id, 'commit')
  }
}
