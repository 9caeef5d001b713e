import type { Toast } from './useToasts'

export function Toasts({
  toasts,
  onUndo,
  onDismiss
}: {
  toasts: Toast[]
  onUndo(id: number): void
  onDismiss(id: number): void
}): React.JSX.Element {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{toast.message}</span>
          {toast.canUndo && (
            <button type="button" className="toast-undo" onClick={() => onUndo(toast.id)}>
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => onDismiss(toast.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
