import { clipboard, dialog } from 'electron'
import type { BrowserWindow, MenuItem, MenuItemConstructorOptions } from 'electron'
import type { Engine } from '../core/engine'
import { bookmarkletFor } from '../server/capture-page'
import { startServer } from '../server/server'
import type { RunningServer } from '../server/server'

export interface BrowserCapture {
  /** "Browser Capture" (a checkbox) and "Browser Capture Setup…", for the File menu. */
  menuItems(): MenuItemConstructorOptions[]
  /** Starts the server when the setting is on; a failure is shown, not thrown. */
  startIfEnabled(): Promise<void>
  close(): Promise<void>
}

/**
 * "Browser capture" in the desktop app (issue 7): the same server as `folio serve`, run inside
 * the app on a fixed port so the extension and the bookmarklet reach the open library. Off by
 * default; `--capture-port=N` on the command line changes and keeps the port.
 */
export function createBrowserCapture(
  core: Engine,
  currentWindow: () => BrowserWindow | null
): BrowserCapture {
  const portFlag = process.argv.find((arg) => arg.startsWith('--capture-port='))
  if (portFlag) core.setBrowserCapture({ port: Number(portFlag.split('=')[1]) })
  let server: RunningServer | null = null

  async function start(): Promise<boolean> {
    if (server) return true
    const { port } = core.browserCapture()
    try {
      server = await startServer({ engine: core, token: core.serverToken(), port })
      return true
    } catch (error) {
      dialog.showErrorBox(
        'Browser capture could not start',
        `Folio could not listen on 127.0.0.1:${port}: ${(error as Error).message}. If another ` +
          'program uses this port, start Folio with --capture-port=<another port>.'
      )
      return false
    }
  }

  async function stop(): Promise<void> {
    await server?.close()
    server = null
  }

  async function toggle(item: MenuItem): Promise<void> {
    const started = item.checked ? await start() : (await stop(), false)
    item.checked = started
    core.setBrowserCapture({ enabled: started })
  }

  async function showSetup(): Promise<void> {
    const { enabled, port } = core.browserCapture()
    const token = core.serverToken()
    const bookmarklet = bookmarkletFor(port, token)
    const options = {
      type: 'info' as const,
      title: 'Browser Capture',
      message: `Browser capture is ${enabled ? `on, at http://127.0.0.1:${port}` : 'off'}.`,
      detail:
        'Save pages as your browser shows them (signed in, past cookie walls) with the Save to ' +
        `Folio extension: in its options, enter the port ${port} and this library's token:\n\n` +
        `${token}\n\nWithout the extension, use the bookmarklet: copy it and add a bookmark ` +
        'with it as the address. Anyone with the token can save to and read this library.',
      buttons: ['Copy Token', 'Copy Bookmarklet', 'Close'],
      defaultId: 2,
      cancelId: 2
    }
    const window = currentWindow()
    const { response } = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options)
    if (response === 0) void clipboard.writeText(token)
    if (response === 1) void clipboard.writeText(bookmarklet)
  }

  return {
    menuItems: () => [
      {
        label: 'Browser Capture',
        type: 'checkbox',
        checked: core.browserCapture().enabled,
        click: (item) => void toggle(item)
      },
      { label: 'Browser Capture Setup…', click: () => void showSetup() }
    ],
    async startIfEnabled() {
      if (core.browserCapture().enabled) await start()
    },
    close: stop
  }
}
