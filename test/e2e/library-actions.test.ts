import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'
import type { UiLibrary } from './ui-library'

const titles = ['Alpha on tides', 'Bravo on birds', 'Charlie on clouds']

describe('acting on articles in the library', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  /** Three saved articles, oldest first, so the Inbox lists them Charlie, Bravo, Alpha. */
  async function withLibrary(test: (library: UiLibrary, page: Page) => Promise<void>) {
    const routes = Object.fromEntries(
      titles.map((title, index) => [`/${index}`, htmlRoute(articlePage(title, 8))])
    )
    const library = await startUiLibrary(tempDir(), routes)
    try {
      for (const path of Object.keys(routes)) await library.save([path])
      const page = await library.open(browser())
      await page.locator('.row-title').first().waitFor()
      await test(library, page)
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  }

  const rowTitles = (page: Page): Promise<string[]> =>
    page.locator('.virtual-row .row-title').allTextContents()

  it('moves through the list with j and k, opens with Enter and returns with u', async () => {
    await withLibrary(async (_library, page) => {
      expect(await rowTitles(page)).toEqual([...titles].reverse())
      await page.locator('.list-pane').focus()
      await page.keyboard.press('j')
      await page.keyboard.press('j')
      await page.keyboard.press('k')
      await expect(
        page.locator('.article-row[data-active] .row-title').textContent()
      ).resolves.toBe('Bravo on birds')
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 1, name: 'Bravo on birds' }).waitFor()
      await page.frameLocator('iframe.reader-frame').getByText(/^8\. /).waitFor()
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('reader-scroll')
      // In the reader, j opens the next article.
      await page.keyboard.press('j')
      await page.getByRole('heading', { level: 1, name: 'Alpha on tides' }).waitFor()
      await page.keyboard.press('u')
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('list-pane')
    })
  })

  it('archives a selection in bulk, and Undo puts each article back in the Inbox', async () => {
    await withLibrary(async (library, page) => {
      await page
        .locator('.row-open', { hasText: 'Charlie on clouds' })
        .click({ modifiers: ['Control'] })
      await page
        .locator('.row-open', { hasText: 'Alpha on tides' })
        .click({ modifiers: ['Control'] })
      const bulkBar = page.getByRole('toolbar', { name: 'Selected articles' })
      await bulkBar.getByText('2 selected').waitFor()
      await bulkBar.getByRole('button', { name: 'Archive' }).click()
      await expect.poll(() => rowTitles(page)).toEqual(['Bravo on birds'])
      const states = async (): Promise<string[]> =>
        (
          await library.call<{ items: { title: string; state: string }[] }>('articles.list', {
            sort: 'title',
            order: 'asc'
          })
        ).items.map((item) => `${item.title}: ${item.state}`)
      expect(await states()).toEqual([
        'Alpha on tides: archived',
        'Bravo on birds: unread',
        'Charlie on clouds: archived'
      ])
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => rowTitles(page)).toEqual([...titles].reverse())
      expect(await states()).toEqual([
        'Alpha on tides: unread',
        'Bravo on birds: unread',
        'Charlie on clouds: unread'
      ])
    })
  })

  it('hides a deleted article at once and keeps it when the delete is undone', async () => {
    await withLibrary(async (library, page) => {
      await page.locator('.row-open', { hasText: 'Bravo on birds' }).click()
      await page.getByRole('heading', { level: 1, name: 'Bravo on birds' }).waitFor()
      await page.keyboard.press('Shift+D')
      await expect.poll(() => rowTitles(page)).toEqual(['Charlie on clouds', 'Alpha on tides'])
      await page
        .getByRole('status')
        .getByText(/Deleted “Bravo on birds”/)
        .waitFor()
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => rowTitles(page)).toEqual([...titles].reverse())
      // Past the 8-second undo window, nothing was deleted.
      await page.waitForTimeout(8500)
      const { total } = await library.call<{ total: number }>('articles.list', {})
      expect(total).toBe(3)
    })
  })

  it('deletes the article once the undo window has passed', async () => {
    await withLibrary(async (library, page) => {
      await page
        .locator('.row-open', { hasText: 'Alpha on tides' })
        .click({ modifiers: ['Control'] })
      await page.keyboard.press('Shift+D')
      await expect.poll(() => rowTitles(page)).toEqual(['Charlie on clouds', 'Bravo on birds'])
      expect((await library.call<{ total: number }>('articles.list', {})).total).toBe(3)
      await expect
        .poll(async () => (await library.call<{ total: number }>('articles.list', {})).total, {
          timeout: 12_000
        })
        .toBe(2)
      await expect.poll(() => rowTitles(page)).toEqual(['Charlie on clouds', 'Bravo on birds'])
    })
  })

  it('selects a range with shift-click, and Mark read changes each article in it', async () => {
    await withLibrary(async (library, page) => {
      await page.locator('.row-check').first().click({ force: true })
      await page.locator('.row-open', { hasText: 'Alpha on tides' }).click({ modifiers: ['Shift'] })
      const bulkBar = page.getByRole('toolbar', { name: 'Selected articles' })
      await bulkBar.getByText('3 selected').waitFor()
      await bulkBar.getByRole('button', { name: 'Mark read' }).click()
      await expect.poll(() => rowTitles(page)).toEqual([])
      const { items } = await library.call<{ items: { state: string }[] }>('articles.list', {})
      expect(items.map((item) => item.state)).toEqual(['read', 'read', 'read'])
    })
  })
})
