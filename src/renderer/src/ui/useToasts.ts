import { useCallback, useEffect, useRef, useState } from 'react'

export interface Toast {
  id: number
  message: string
  canUndo: boolean
}

/** What a notice does besides showing its message. */
export interface ToastActions {
  undo?: () => Promise<void> | void
  /** Runs when the toast expires or the page goes away, not when it is undone. */
  commit?: () => Promise<void> | void
}

interface PendingToast extends Toast, ToastActions {
  timer: ReturnType<typeof setTimeout>
}

export interface Toasts {
  toasts: Toast[]
  show(message: string, actions?: ToastActions): void
  notify(message: string): void
  /** Shows `message` with an Undo button that runs `undo`. */
  offer(message: string, undo: () => Promise<void>): void
  undo(id: number): void
  undoLatest(): void
  dismiss(id: number): void
}

/** How long a change can be undone; a delete reaches the library only after this. */
export const undoWindowMs = 8000

/** Notices with Undo, each committed when its undo window closes (or the page hides). */
export function useToasts(): Toasts {
  const [toasts, setToasts] = useState<PendingToast[]>([])
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
    (message: string, actions: ToastActions = {}) => {
      const id = nextId.current++
      const timer = setTimeout(() => finish(id, 'commit'), undoWindowMs)
      const entry: PendingToast = { ...actions, message, id, timer, canUndo: !!actions.undo }
      pending.current.set(id, entry)
      setToasts((previous) => [...previous.slice(-2), entry])
    },
    [finish]
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
    show,
    notify: useCallback((message: string) => show(message), [show]),
    offer: useCallback(
      (message: string, undo: () => Promise<void>) => show(message, { undo }),
      [show]
    ),
    undo: (id) => finish(id, 'undo'),
    undoLatest,
    dismiss: (id) => finish(id, 'commit')
  }
}
