import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/core/library'
import {
  browserCaptureSettings,
  defaultBrowserCapturePort,
  setBrowserCaptureSettings
} from '../../src/main/core/settings/browser-capture'
import { useTempDirs } from '../helpers/temp'

describe('the browser capture setting', () => {
  const tempDir = useTempDirs()

  it('is off on the default port in a new library, and keeps what is set across reopening', () => {
    const dir = tempDir()
    const library = openLibrary(dir)
    expect(browserCaptureSettings(library.db)).toEqual({
      enabled: false,
      port: defaultBrowserCapturePort
    })
    setBrowserCaptureSettings(library.db, { enabled: true, port: 9911 })
    library.close()
    const reopened = openLibrary(dir)
    expect(browserCaptureSettings(reopened.db)).toEqual({ enabled: true, port: 9911 })
    setBrowserCaptureSettings(reopened.db, { enabled: false })
    expect(browserCaptureSettings(reopened.db)).toEqual({ enabled: false, port: 9911 })
    reopened.close()
  })
})
