import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

describe('searching from the list', () => {
  const tempDir = useTempDirs()
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('lists the articles matching what is typed after /, with the words marked, and opens one', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/herons': htmlRoute(
        articlePage('Herons of the estuary', 6).replace('<p>1.', '<p>1. Grey herons wade.')
      ),
      '/kettles': htmlRoute(articlePage('A history of kettles', 6))
    })
    try {
      await library.save(['/herons', '/kettles'])
      const page = await library.open(browser)
      await page.locator('.row-title').first().waitFor()
      await page.keyboard.press('/')
      await page.keyboard.type('herons')
      const results = page.getByRole('list', { name: 'Search results' })
      await expect
        .poll(() => results.locator('.row-title').allTextContents())
        .toEqual(['Herons of the estuary'])
      expect(await results.locator('mark').first().textContent()).toMatch(/herons/i)
      await page.keyboard.press('Enter')
      await page.keyboard.press('o')
      await page.getByRole('heading', { level: 1, name: 'Herons of the estuary' }).waitFor()
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })
})
