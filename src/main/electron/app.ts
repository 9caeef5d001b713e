import { app, dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { openEngine } from '../core/engine'
import type { Engine } from '../core/engine'
import { createBrowserCapture } from './browser-capture'
import { forwardEvents, registerIpc } from './ipc'
import { installMenu } from './menu'
import { registerAssetScheme, serveAssets } from './protocol'
import { electronNativeBinding } from './native-binding'
import { appUrl, createMainWindow, denyAllPermissions } from './window'

function libraryDir(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--library='))
  return (
    flag?.slice('--library='.length) ||
    process.env.FOLIO_LIBRARY ||
    join(app.getPath('userData'), 'library')
  )
}

export async function startDesktopApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  registerAssetScheme()
  await app.whenReady()
  denyAllPermissions()
  let core: Engine
  try {
    core = openEngine(libraryDir(), { nativeBinding: electronNativeBinding() })
  } catch (error) {
    dialog.showErrorBox('Folio cannot open its library', (error as Error).message)
    app.quit()
    return
  }
  serveAssets(core)
  core.start()
  const url = appUrl()
  registerIpc(core, url)
  let window = createMainWindow(url)
  forwardEvents(core, window)
  const currentWindow = (): BrowserWindow | null => (window.isDestroyed() ? null : window)
  const browserCapture = createBrowserCapture(core, currentWindow)
  installMenu(core, currentWindow, browserCapture.menuItems())
  void browserCapture.startIfEnabled()

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (window.isDestroyed()) {
      window = createMainWindow(url)
      forwardEvents(core, window)
    }
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('will-quit', (event) => {
    if (closing) return
    // Let running captures stop cleanly; unfinished ones resume at the next start.
    event.preventDefault()
    closing = true
    void browserCapture
      .close()
      .then(() => core.close())
      .finally(() => app.quit())
  })
}
