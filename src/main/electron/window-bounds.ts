/** Window geometry, kept free of `electron` imports so tests reach it. */
export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface SavedWindowState {
  bounds: Rectangle
  maximized: boolean
}

export const defaultSize = { width: 1280, height: 800 }
export const minimumSize = { width: 720, height: 480 }

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/**
 * Where to open the window: the saved place if a display still shows enough of it (a monitor
 * may have been unplugged since), clamped to that display; otherwise the default size, centred
 * by Electron.
 */
export function restoreBounds(
  saved: unknown,
  displays: Rectangle[]
): Partial<Rectangle> & { width: number; height: number } {
  const state = saved as Partial<SavedWindowState> | null
  const bounds = state?.bounds
  const valid =
    bounds !== undefined &&
    [bounds.x, bounds.y, bounds.width, bounds.height].every((value) => Number.isFinite(value)) &&
    bounds.width >= minimumSize.width &&
    bounds.height >= minimumSize.height
  if (!valid) return { ...defaultSize }
  const best = displays
    .map((display) => ({ display, area: overlap(bounds, display) }))
    .sort((a, b) => b.area - a.area)[0]
  // Less than a quarter of the window visible: it would be hard to grab; start fresh.
  if (!best || best.area < (bounds.width * bounds.height) / 4) return { ...defaultSize }
  const area = best.display
  const width = Math.min(bounds.width, area.width)
  const height = Math.min(bounds.height, area.height)
  return {
    width,
    height,
    x: Math.min(Math.max(bounds.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  }
}
