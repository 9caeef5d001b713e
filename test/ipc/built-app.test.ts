import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ipcChannelFor, ipcEventChannel, operationNames } from '../../src/shared/operations'
import { setBrowserCaptureSettings } from '../../src/main/core/settings/browser-capture'
import { openLibrary } from '../../src/main/core/library'
import {
  assertBuilt,
  builtEngine,
  builtMain,
  launchBuiltApp,
  loadBuiltPreload
} from '../helpers/built-app'
import type { BuiltApp, Frame } from '../helpers/built-app'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

// The desktop app cannot run here (no Electron binary), so these tests run the BUILT bundles
// (`npx electron-vite build`) under plain Node with the stand-in `electron` of
// test/helpers/fake-electron, whose utilityProcess.fork starts the real engine bundle.

const imageBytes = Buffer.from('\x89PNG\r\n\x1a\n a stand-in image', 'binary')
const imageSha256 = createHash('sha256').update(imageBytes).digest('hex')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

describe('the built desktop app, run with a stand-in electron', () => {
  let folder: string
  let app: BuiltApp
  let appFrame: Frame
  let capturePort: number

  beforeAll(async () => {
    assertBuilt()
    folder = mkdtempSync(join(tmpdir(), 'folio-built-app-'))
    const library = openLibrary(join(folder, 'library'))
    // An article with one stored image, as a capture leaves it.
    const articleId = insertArticle(library.db, { url: 'https://example.com/with-image' })
    library.db
      .prepare('INSERT INTO assets (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(imageSha256, 'image/png', imageBytes.length, imageBytes, Date.now())
    library.db
      .prepare('INSERT INTO article_assets (article_id, source_url, sha256) VALUES (?, ?, ?)')
      .run(articleId, 'https://example.com/image.png', imageSha256)
    library.close()
    capturePort = await freePort()
    app = launchBuiltApp({
      libraryDir: join(folder, 'library'),
      userDataDir: folder,
      args: [`--capture-port=${capturePort}`]
    })
    const window = await app.waitFor(async () => (await app.state()).windows[0], 'the main window')
    appFrame = { url: window.url ?? '', top: true }
  })

  afterAll(() => {
    app?.kill()
    rmSync(folder, { recursive: true, force: true })
  })

  it('registers an IPC handler for every contract operation, and no other', async () => {
    const { handlers } = await app.state()
    expect([...handlers].sort()).toEqual(operationNames.map(ipcChannelFor).sort())
  })

  it('refuses a call from a foreign page or from a frame inside the app', async () => {
    const channel = ipcChannelFor('library.stats')
    for (const frame of [
      { url: 'https://evil.example/', top: true },
      { url: 'file:///tmp/evil.html', top: true },
      { ...appFrame, top: false },
      null
    ]) {
      expect(await app.call(channel, frame, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' }
      })
    }
  })

  it('answers a trusted call from the engine process, with the numbers of the real library', async () => {
    expect(await app.call(ipcChannelFor('library.stats'), appFrame, {})).toMatchObject({
      ok: true,
      value: { articles: 1, assets: 1 }
    })
    const { utilityProcesses } = await app.state()
    expect(utilityProcesses).toHaveLength(1)
    expect(utilityProcesses[0].modulePath).toBe(builtEngine)
    expect(utilityProcesses[0].pid).toBeGreaterThan(0)
  })

  it('returns the engine’s validation error for malformed input', async () => {
    expect(await app.call(ipcChannelFor('articles.get'), appFrame, { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
  })

  it('forwards the engine’s library events to the window', async () => {
    const created = await app.call(ipcChannelFor('tags.create'), appFrame, { name: 'research' })
    expect(created).toMatchObject({ ok: true, value: { name: 'research', created: true } })
    await app.waitFor(
      () =>
        app.reports.find(
          (report) =>
            report.type === 'sent' &&
            report.channel === ipcEventChannel &&
            (report.payload as { type: string }).type === 'tags.changed'
        ),
      'a tags.changed event sent to the window'
    )
  })

  it('saves a page through the engine process, whose extraction workers it finds', async () => {
    const html =
      '<html><head><title>Slow reading</title></head><body><article><h1>Slow reading</h1>' +
      '<p>Reading slowly is a habit worth keeping, one paragraph at a time. '.repeat(20) +
      '</p></article></body></html>'
    const saved = (await app.call(ipcChannelFor('capture.saveHtml'), appFrame, {
      url: 'https://example.com/slow-reading',
      html
    })) as { ok: true; value: { articleId: number } }
    expect(saved).toMatchObject({ ok: true, value: { ok: true } })
    const article = await app.waitFor(async () => {
      const got = (await app.call(ipcChannelFor('articles.get'), appFrame, {
        id: saved.value.articleId
      })) as { ok: true; value: { captureStatus: string; title: string } }
      return got.value.captureStatus === 'pending' ? undefined : got.value
    }, 'the saved page extracted')
    expect(article).toMatchObject({ captureStatus: 'ready', title: 'Slow reading' })
  })

  it('opens the window isolated, sandboxed, without Node and with web security', async () => {
    const { windows } = await app.state()
    expect(windows).toHaveLength(1)
    const preferences = windows[0].options.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false
    })
    expect(preferences.webSecurity).not.toBe(false)
    expect(preferences.nodeIntegrationInSubFrames).toBeFalsy()
    expect(preferences.preload).toMatch(/out[/\\]preload[/\\]index\.cjs$/)
    expect(windows[0].url).toMatch(/^file:.*\/out\/renderer\/index\.html$/)
  })

  it('serves stored images on folio-asset:// through the engine process', async () => {
    const { schemes, protocols } = await app.state()
    expect(protocols).toEqual(['folio-asset'])
    expect(schemes).toEqual([
      expect.objectContaining({ scheme: 'folio-asset', privileges: expect.anything() })
    ])
    const image = await app.fetch(`folio-asset://${imageSha256}`)
    expect(image.status).toBe(200)
    expect(image.contentType).toBe('image/png')
    expect(Buffer.from(image.bytes).equals(imageBytes)).toBe(true)
    expect((await app.fetch(`folio-asset://${'0'.repeat(64)}`)).status).toBe(404)
    expect((await app.fetch('folio-asset://not-a-hash')).status).toBe(404)
  })

  it('runs Browser Capture’s server in the engine process when the menu turns it on', async () => {
    const setupDialog = async (): Promise<{ message: string; detail: string }> => {
      const before = app.reports.length
      await app.click('Browser Capture Setup…')
      const shown = await app.waitFor(
        () => app.reports.slice(before).find((report) => report.type === 'messageBox'),
        'the setup dialog'
      )
      return shown.options
    }
    const off = await setupDialog()
    expect(off.message).toBe('Browser capture is off.')
    const token = /token:\n\n(\S+)\n/.exec(off.detail)?.[1]
    const stats = (): Promise<Response> =>
      fetch(`http://127.0.0.1:${capturePort}/api/library.stats`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}'
      })
    await expect(stats()).rejects.toThrow()

    await app.click('Browser Capture', true)
    const response = await app.waitFor(
      () => stats().catch(() => undefined),
      'the capture server listening'
    )
    expect(await response.json()).toMatchObject({ ok: true, value: { assets: 1 } })
    expect((await setupDialog()).message).toBe(
      `Browser capture is on, at http://127.0.0.1:${capturePort}.`
    )
  })

  it('keeps the database out of the main process, and electron out of the engine', () => {
    expect(readFileSync(builtMain, 'utf8')).not.toMatch(/better-sqlite3/)
    expect(readFileSync(builtEngine, 'utf8')).not.toMatch(/["']electron["']/)
  })

  it('quits cleanly: the engine closes the library and both processes end', async () => {
    const { utilityProcesses } = await app.state()
    const enginePid = utilityProcesses[0].pid as number
    expect(await app.quit()).toBe(0)
    expect(() => process.kill(enginePid, 0)).toThrow()
    expect(app.reports.filter((report) => report.type === 'dialog')).toEqual([])
  })
})

describe('the built desktop app when something goes wrong', () => {
  const tempDir = useTempDirs()
  const launched: BuiltApp[] = []
  afterEach(() => launched.splice(0).forEach((app) => app.kill()))

  function launch(libraryDir: string, args: string[] = []): BuiltApp {
    const app = launchBuiltApp({ libraryDir, userDataDir: tempDir(), args })
    launched.push(app)
    return app
  }

  function dialogTitled(app: BuiltApp, title: string): Promise<{ content: string }> {
    return app.waitFor(() => {
      for (const report of app.reports) {
        if (report.type === 'dialog' && report.title === title) return report
      }
      return undefined
    }, `the dialog "${title}"`)
  }

  it('shows a library that cannot open in a dialog, then quits', async () => {
    const notAFolder = join(tempDir(), 'library')
    writeFileSync(notAFolder, 'not a library')
    const app = launch(notAFolder)
    await dialogTitled(app, 'Folio cannot open its library')
    expect(await app.exited).toBe(0)
  })

  it('says so when the engine process dies, and answers calls with engine_unavailable', async () => {
    const app = launch(join(tempDir(), 'library'))
    const window = await app.waitFor(async () => (await app.state()).windows[0], 'the window')
    const { utilityProcesses } = await app.state()
    process.kill(utilityProcesses[0].pid as number, 'SIGKILL')
    await dialogTitled(app, 'Folio’s engine stopped')
    const frame = { url: window.url ?? '', top: true }
    expect(await app.call(ipcChannelFor('library.stats'), frame, {})).toMatchObject({
      ok: false,
      error: { code: 'engine_unavailable' }
    })
  })

  it('shows why Browser Capture could not start when its port is taken', async () => {
    const libraryDir = join(tempDir(), 'library')
    const library = openLibrary(libraryDir)
    setBrowserCaptureSettings(library.db, { enabled: true })
    library.close()
    const port = await freePort()
    const taken: Server = createServer()
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve))
    try {
      const app = launch(libraryDir, [`--capture-port=${port}`])
      const shown = await dialogTitled(app, 'Browser capture could not start')
      expect(shown.content).toContain(`127.0.0.1:${port}`)
      const menu = await app.waitFor(async () => {
        const items = (await app.state()).menu
        return items.length > 0 ? items : undefined
      }, 'the menu')
      expect(menu.find((item) => item.label === 'Browser Capture')?.checked).toBe(false)
    } finally {
      taken.close()
    }
  })
})

describe('the built preload, loaded as a sandboxed renderer loads it', () => {
  it('exposes exactly the contract’s operations, onEvent and resolveAssets as window.folio', () => {
    assertBuilt()
    const { exposed } = loadBuiltPreload()
    expect(exposed.map(({ key }) => key)).toEqual(['folio'])
    const api = exposed[0].api
    expect(Object.keys(api).sort()).toEqual([...operationNames, 'onEvent', 'resolveAssets'].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('sends each operation on its own channel, with the input untouched', async () => {
    const preload = loadBuiltPreload()
    const api = preload.exposed[0].api as Record<string, (input: unknown) => Promise<unknown>>
    for (const name of operationNames) await api[name]({ probe: name })
    expect(preload.invoked).toEqual(
      operationNames.map((name) => ({ channel: ipcChannelFor(name), input: { probe: name } }))
    )
  })
})
