import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../src/shared/events'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

/**
 * Opens the interface with its event stream in the test's hands. The desktop app's menu sends
 * `{ type: 'menu.command', command }` down the event channel the renderer already listens to
 * (IPC in Electron, `GET /api/events` here); `folio serve` has no menu, so the test answers the
 * renderer's event-stream request itself, once, with the event the menu item sends. Everything
 * after that is the renderer's own path: the HTTP client's stream reader, `api.onEvent`, the
 * command table.
 */
async function openWithMenu(
  browser: Browser,
  url: string
): Promise<{ page: Page; send(command: MenuCommand): void }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  let send: (command: MenuCommand) => void = () => {}
  const sent = new Promise<MenuCommand>((resolve) => (send = resolve))
  await page.route('**/api/events', async (route) => {
    const command = await sent
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: `data: ${JSON.stringify({ type: 'menu.command', command })}\n\n`
    })
  })
  await page.goto(url)
  await page.locator('.row-title').first().waitFor()
  return { page, send }
}

describe('the desktop menu’s commands', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('File → Add URL…, File → Search and Help → Keyboard Shortcuts each run their command', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/herons': htmlRoute(articlePage('Herons of the estuary', 6)),
      '/kettles': htmlRoute(articlePage('A history of kettles', 6))
    })
    const problems: string[] = []
    try {
      await library.save(['/herons', '/kettles'])

      const add = await openWithMenu(browser(), library.served.url)
      add.page.on('pageerror', (error) => problems.push(error.message))
      add.send('add')
      const panel = add.page.getByRole('dialog', { name: 'Add articles' })
      await panel.waitFor()
      await expect.poll(() => add.page.evaluate(() => document.activeElement?.id)).toBe('add-urls')

      const search = await openWithMenu(browser(), library.served.url)
      search.page.on('pageerror', (error) => problems.push(error.message))
      search.send('search')
      const field = search.page.getByRole('searchbox', { name: 'Search' })
      await expect
        .poll(() => field.evaluate((input) => input === document.activeElement))
        .toBe(true)
      await search.page.keyboard.type('kettles')
      await expect
        .poll(() =>
          search.page
            .getByRole('list', { name: 'Search results' })
            .locator('.row-title')
            .allTextContents()
        )
        .toEqual(['A history of kettles'])

      const shortcuts = await openWithMenu(browser(), library.served.url)
      shortcuts.page.on('pageerror', (error) => problems.push(error.message))
      shortcuts.send('shortcuts')
      const list = shortcuts.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await list.waitFor()
      expect(await list.locator('[data-command="add"]').textContent()).toBe('nAdd articles')

      expect(problems).toEqual([])
      for (const { page } of [add, search, shortcuts]) await page.close()
    } finally {
      await library.close()
    }
  })

  it('names each key once: the ? list and the reader’s tooltips read the same table', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/herons': htmlRoute(articlePage('Herons of the estuary', 6))
    })
    try {
      await library.save(['/herons'])
      const page = await library.open(browser())
      await page.locator('.row-title').first().waitFor()
      // Hints elsewhere name commands and take their keys from the table too.
      expect(await page.locator('.reader-hint').textContent()).toBe(
        'j k to move, Enter to open, ? for every shortcut'
      )
      expect(await page.locator('.sidebar-note').first().textContent()).toBe(
        'No tags yet. Press t on an article to tag it.'
      )
      await page.keyboard.press('?')
      const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      const deleteRow = list.locator('[data-command="delete"]')
      expect(await deleteRow.locator('kbd').allTextContents()).toEqual(['Shift+D'])
      expect(await deleteRow.locator('dd').textContent()).toBe('Delete')
      expect(await list.locator('[data-command="next"] kbd').allTextContents()).toEqual(['j', '↓'])
      await list.getByRole('button', { name: 'Close' }).click()

      await page.keyboard.press('Enter')
      const toolbar = page.getByRole('toolbar', { name: 'Article' })
      await toolbar.waitFor()
      expect(await toolbar.getByRole('button', { name: 'Delete' }).getAttribute('title')).toBe(
        'Delete (Shift+D)'
      )
      expect(await toolbar.getByRole('button', { name: '← List' }).getAttribute('title')).toBe(
        'Back to the list (u)'
      )
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })
})
