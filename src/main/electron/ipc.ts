import { ipcMain } from 'electron'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { failure } from '../../shared/errors'
import type { Result } from '../../shared/errors'
import { ipcChannelFor, ipcEventChannel, operationNames } from '../../shared/operations'
import type { EngineClient } from './engine-client'
import { isTrustedSender } from './ipc-policy'

/**
 * One channel per operation (never a generic "invoke anything"); each checks the sender frame,
 * then hands the raw input to the engine process, which validates it with the contract's schema.
 */
export function registerIpc(engine: EngineClient, appUrl: string): () => void {
  for (const name of operationNames) {
    ipcMain.handle(
      ipcChannelFor(name),
      async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
        const frame = event.senderFrame
        const trusted =
          frame !== null &&
          isTrustedSender({ frameUrl: frame.url, isTopFrame: frame.parent === null }, appUrl)
        if (!trusted) return failure('forbidden', 'This window is not allowed to use the library.')
        return engine.invoke(name, input, 'ui')
      }
    )
  }
  return () => operationNames.forEach((name) => ipcMain.removeHandler(ipcChannelFor(name)))
}

/** Forwards library events to a window for as long as it lives. */
export function forwardEvents(engine: EngineClient, window: BrowserWindow): void {
  const stop = engine.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(ipcEventChannel, event)
  })
  window.on('closed', stop)
}
