import type { OperationName } from './contract'

export { isOperationName, operationNames } from './contract'
export type { OperationName } from './contract'

/** The IPC channel an operation travels on between preload and main. */
export function ipcChannelFor(name: OperationName): string {
  return `folio:${name}`
}

export const ipcEventChannel = 'folio:event'
