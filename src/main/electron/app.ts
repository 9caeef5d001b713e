import { app, dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { capturePortFlag, createBrowserCapture } from './browser-capture'
import { forkEngine } from './engine-fork'
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

/**
 * The main process: window, menu, asset protocol and IPC wiring. The library and its engine live
 * in the engine process (engine-fork.ts), reached only through the engine client.
 */
export async function startDesktopApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  registerAssetScheme()
  await app.whenReady()
  denyAllPermissions()
  const engine = forkEngine()
  const opened = await engine.open({
    libraryDir: libraryDir(),
    nativeBinding: electronNativeBinding(),
    capturePort: capturePortFlag()
  })
  if (!opened.ok) {
    dialog.showErrorBox('Folio cannot open its library', opened.error.message)
    await engine.close()
    app.quit()
    return
  }
  engine.onUnexpectedExit((message) => dialog.showErrorBox('Folio’s engine stopped', message))
  serveAssets(engine)
  const url = appUrl()
  registerIpc(engine, url)
  let window = createMainWindow(url)
  forwardEvents(engine, window)
  const currentWindow = (): BrowserWindow | null => (window.isDestroyed() ? null : window)
  const browserCapture = createBrowserCapture(engine, currentWindow, opened.value.browserCapture)
  installMenu(engine, currentWindow, browserCapture.menuItems())
  browserCapture.reportProblem(opened.value.browserCapture)

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (window.isDestroyed()) {
      window = createMainWindow(url)
      forwardEvents(engine, window)
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
    void engine.close().finally(() => app.quit())
  })
}
