import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

describe('searching from the list', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('lists the articles matching what is typed after /, with the words marked, and opens one', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/herons': htmlRoute(
        articlePage('Herons of the estuary', 6).replace('<p>1.', '<p>1. Grey herons wade.')
      ),
      '/kettles': htmlRoute(articlePage('A history of kettles', 6))
    })
    try {
      await library.save(['/herons', '/kettles'])
      const page = await library.open(browser())
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

  it('shows the filters of a search as chips, and removing one widens the results', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/herons': htmlRoute(articlePage('Herons of the estuary', 6)),
      '/kettles': htmlRoute(articlePage('A history of kettles', 6))
    })
    try {
      const [herons] = await library.save(['/herons', '/kettles'])
      await library.call('articles.update', { changes: [{ id: herons, state: 'archived' }] })
      const page = await library.open(browser())
      await page.locator('.row-title').first().waitFor()
      await page.getByRole('searchbox', { name: 'Search' }).fill('saved is:archived')
      const results = page.getByRole('list', { name: 'Search results' })
      await expect
        .poll(() => results.locator('.row-title').allTextContents())
        .toEqual(['Herons of the estuary'])
      const chips = page.getByRole('list', { name: 'Search filters' })
      expect(await chips.getByRole('listitem').allTextContents()).toEqual(['Only: archived×'])
      await page.getByRole('button', { name: 'Remove filter Only: archived' }).click()
      await expect
        .poll(() => page.getByRole('searchbox', { name: 'Search' }).inputValue())
        .toBe('saved')
      await expect.poll(() => results.locator('.row-title').count()).toBe(2)
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })
})
