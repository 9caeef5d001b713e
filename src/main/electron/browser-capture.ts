import { clipboard, dialog } from 'electron'
import type { BrowserWindow, MenuItem, MenuItemConstructorOptions } from 'electron'
import type { EngineClient } from './engine-client'
import type { BrowserCaptureState } from './engine-protocol'

export interface BrowserCapture {
  /** "Browser Capture" (a checkbox) and "Browser Capture Setup…", for the File menu. */
  menuItems(): MenuItemConstructorOptions[]
  /** Shows why the server could not start, if it could not; never throws. */
  reportProblem(state: BrowserCaptureState): void
}

/** `--capture-port=N` from the command line, when it names a usable port. */
export function capturePortFlag(argv: string[] = process.argv): number | undefined {
  const flag = argv.find((arg) => arg.startsWith('--capture-port='))
  const port = Number(flag?.slice('--capture-port='.length))
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined
}

/**
 * "Browser capture" in the desktop app (issue 7): the same server as `folio serve`, run by the
 * engine process on a fixed port so the extension and the bookmarklet reach the open library.
 * Off by default; `--capture-port=N` on the command line changes and keeps the port. This side
 * holds only the menu items and dialogs; the engine starts, stops and remembers the server.
 */
export function createBrowserCapture(
  engine: EngineClient,
  currentWindow: () => BrowserWindow | null,
  initial: BrowserCaptureState
): BrowserCapture {
  function reportProblem(state: BrowserCaptureState): void {
    if (state.problem) dialog.showErrorBox('Browser capture could not start', state.problem)
  }

  async function toggle(item: MenuItem): Promise<void> {
    const result = await engine.browserCapture(item.checked)
    if (!result.ok) {
      item.checked = false
      dialog.showErrorBox('Browser capture could not start', result.error.message)
      return
    }
    item.checked = result.value.enabled
    reportProblem(result.value)
  }

  async function showSetup(): Promise<void> {
    const result = await engine.browserCapture()
    if (!result.ok) return dialog.showErrorBox('Browser Capture', result.error.message)
    const { enabled, port, token, bookmarklet } = result.value
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
        checked: initial.enabled,
        click: (item) => void toggle(item)
      },
      { label: 'Browser Capture Setup…', click: () => void showSetup() }
    ],
    reportProblem
  }
}
