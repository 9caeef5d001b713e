import { homedir } from 'node:os'
import { join } from 'node:path'

/** The name Electron derives its user-data folder from (package.json "productName"/"name"). */
export const appFolderName = 'Folio'

/**
 * Where the desktop app keeps its user data, computed as Electron's `app.getPath('userData')`
 * does, so the CLI and the app open the same library without Electron.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName)
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', appFolderName)
  }
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), appFolderName)
}

/** `--library DIR`, then `FOLIO_LIBRARY`, then the user-data folder. */
export function resolveLibraryDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): string {
  return flag ?? (env.FOLIO_LIBRARY || join(userDataDir(env), 'library'))
}
