import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

describe('tags in the sidebar', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('lists the tag tree with counts, and renaming a tag can be undone', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Notes on rivers', 5))
    })
    try {
      const [id] = await library.save(['/a'])
      await library.call('articles.tag', { ids: [id], add: ['research/water'] })
      const page = await library.open(browser())
      const tags = page.getByRole('list', { name: 'Tags' })
      await expect
        .poll(() => tags.locator('.nav-item').allInnerTexts())
        .toEqual(['#research\n1', '#water\n1'])

      await tags.getByRole('button', { name: 'water' }).focus()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await page.getByRole('textbox', { name: /New name/ }).fill('research/rivers')
      await page.keyboard.press('Enter')
      await expect
        .poll(() => tags.locator('.nav-item').allInnerTexts())
        .toEqual(['#research\n1', '#rivers\n1'])

      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
      await expect
        .poll(() => tags.locator('.nav-item').allInnerTexts())
        .toEqual(['#research\n1', '#water\n1'])
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('tags the article under the cursor with t, and shows the tag on its row and in the sidebar', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Notes on lakes', 5))
    })
    try {
      await library.save(['/a'])
      const page = await library.open(browser())
      await page.locator('.row-title', { hasText: 'Notes on lakes' }).waitFor()
      await page.locator('.list-pane').focus()
      await page.keyboard.press('t')
      await page.getByRole('textbox', { name: /Tags, separated by commas/ }).fill('places/lakes')
      await page.keyboard.press('Enter')
      await page.locator('.article-row .tag-chip', { hasText: 'places/lakes' }).waitFor()
      await expect
        .poll(() => page.getByRole('list', { name: 'Tags' }).locator('.nav-item').allInnerTexts())
        .toEqual(['#places\n1', '#lakes\n1'])
    } finally {
      await library.close()
    }
  })
})
