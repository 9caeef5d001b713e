import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { isExternalLink } from './ipc-policy'
import { minimumSize } from './window-bounds'
import { savedWindowState, trackWindowState } from './window-state'

/** The URL the window loads: the dev server in `npm run dev`, the built file otherwise. */
export function appUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) return devUrl
  return new URL(`file://${join(import.meta.dirname, '../renderer/index.html')}`).href
}

/** DESIGN.md §5: isolated, sandboxed, no Node, no navigation, no new windows, no permissions. */
export function createMainWindow(url: string): BrowserWindow {
  const saved = savedWindowState()
  const window = new BrowserWindow({
    ...saved.bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: 'Folio',
    autoHideMenuBar: process.platform !== 'darwin',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would open a link in a new window; new windows are denied anyway, and
      // this keeps the event from reaching the page at all (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize()
    window.show()
  })
  trackWindowState(window)
  window.webContents.setWindowOpenHandler(({ url: target }) => {
    if (isExternalLink(target)) void shell.openExternal(target)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, target) => {
    if (target === url) return
    event.preventDefault()
    if (isExternalLink(target)) void shell.openExternal(target)
  })
  void window.loadURL(url)
  return window
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}
