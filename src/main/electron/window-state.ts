import { app, screen } from 'electron'
import type { BrowserWindow } from 'electron'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { restoreBounds } from './window-bounds'
import type { SavedWindowState } from './window-bounds'

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json')
}

export function savedWindowState(): {
  bounds: ReturnType<typeof restoreBounds>
  maximized: boolean
} {
  let saved: SavedWindowState | null = null
  try {
    saved = JSON.parse(readFileSync(stateFile(), 'utf8')) as SavedWindowState
  } catch {
    saved = null
  }
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  return { bounds: restoreBounds(saved, displays), maximized: saved?.maximized === true }
}

/** Remembers the window's place and size as it changes, for the next start. */
export function trackWindowState(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | null = null
  const save = (): void => {
    if (window.isDestroyed()) return
    const state: SavedWindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized()
    }
    try {
      writeFileSync(stateFile(), JSON.stringify(state))
    } catch {
      // A read-only profile folder only costs the window its place next time.
    }
  }
  const later = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', save)
}
