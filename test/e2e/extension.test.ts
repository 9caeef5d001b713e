import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { buildExtension, chromiumManifest } from '../../scripts/build-extension.js'
import { bookmarkletFor } from '../../src/main/server/capture-page'
import { chromiumPath, quietChromiumFlags } from '../helpers/browser'
import { runFolio } from '../helpers/cli'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'
import { serveLibrary } from '../helpers/serve'
import type { ServedLibrary } from '../helpers/serve'
import { useTempDirs } from '../helpers/temp'

/** Text that exists only once the page's script has run: a refetch of the URL never sees it. */
const scriptBuiltWord = 'zephyrlantern'

/** The page as served: an empty shell whose script builds the article. */
const scriptBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Built by script</title></head><body><div id="app"></div><script>
const paragraphs = Array.from({ length: 8 }, (_, index) =>
  '<p>Paragraph ' + (index + 1) + ' of the ${scriptBuiltWord} article, written into the page by ' +
  'its own script after it loaded, the way single-page applications show their articles.</p>')
document.getElementById('app').innerHTML =
  '<article><h1>The script-built article</h1>' + paragraphs.join('') + '</article>'
</script></body></html>`

/** The few globals of the extension's service worker these tests use (no @types/chrome here). */
interface ExtensionWorker {
  chrome: {
    tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> }
    action: {
      getBadgeText(details: { tabId: number }): Promise<string>
      openPopup(): Promise<void>
    }
    storage: { local: { set(items: object): Promise<void> } }
  }
  /** background.js: what the pop-up's Save button and the context menu run. */
  saveTab(tabId: number, tags: string[]): Promise<{ ok: boolean; message?: string }>
}

describe('saving from the browser', () => {
  const tempDir = useTempDirs()
  let context: BrowserContext | undefined
  let served: ServedLibrary | undefined
  let site: FixtureServer | undefined
  let profileDir = ''
  let devtools: Browser | undefined

  afterEach(async () => {
    await devtools?.close()
    devtools = undefined
    await context?.close()
    await served?.stop()
    await site?.close()
  })

  async function start(libraryDir: string, extensionDir?: string): Promise<void> {
    site = await startFixtureServer({
      '/app': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: scriptBuiltPage }
    })
    served = await serveLibrary(libraryDir)
    const extensionArgs = extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : []
    profileDir = tempDir()
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      // The DevTools port (on 127.0.0.1) lets the test reach the toolbar pop-up, below.
      args: ['--headless=new', '--remote-debugging-port=0', ...extensionArgs, ...quietChromiumFlags]
    })
  }

  async function openScriptBuiltPage(): Promise<Page> {
    const page = await context!.newPage()
    await page.goto(site!.url('/app'))
    await page.getByText(`Paragraph 8 of the ${scriptBuiltWord} article`).waitFor()
    return page
  }

  /**
   * Opens the toolbar button's pop-up, as a click on the button does. Headless Chromium has no
   * toolbar to click, but `chrome.action.openPopup()` opens the same pop-up for the active tab;
   * Playwright does not list extension pop-ups among a context's pages, so the test reaches it
   * through a second connection over the DevTools protocol.
   */
  async function openToolbarPopup(worker: Worker): Promise<Page> {
    await worker.evaluate(() =>
      (globalThis as unknown as ExtensionWorker).chrome.action.openPopup()
    )
    const [port] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')
    devtools = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
    let popup: Page | undefined
    await expect
      .poll(() => {
        const pages = devtools!.contexts().flatMap((candidate) => candidate.pages())
        popup = pages.find((page) => page.url().endsWith('/popup.html'))
        return popup !== undefined
      })
      .toBe(true)
    return popup!
  }

  /** The toolbar badge the extension shows on the tab at `url`. */
  function badgeOn(worker: Worker, url: string): Promise<string> {
    return worker.evaluate(async (tabUrl) => {
      const { chrome } = globalThis as unknown as ExtensionWorker
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === tabUrl)
      return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id })
    }, url)
  }

  /** Polls `folio search` until the saved page is found, then returns `folio show` of it. */
  async function findInLibrary(libraryDir: string): Promise<string> {
    let hits: { id: number; title: string }[] = []
    await expect
      .poll(
        async () => {
          const run = await runFolio(['--library', libraryDir, 'search', scriptBuiltWord, '--json'])
          hits = run.code === 0 ? (JSON.parse(run.stdout) as typeof hits) : []
          return hits.length
        },
        { timeout: 20_000, interval: 300 }
      )
      .toBe(1)
    const shown = await runFolio(['--library', libraryDir, 'show', String(hits[0].id)])
    expect(shown.code).toBe(0)
    return shown.stdout
  }

  it('saves a script-built page from the toolbar pop-up, with tags, and folio search finds its text', async () => {
    const libraryDir = tempDir()
    const extensionDir = buildExtension(join(tempDir(), 'extension'), chromiumManifest)
    await start(libraryDir, extensionDir)
    const worker: Worker =
      context!.serviceWorkers()[0] ?? (await context!.waitForEvent('serviceworker'))
    const extensionId = new URL(worker.url()).host

    // Pairing: the options page, as a user would fill it in.
    const options = await context!.newPage()
    await options.goto(`chrome-extension://${extensionId}/options.html`)
    await options.getByLabel('Port').fill(String(served!.port))
    await options.getByLabel('Library token').fill(served!.token)
    await options.getByRole('button', { name: 'Save' }).click()
    await options.getByText('Saved.').waitFor()

    const page = await openScriptBuiltPage()
    await page.bringToFront()
    const popup = await openToolbarPopup(worker)
    await popup.getByLabel(/Tags/).fill('from-browser, research')
    await popup.getByRole('button', { name: 'Save to Folio' }).click()
    await expect.poll(() => badgeOn(worker, site!.url('/app')), { timeout: 20_000 }).toBe('✓')

    const shown = await findInLibrary(libraryDir)
    expect(shown).toContain(`Paragraph 8 of the ${scriptBuiltWord} article`)
    // Folio stored what the browser sent: the page was requested once, by the browser.
    expect(site!.requestsTo('/app')).toHaveLength(1)
    for (const tag of ['from-browser', 'research']) {
      const tagged = await runFolio(['--library', libraryDir, 'search', `tag:${tag}`, '--json'])
      expect(JSON.parse(tagged.stdout)).toHaveLength(1)
    }
  })

  it('shows a failure badge with the reason when the token is wrong (saving as the context menu does)', async () => {
    const libraryDir = tempDir()
    const extensionDir = buildExtension(join(tempDir(), 'extension'), chromiumManifest)
    await start(libraryDir, extensionDir)
    const worker = context!.serviceWorkers()[0] ?? (await context!.waitForEvent('serviceworker'))
    await openScriptBuiltPage()
    const result = await worker.evaluate(
      async ({ port, url }) => {
        const { chrome, saveTab } = globalThis as unknown as ExtensionWorker
        await chrome.storage.local.set({ port, token: 'not-the-token' })
        const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url)
        const saved = await saveTab(tab!.id!, [])
        return { saved, badge: await chrome.action.getBadgeText({ tabId: tab!.id! }) }
      },
      { port: served!.port, url: site!.url('/app') }
    )
    expect(result.saved.ok).toBe(false)
    expect(result.saved.message).toContain('library token')
    expect(result.badge).toBe('!')
  })

  it('saves a script-built page with the bookmarklet, through its pop-up', async () => {
    const libraryDir = tempDir()
    await start(libraryDir)
    const page = await openScriptBuiltPage()
    // The same bookmarklet `folio serve` prints.
    const bookmarklet = bookmarkletFor(served!.port, served!.token)
    const source = decodeURI(bookmarklet.slice('javascript:'.length))
    const popupOpened = page.waitForEvent('popup')
    await page.evaluate(source)
    const popup = await popupOpened
    await popup.getByText('Saved to Folio.').waitFor({ timeout: 20_000 })
    const shown = await findInLibrary(libraryDir)
    expect(shown).toContain(`Paragraph 8 of the ${scriptBuiltWord} article`)
  })
})
