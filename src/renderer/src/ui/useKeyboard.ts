import { useEffect, useRef } from 'react'

/** A shortcut's key as `KeyboardEvent.key`, with `Ctrl+`/`Shift+` for chords (`Shift+D`, `Ctrl+a`). */
export type KeyMap = Record<string, (event: KeyboardEvent) => void>

function chordOf(event: KeyboardEvent): string {
  if (event.ctrlKey || event.metaKey) return `Ctrl+${event.key.toLowerCase()}`
  if (event.shiftKey && /^[A-Z]$/.test(event.key)) return `Shift+${event.key}`
  return event.key
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
      if (document.querySelector('dialog[open]')) return
      const handler = current.current[chordOf(event)]
      if (!handler) return
      event.preventDefault()
      handler(event)
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
