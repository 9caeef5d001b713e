import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'
import type { UiLibrary } from './ui-library'

describe('the reader', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  async function withArticle(test: (library: UiLibrary) => Promise<void>): Promise<void> {
    const library = await startUiLibrary(tempDir(), {
      '/long': htmlRoute(articlePage('A long read for the evening', 60))
    })
    try {
      await library.save(['/long'])
      await test(library)
    } finally {
      await library.close()
    }
  }

  async function openArticle(page: Page): Promise<void> {
    await page.locator('.row-title', { hasText: 'A long read for the evening' }).click()
    await page
      .frameLocator('iframe.reader-frame')
      .getByText(/^60\. /)
      .waitFor()
  }

  function readerBody(page: Page) {
    return page.frameLocator('iframe.reader-frame').locator('body')
  }

  it('keeps the chosen theme and text size after a reload', async () => {
    await withArticle(async (library) => {
      const page = await library.open(browser())
      await openArticle(page)
      await page.getByRole('button', { name: 'Reading settings' }).click()
      await page.getByRole('radio', { name: 'Sepia' }).check({ force: true })
      const size = page.getByRole('slider', { name: 'Text size' })
      await size.focus()
      for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight')
      await expect
        .poll(() => readerBody(page).evaluate((body) => getComputedStyle(body).fontSize))
        .toBe('22px')

      await page.reload()
      await openArticle(page)
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia')
      await expect
        .poll(() => readerBody(page).evaluate((body) => getComputedStyle(body).fontSize))
        .toBe('22px')
      const background = await readerBody(page).evaluate(
        (body) => getComputedStyle(body.ownerDocument.documentElement).backgroundColor
      )
      expect(background).toBe('rgb(244, 236, 216)')
    })
  })

  it('returns to the saved reading position after a reload', async () => {
    await withArticle(async (library) => {
      const page = await library.open(browser())
      await openArticle(page)
      const scroller = page.locator('.reader-scroll')
      await expect
        .poll(() => scroller.evaluate((element) => element.scrollHeight / element.clientHeight))
        .toBeGreaterThan(4)
      // A wheel is how a reader scrolls; it also ends the restore window at once.
      await scroller.hover()
      await page.mouse.wheel(0, 100)
      // Let the wheel's smooth scroll finish before jumping, or it carries on past the middle.
      await page.waitForTimeout(400)
      await scroller.evaluate((element) => {
        element.scrollTop = (element.scrollHeight - element.clientHeight) / 2
      })
      const [id] = await library
        .call<{ items: { id: number }[] }>('articles.list', {})
        .then((page) => page.items.map((item) => item.id))
      await expect
        .poll(async () => {
          const article = await library.call<{ readingProgress: number }>('articles.get', { id })
          return Math.round(article.readingProgress * 100)
        })
        .toBe(50)

      await page.reload()
      await openArticle(page)
      await expect
        .poll(() =>
          scroller.evaluate(
            (element) => element.scrollTop / (element.scrollHeight - element.clientHeight)
          )
        )
        .toBeCloseTo(0.5, 1)
    })
  })

  it('names the site once when the site is also the author', async () => {
    const html = articlePage('Our own annual report', 5).replace(
      '</head>',
      '<meta property="og:site_name" content="Example Trust"><meta name="author" content="Example Trust"></head>'
    )
    const library = await startUiLibrary(tempDir(), { '/report': htmlRoute(html) })
    try {
      await library.save(['/report'])
      const page = await library.open(browser())
      await page.locator('.row-title', { hasText: 'Our own annual report' }).click()
      await expect.poll(() => page.locator('.reader-site').textContent()).toBe('Example Trust')
      await expect.poll(() => page.locator('.reader-meta').textContent()).toContain('min read')
      expect(await page.locator('.reader-meta').textContent()).not.toContain('Example Trust')
    } finally {
      await library.close()
    }
  })

  it('shows the day the page printed as its date, in any time zone', async () => {
    const html = articlePage('Printed on the fifth', 5).replace(
      '</head>',
      '<meta property="article:published_time" content="2024-03-05"></head>'
    )
    const library = await startUiLibrary(tempDir(), { '/dated': htmlRoute(html) })
    try {
      await library.save(['/dated'])
      // West of Greenwich, UTC midnight of the 5th is still the 4th.
      const page = await library.open(browser(), { timezoneId: 'America/Los_Angeles' })
      await page.locator('.row-title', { hasText: 'Printed on the fifth' }).click()
      await expect.poll(() => page.locator('.reader-meta').textContent()).toContain('March 5, 2024')
    } finally {
      await library.close()
    }
  })
})
