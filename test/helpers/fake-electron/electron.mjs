// A stand-in for the `electron` module of the main process, for running the built bundle under
// plain Node. It records what the app registers (IPC handlers, windows, protocols, the menu),
// reports it to the test over Node's IPC channel, and does what the test asks: call a handler
// as some frame would, fetch an asset URL, click a menu item, quit. `utilityProcess.fork` forks
// a real `node` process (utility-process.mjs), so calls reach the real engine.
import { EventEmitter } from 'node:events'
import { forkUtilityProcess } from './utility-process.mjs'

/** @type {Map<string, Function>} */
const handlers = new Map()
/** @type {Map<string, Function>} */
const protocolHandlers = new Map()
/** @type {BrowserWindow[]} */
const windows = []
/** @type {unknown[]} */
const schemes = []
/** @type {{ label?: string, type?: string, checked?: boolean, click?: Function, submenu?: unknown }[]} */
let menuTemplate = []
/** @type {{ modulePath: string, options: unknown, process: ReturnType<typeof forkUtilityProcess> }[]} */
const utilityProcesses = []

/** @param {Record<string, unknown>} message */
function report(message) {
  process.send?.(message)
}

class App extends EventEmitter {
  constructor() {
    super()
  }
  requestSingleInstanceLock() {
    return true
  }
  whenReady() {
    return Promise.resolve()
  }
  /** Every path the app asks for (userData) is the test's folder. */
  getPath() {
    return process.env.FOLIO_FAKE_USER_DATA ?? process.cwd()
  }
  getAppPath() {
    return process.cwd()
  }
  quit() {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      }
    }
    this.emit('will-quit', event)
    if (!event.defaultPrevented) setImmediate(() => process.exit(0))
  }
}
export const app = new App()

export const ipcMain = {
  /** @param {string} channel @param {Function} listener */
  handle(channel, listener) {
    handlers.set(channel, listener)
  },
  /** @param {string} channel */
  removeHandler(channel) {
    handlers.delete(channel)
  }
}

class WebContents extends EventEmitter {
  constructor() {
    super()
  }
  /** @param {string} channel @param {unknown} payload */
  send(channel, payload) {
    report({ type: 'sent', channel, payload })
  }
  setWindowOpenHandler() {}
}

export class BrowserWindow extends EventEmitter {
  /** @param {Record<string, unknown>} options */
  constructor(options) {
    super()
    this.options = options
    this.webContents = new WebContents()
    /** @type {string | null} */
    this.url = null
    windows.push(this)
  }
  /** @param {string} url */
  loadURL(url) {
    this.url = url
    return Promise.resolve()
  }
  isDestroyed() {
    return false
  }
  isMinimized() {
    return false
  }
  isMaximized() {
    return false
  }
  restore() {}
  focus() {}
  show() {}
  maximize() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 }
  }
}

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
}
export const session = {
  defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} }
}
export const shell = { openExternal: () => Promise.resolve() }
export const protocol = {
  /** @param {unknown[]} privileged */
  registerSchemesAsPrivileged(privileged) {
    schemes.push(...privileged)
  },
  /** @param {string} scheme @param {Function} handler */
  handle(scheme, handler) {
    protocolHandlers.set(scheme, handler)
  }
}
export const Menu = {
  /** @param {typeof menuTemplate} template */
  buildFromTemplate: (template) => ({ template }),
  /** @param {{ template: typeof menuTemplate }} menu */
  setApplicationMenu(menu) {
    menuTemplate = menu.template
  }
}
export const nativeTheme = { themeSource: 'system' }
export const dialog = {
  /** @param {string} title @param {string} content */
  showErrorBox(title, content) {
    report({ type: 'dialog', title, content })
  },
  /** @param {unknown[]} args the options, after the parent window when there is one */
  showMessageBox(...args) {
    report({ type: 'messageBox', options: args.at(-1) })
    return Promise.resolve({ response: 2 })
  },
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] })
}
export const clipboard = { writeText() {} }
export const utilityProcess = {
  /** @param {string} modulePath @param {string[]} [args] @param {Record<string, unknown>} [options] */
  fork(modulePath, args = [], options = {}) {
    const child = forkUtilityProcess(modulePath, args)
    utilityProcesses.push({ modulePath, options, process: child })
    return child
  }
}

/** Every item of the menu, submenus flattened. */
function menuItems(items = menuTemplate) {
  /** @type {typeof menuTemplate} */
  const all = []
  for (const item of items) {
    all.push(item)
    if (Array.isArray(item.submenu)) all.push(...menuItems(item.submenu))
  }
  return all
}

function state() {
  return {
    handlers: [...handlers.keys()],
    windows: windows.map((window) => ({ options: window.options, url: window.url })),
    schemes,
    protocols: [...protocolHandlers.keys()],
    menu: menuItems().map(({ label, type, checked }) => ({ label, type, checked })),
    utilityProcesses: utilityProcesses.map(({ modulePath, options, process: child }) => ({
      modulePath,
      options,
      pid: child.pid
    }))
  }
}

/** @param {any} command */
async function answer(command) {
  switch (command.type) {
    case 'state':
      return state()
    case 'call': {
      const handler = handlers.get(command.channel)
      if (!handler) throw new Error(`No IPC handler for ${command.channel}`)
      const senderFrame = command.frame && {
        url: command.frame.url,
        parent: command.frame.top ? null : { url: command.frame.url }
      }
      return handler({ senderFrame, sender: {} }, command.input)
    }
    case 'asset': {
      const handler = protocolHandlers.get(new URL(command.url).protocol.slice(0, -1))
      if (!handler) throw new Error(`No protocol handler for ${command.url}`)
      /** @type {Response} */
      const response = await handler({ url: command.url })
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        bytes: new Uint8Array(await response.arrayBuffer())
      }
    }
    case 'click': {
      const item = menuItems().find(({ label }) => label === command.label)
      if (!item?.click) throw new Error(`No menu item ${command.label}`)
      item.checked = command.checked
      item.click(item)
      return null
    }
    case 'quit':
      app.quit()
      return null
    default:
      throw new Error(`Unknown command ${command.type}`)
  }
}

process.on('message', (/** @type {any} */ command) => {
  answer(command).then(
    (value) => report({ type: 'answer', id: command.id, value }),
    (error) => report({ type: 'answer', id: command.id, error: String(error) })
  )
})
// The test went away: do not outlive it (the engine child follows through parent-port.mjs).
process.on('disconnect', () => process.exit(0))
