import { useEffect, useRef } from 'react'

interface DialogProps {
  label: string
  wide?: boolean
  onClose(): void
  children: React.ReactNode
}

/** A modal dialog on the native <dialog>: focus moves in, Escape closes, focus returns after. */
export function Dialog({ label, wide, onClose, children }: DialogProps): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    const previous = document.activeElement as HTMLElement | null
    element?.showModal()
    return () => {
      element?.close()
      previous?.focus()
    }
  }, [])
  return (
    <dialog
      ref={dialog}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {children}
    </dialog>
  )
}
