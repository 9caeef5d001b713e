import { Menu, dialog, nativeTheme } from 'electron'
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron'
import type { FolioEvent, MenuCommand } from '../../shared/events'
import { ipcEventChannel } from '../../shared/operations'
import { importableExtensions } from '../../shared/contract'
import type { EngineClient } from './engine-client'

/**
 * The application menu (File, Edit, View, Window, Help). Commands that belong to the interface
 * go to the renderer as `menu.command` events; importing files runs here, where the paths are.
 */
function theme(source: 'system' | 'light' | 'dark', label: string): MenuItemConstructorOptions {
  return {
    label,
    type: 'radio',
    checked: nativeTheme.themeSource === source,
    click: () => {
      nativeTheme.themeSource = source
    }
  }
}

/** View: zoom, the theme, full screen (and the developer tools in development). */
function viewMenu(): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: [
          theme('system', 'Follow the System'),
          theme('light', 'Light'),
          theme('dark', 'Dark')
        ]
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(process.env.ELECTRON_RENDERER_URL ? [{ role: 'toggleDevTools' as const }] : [])
    ]
  }
}

export function installMenu(
  engine: EngineClient,
  currentWindow: () => BrowserWindow | null,
  /** Items for the File menu from other features (Browser Capture). */
  fileItems: MenuItemConstructorOptions[] = []
): void {
  const send = (command: MenuCommand): void => {
    const event: FolioEvent = { type: 'menu.command', command }
    currentWindow()?.webContents.send(ipcEventChannel, event)
  }
  const importFiles = async (): Promise<void> => {
    const window = currentWindow()
    const options = {
      title: 'Import pages into Folio',
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [
        {
          name: 'Pages and notes',
          extensions: importableExtensions.map((extension) => extension.slice(1))
        }
      ]
    }
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    if (result.canceled || result.filePaths.length === 0) return
    // Paths from the system's file dialog: the main process is a local caller.
    await engine.invoke('capture.save', { inputs: result.filePaths }, 'cli')
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Add URL…', accelerator: 'CmdOrCtrl+N', click: () => send('add') },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => void importFiles() },
        { type: 'separator' },
        { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => send('search') },
        { type: 'separator' },
        ...(fileItems.length > 0 ? [...fileItems, { type: 'separator' as const }] : []),
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    viewMenu(),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => send('shortcuts') }
      ]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
