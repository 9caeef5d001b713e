import type { FolioBridge } from '../../../shared/contract'
import { createHttpClient } from './http'

declare global {
  interface Window {
    /** Present in the Electron window, exposed by the preload. */
    folio?: FolioBridge
  }
}

/** The one way components reach the library: Electron IPC when present, HTTP otherwise. */
export const api: FolioBridge = window.folio ?? createHttpClient()
