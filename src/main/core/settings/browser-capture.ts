import type { Database } from 'better-sqlite3'
import { getSetting, setSetting } from './queries'

/**
 * The desktop app's "Browser capture" setting: whether it runs the local server for the
 * extension and the bookmarklet, and on which port. A fixed port, so a paired extension finds
 * the app again after a restart; 8765 is the default the extension's options page starts from.
 */
export const defaultBrowserCapturePort = 8765

export interface BrowserCaptureSettings {
  enabled: boolean
  port: number
}

export function browserCaptureSettings(db: Database): BrowserCaptureSettings {
  const port = Number(getSetting(db, 'browserCapture.port'))
  return {
    enabled: getSetting(db, 'browserCapture.enabled') === 'true',
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : defaultBrowserCapturePort
  }
}

export function setBrowserCaptureSettings(
  db: Database,
  settings: Partial<BrowserCaptureSettings>
): void {
  db.transaction(() => {
    if (settings.enabled !== undefined)
      setSetting(db, 'browserCapture.enabled', String(settings.enabled))
    if (settings.port !== undefined) setSetting(db, 'browserCapture.port', String(settings.port))
  })()
}
