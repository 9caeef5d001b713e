import { useCallback, useEffect, useState } from 'react'

export const themes = ['system', 'light', 'dark', 'sepia'] as const
export type Theme = (typeof themes)[number]
export const fontFamilies = ['serif', 'sans', 'system'] as const
export type FontFamily = (typeof fontFamilies)[number]

/** UI preferences: they belong to this window, not the library, so localStorage keeps them. */
export interface Preferences {
  theme: Theme
  font: FontFamily
  /** Reader text size in CSS pixels. */
  fontSize: number
  lineHeight: number
  /** Reader line length in `ch`. */
  measure: number
}

export const defaultPreferences: Preferences = {
  theme: 'system',
  font: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  measure: 68
}

/** The bounds the settings offer; stored values outside them are clamped back in. */
export const limits = {
  fontSize: { min: 14, max: 28, step: 1 },
  lineHeight: { min: 1.3, max: 2, step: 0.1 },
  measure: { min: 45, max: 90, step: 5 }
} as const

const storageKey = 'folio.preferences'

function clamp(value: unknown, bounds: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(bounds.max, Math.max(bounds.min, value))
    : fallback
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

export function readPreferences(): Preferences {
  let stored: Record<string, unknown> = {}
  try {
    stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>
  } catch {
    // A hand-edited or truncated value: start from the defaults.
  }
  return {
    theme: oneOf(stored.theme, themes, defaultPreferences.theme),
    font: oneOf(stored.font, fontFamilies, defaultPreferences.font),
    fontSize: clamp(stored.fontSize, limits.fontSize, defaultPreferences.fontSize),
    lineHeight: clamp(stored.lineHeight, limits.lineHeight, defaultPreferences.lineHeight),
    measure: clamp(stored.measure, limits.measure, defaultPreferences.measure)
  }
}

const darkQuery = '(prefers-color-scheme: dark)'

/** The theme actually shown: `system` resolves to light or dark from the OS. */
export type ShownTheme = Exclude<Theme, 'system'>

export function usePreferences(): {
  preferences: Preferences
  shownTheme: ShownTheme
  update(change: Partial<Preferences>): void
} {
  const [preferences, setPreferences] = useState(readPreferences)
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches)

  useEffect(() => {
    const query = window.matchMedia(darkQuery)
    const listener = (event: MediaQueryListEvent): void => setSystemDark(event.matches)
    query.addEventListener('change', listener)
    return () => query.removeEventListener('change', listener)
  }, [])

  const shownTheme: ShownTheme =
    preferences.theme === 'system' ? (systemDark ? 'dark' : 'light') : preferences.theme

  useEffect(() => {
    document.documentElement.dataset.theme = shownTheme
  }, [shownTheme])

  const update = useCallback((change: Partial<Preferences>) => {
    setPreferences((previous) => {
      const next = { ...previous, ...change }
      localStorage.setItem(storageKey, JSON.stringify(next))
      return next
    })
  }, [])

  return { preferences, shownTheme, update }
}
