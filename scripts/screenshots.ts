/**
 * Screenshots of the library and the reader (light and dark, an English and a Chinese article)
 * into `screenshots/`: saves real pages from ../shared/corpus through a local fixture server into
 * a temp library, serves it with `folio serve` and drives Chromium. `npm run build` first.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../test/helpers/browser'
import { corpusPage } from '../test/helpers/corpus'
import { startFixtureServer } from '../test/helpers/http-server'
import type { FixtureResponse } from '../test/helpers/http-server'
import { serveLibrary } from '../test/helpers/serve'
import type { ServedLibrary } from '../test/helpers/serve'

const outputDir = join(process.cwd(), 'screenshots')

const english = [
  'ars-1',
  'bbc-1',
  'nytimes-1',
  'guardian-1',
  'quanta-1',
  'lwn-1',
  'mozilla-1',
  'rtl-1'
]
const chinese = ['zh-gne/html/163/1.html.gz', 'zh-gne/html/guancha/2.html.gz']

/**
 * `folio serve` runs with FOLIO_NETWORK=loopback (test/helpers/serve.ts): every host name resolves
 * to this machine, so each page is saved from its real site's name and the list looks lived in.
 */
const hosts: Record<string, string> = {
  'ars-1': 'arstechnica.com',
  'bbc-1': 'www.bbc.com',
  'nytimes-1': 'www.nytimes.com',
  'guardian-1': 'www.theguardian.com',
  'quanta-1': 'www.quantamagazine.org',
  'lwn-1': 'lwn.net',
  'mozilla-1': 'www.mozilla.org',
  'rtl-1': 'www.aljazeera.net',
  '163': 'www.163.com',
  guancha: 'www.guancha.cn'
}

function html(body: Buffer): FixtureResponse {
  return { headers: { 'content-type': 'text/html; charset=utf-8' }, body }
}

async function call<T>(served: ServedLibrary, name: string, input: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${served.port}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
    body: JSON.stringify(input)
  })
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`)
  return result.value
}

async function waitForCaptures(served: ServedLibrary): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const jobs = await call<{ status: string }[]>(served, 'jobs.list', {})
    if (jobs.every((job) => job.status !== 'queued' && job.status !== 'running')) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('The captures did not finish within a minute.')
}

async function shoot(
  browser: Browser,
  served: ServedLibrary,
  name: string,
  options: {
    dark: boolean
    width: number
    height: number
    open?: RegExp
    /** Brings up a panel before the picture is taken. */
    then?: (page: Page) => Promise<void>
  }
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    colorScheme: options.dark ? 'dark' : 'light'
  })
  const page: Page = await context.newPage()
  await page.goto(served.url)
  await page.getByRole('button', { name: 'All articles' }).click()
  await page.locator('.article-row').first().waitFor()
  if (options.open) {
    await page.locator('.row-open', { hasText: options.open }).first().click()
    await page.frameLocator('iframe.reader-frame').locator('body').waitFor()
    await page.waitForTimeout(600)
  }
  await options.then?.(page)
  await page.screenshot({ path: join(outputDir, `${name}.png`) })
  await context.close()
  console.log(`screenshots/${name}.png`)
}

/** A few highlights of each colour over the article's first paragraphs, one with a note. */
async function addHighlights(served: ServedLibrary, id: number): Promise<void> {
  const { text } = await call<{ text: string }>(served, 'articles.get', { id, content: 'text' })
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple']
  let at = text.indexOf('\n\n') + 2
  for (const [index, color] of colors.entries()) {
    const end = Math.min(text.length, at + 40 + index * 12)
    await call(served, 'highlights.create', {
      articleId: id,
      start: at,
      end,
      color,
      note: index === 1 ? 'Worth quoting in the **review**.' : undefined
    })
    at = text.indexOf('\n\n', end) + 2
    if (at < 2) break
  }
}

/** The reader with highlights and the side panel, and the Highlights view, in one theme. */
async function shootHighlights(
  browser: Browser,
  served: ServedLibrary,
  dark: boolean,
  articles: Record<'en' | 'zh', RegExp>
): Promise<void> {
  const theme = dark ? 'dark' : 'light'
  for (const lang of ['en', 'zh'] as const) {
    await shoot(browser, served, `highlights-${lang}-${theme}`, {
      dark,
      width: 1280,
      height: 800,
      open: articles[lang],
      then: async (page) => {
        await page
          .getByRole('toolbar', { name: 'Article' })
          .getByRole('button', { name: 'Highlights' })
          .click()
        await page.keyboard.press(']')
        await page.waitForTimeout(300)
      }
    })
  }
  await shoot(browser, served, `highlights-view-${theme}`, {
    dark,
    width: 1280,
    height: 800,
    then: async (page) => {
      await page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: 'Highlights' })
        .click()
      await page.locator('.highlights-view-list').waitFor()
    }
  })
}

/** Selects the first two rows and holds them, mid-drag, over the tag: the picture is taken then. */
async function dragSelectionOverTag(page: Page, tag: string): Promise<void> {
  const rows = page.locator('.article-row')
  await rows.nth(0).locator('input[type=checkbox]').check()
  await rows.nth(1).locator('input[type=checkbox]').check()
  const from = await rows.nth(1).boundingBox()
  const to = await page.locator(`.tag-item > .nav-item[title="${tag}"]`).boundingBox()
  if (!from || !to) throw new Error(`The second row or the tag ${tag} is not on screen.`)
  await page.mouse.move(from.x + 120, from.y + 40)
  await page.mouse.down()
  await page.mouse.move(from.x + 140, from.y + 40, { steps: 4 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
  await page.locator('.tag-item[data-drop-target]').waitFor()
}

/** The tree's "Merge into…" on `tag`, with `typed` in the field. */
async function openMergeDialog(page: Page, tag: string, typed: string): Promise<void> {
  await page.locator(`.tag-item:has(> .nav-item[title="${tag}"])`).hover()
  await page.getByRole('button', { name: `Merge tag ${tag} into…`, exact: true }).click()
  await page.getByRole('combobox', { name: /Merge into/ }).fill(typed)
  await page.waitForTimeout(200)
}

/** The tree's delete confirmation for `tag`. */
async function openDeleteDialog(page: Page, tag: string): Promise<void> {
  await page.locator(`.tag-item:has(> .nav-item[title="${tag}"])`).hover()
  await page.getByRole('button', { name: `Delete tag ${tag}`, exact: true }).click()
  await page.getByRole('dialog', { name: 'Delete tag' }).waitFor()
}

async function main(): Promise<void> {
  const routes: Record<string, FixtureResponse> = {}
  for (const name of english) {
    routes[`/${name}`] = html(corpusPage(`readability-testpages/pages/${name}/source.html.gz`))
  }
  for (const path of chinese) routes[`/${path.split('/')[2]}`] = html(corpusPage(path))
  const site = await startFixtureServer(routes)
  const libraryDir = mkdtempSync(join(tmpdir(), 'folio-screens-'))
  const served = await serveLibrary(libraryDir)
  const browser = await launchChromium()
  try {
    mkdirSync(outputDir, { recursive: true })
    await call(served, 'capture.save', {
      inputs: Object.keys(routes).map((path) => {
        const url = new URL(site.url(path))
        url.hostname = hosts[path.slice(1)] ?? url.hostname
        return url.href
      }),
      tags: []
    })
    await waitForCaptures(served)
    const list = await call<{ items: { id: number; title: string; url: string }[] }>(
      served,
      'articles.list',
      { limit: 100 }
    )
    const byPath = (path: string): { id: number; title: string } =>
      list.items.find((item) => new URL(item.url).pathname === path) ?? list.items[0]
    const englishArticle = byPath('/ars-1')
    const chineseArticle = byPath('/163')
    await call(served, 'articles.tag', { ids: [englishArticle.id], add: ['tech/security'] })
    await call(served, 'articles.tag', { ids: [chineseArticle.id], add: ['中文', 'news'] })
    await call(served, 'articles.tag', {
      ids: [byPath('/quanta-1').id, byPath('/lwn-1').id],
      add: ['research/physics']
    })
    await call(served, 'articles.tag', { ids: [byPath('/mozilla-1').id], add: ['research/web'] })
    await call(served, 'articles.tag', { ids: [byPath('/guardian-1').id], add: ['reading-list'] })
    await call(served, 'articles.update', {
      changes: [{ id: byPath('/bbc-1').id, favorite: true, state: 'read' }]
    })
    const title = (article: { title: string }): RegExp =>
      new RegExp(article.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    await addHighlights(served, englishArticle.id)
    await addHighlights(served, chineseArticle.id)
    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light'
      await shootHighlights(browser, served, dark, {
        en: title(englishArticle),
        zh: title(chineseArticle)
      })
      await shoot(browser, served, `library-${theme}`, { dark, width: 1280, height: 800 })
      await shoot(browser, served, `reader-en-${theme}`, {
        dark,
        width: 1280,
        height: 800,
        open: title(englishArticle)
      })
      await shoot(browser, served, `reader-zh-${theme}`, {
        dark,
        width: 1280,
        height: 800,
        open: title(chineseArticle)
      })
      // The narrowest and the widest windows people read in, with Chinese text.
      for (const width of [800, 1920]) {
        await shoot(browser, served, `reader-zh-${theme}-${width}`, {
          dark,
          width,
          height: width === 800 ? 700 : 1080,
          open: title(chineseArticle)
        })
      }
    }
    await shoot(browser, served, 'reader-rtl-light', {
      dark: false,
      width: 1280,
      height: 800,
      open: title(byPath('/rtl-1'))
    })
    await shoot(browser, served, 'reader-settings', {
      dark: false,
      width: 1280,
      height: 800,
      open: title(englishArticle),
      then: async (page) => {
        await page.getByRole('button', { name: 'Reading settings' }).click()
        await page.getByRole('radio', { name: 'Sepia' }).check({ force: true })
        await page.waitForTimeout(300)
      }
    })
    await shoot(browser, served, 'shortcuts-dark', {
      dark: true,
      width: 1280,
      height: 800,
      then: async (page) => {
        await page.keyboard.press('?')
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
      }
    })
    await shoot(browser, served, 'tag-drag-light', {
      dark: false,
      width: 1280,
      height: 800,
      then: (page) => dragSelectionOverTag(page, 'research/physics')
    })
    await shoot(browser, served, 'tag-drag-dark', {
      dark: true,
      width: 1280,
      height: 800,
      then: (page) => dragSelectionOverTag(page, 'reading-list')
    })
    await shoot(browser, served, 'tag-merge-light', {
      dark: false,
      width: 1280,
      height: 800,
      then: (page) => openMergeDialog(page, 'research/web', 'res')
    })
    await shoot(browser, served, 'tag-merge-dark', {
      dark: true,
      width: 1280,
      height: 800,
      then: (page) => openMergeDialog(page, 'reading-list', 'research/physics')
    })
    await shoot(browser, served, 'tag-delete-dark', {
      dark: true,
      width: 1280,
      height: 800,
      then: (page) => openDeleteDialog(page, 'research')
    })
    await shoot(browser, served, 'tag-delete-light', {
      dark: false,
      width: 1280,
      height: 800,
      then: (page) => openDeleteDialog(page, 'news')
    })
    await shoot(browser, served, 'tag-editor-light', {
      dark: false,
      width: 1280,
      height: 800,
      then: async (page) => {
        await page.locator('.list-pane').focus()
        await page.keyboard.press('t')
        await page.getByRole('combobox', { name: /Tags, separated by commas/ }).fill('news, res')
        await page.waitForTimeout(300)
      }
    })
    await shoot(browser, served, 'reader-en-light-1920', {
      dark: false,
      width: 1920,
      height: 1080,
      open: title(englishArticle)
    })
    // Last: it saves more pages into the library.
    await shoot(browser, served, 'add-panel', {
      dark: true,
      width: 1280,
      height: 800,
      then: async (page) => {
        await page.keyboard.press('n')
        await page
          .getByLabel(/Web addresses/)
          .fill(`${site.url('/missing')}\n${site.url('/ars-1')}`)
        await page.getByRole('button', { name: /^Save/ }).click()
        await page.locator('.capture-error').waitFor({ timeout: 45_000 })
        await page.locator('.capture-item', { hasText: 'Saved' }).waitFor({ timeout: 20_000 })
        // The list refreshes a moment after the capture's last event.
        await page.waitForTimeout(800)
      }
    })
  } finally {
    await browser.close()
    await served.stop()
    await site.close()
    rmSync(libraryDir, { recursive: true, force: true })
  }
}

await main()
