import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

describe('saving pages from the Add box', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('shows each pasted address being saved until it is in the list', async () => {
    const library = await startUiLibrary(tempDir(), {
      // A slow answer keeps the capture visibly under way for a moment.
      '/first': { ...htmlRoute(articlePage('The first saved page', 6)), delayMs: 600 },
      '/second': htmlRoute(articlePage('The second saved page', 6))
    })
    try {
      const page = await library.open(browser())
      await page.getByRole('button', { name: 'Add your first article' }).click()
      await page
        .getByLabel(/Web addresses/)
        .fill(`${library.site.url('/first')}\n${library.site.url('/second')}`)
      await page.getByRole('button', { name: /^Save/ }).click()
      const captures = page.getByRole('list', { name: 'Captures' }).getByRole('listitem')
      await expect.poll(() => captures.count()).toBe(2)
      // The slow page is seen under way before it completes.
      await captures
        .filter({ hasText: /Downloading|Waiting to save|Extracting/ })
        .first()
        .waitFor()
      await expect
        .poll(() => captures.filter({ hasText: 'Saved' }).count(), { timeout: 20_000 })
        .toBe(2)
      await page.getByRole('button', { name: 'Close' }).click()
      const list = page.getByRole('list', { name: 'Articles' })
      await list.locator('.row-title', { hasText: 'The first saved page' }).waitFor()
      await list.locator('.row-title', { hasText: 'The second saved page' }).waitFor()
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('lists a failed capture with its reason, and Retry saves it once the page is back', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/gone': { status: 404, body: 'Not here' }
    })
    try {
      const page = await library.open(browser())
      await page.keyboard.press('n')
      await page.getByLabel(/Web addresses/).fill(library.site.url('/gone'))
      await page.getByRole('button', { name: /^Save/ }).click()
      const capture = page.getByRole('list', { name: 'Captures' }).getByRole('listitem')
      await capture.locator('.capture-error').waitFor({ timeout: 20_000 })
      expect(await capture.locator('.capture-error').textContent()).toMatch(/404|not found/i)

      library.site.route('/gone', htmlRoute(articlePage('Back again', 5)))
      await capture.getByRole('button', { name: 'Retry' }).click()
      await capture.getByText('Saved').waitFor({ timeout: 20_000 })
      await page.getByRole('button', { name: 'Close' }).click()
      await page
        .getByRole('list', { name: 'Articles' })
        .locator('.row-title', { hasText: 'Back again' })
        .waitFor()
    } finally {
      await library.close()
    }
  })
})
