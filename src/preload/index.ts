import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { FolioEvent, FolioEventListener } from '../shared/events'
import { ipcChannelFor, ipcEventChannel, operationNames } from '../shared/operations'
import { assetScheme } from '../shared/web'

// One named function per operation; the renderer never sees ipcRenderer itself.
const bridge: Record<string, unknown> = {}
for (const name of operationNames) {
  bridge[name] = (input: unknown) => ipcRenderer.invoke(ipcChannelFor(name), input)
}
bridge.onEvent = (listener: FolioEventListener) => {
  const forward = (_event: IpcRendererEvent, payload: FolioEvent) => listener(payload)
  ipcRenderer.on(ipcEventChannel, forward)
  return () => {
    ipcRenderer.removeListener(ipcEventChannel, forward)
  }
}

// The Electron window serves folio-asset:// itself (src/main/electron/protocol.ts).
bridge.resolveAssets = (html: string) =>
  Promise.resolve({ html, imageSources: `${assetScheme}: data:` })

contextBridge.exposeInMainWorld('folio', bridge)
