import { useEffect, useRef } from 'react'

/** A shortcut's key as `KeyboardEvent.key`, with `Ctrl+`/`Shift+` for chords (`Shift+D`, `Ctrl+a`). */
/** A handler returning `false` leaves the key to the browser (arrows scrolling the reader). */
export type KeyMap = Record<string, (event: KeyboardEvent) => void | boolean>

function chordOf(event: KeyboardEvent): string {
  if (event.ctrlKey || event.metaKey) return `Ctrl+${event.key.toLowerCase()}`
  if (event.shiftKey && /^[A-Z]$/.test(event.key)) return `Shift+${event.key}`
  return event.key
}

/** Enter on a focused button or link must press it, not open the list's article. */
function pressesControl(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return false
  return event.target.closest('button, a[href], summary, [role="button"]') !== null
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'range', 'button'].includes(target.type)
  )
}

/**
 * Single-key shortcuts for the whole window. They stand aside while the user types in a field or
 * a dialog is open, so `j` in the search box is a letter, not "next article".
 */
export function useKeyboard(keys: KeyMap): void {
  const current = useRef(keys)
  useEffect(() => {
    current.current = keys
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || isTyping(event.target)) return
      if (pressesControl(event) || document.querySelector('dialog[open], .add-panel')) return
      const handler = current.current[chordOf(event)]
      if (handler && handler(event) !== false) event.preventDefault()
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
