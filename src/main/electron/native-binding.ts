import { app } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 built for Electron's ABI by scripts/prepare-electron.js, kept apart from the
 * Node build in node_modules that the CLI and the tests load.
 */
export function electronNativeBinding(): string | undefined {
  const file = join(
    app.getAppPath(),
    '.electron-native',
    `${process.versions.electron}-${process.platform}-${process.arch}`,
    'better_sqlite3.node'
  )
  return existsSync(file) ? file : undefined
}
