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

  it('folds a parent tag to hide the tags beneath it, and keeps it folded after a reload', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Notes on estuaries', 5))
    })
    try {
      const [id] = await library.save(['/a'])
      await library.call('articles.tag', {
        ids: [id],
        add: ['water/rivers/deltas', 'water/lakes', 'places']
      })
      const page = await library.open(browser())
      const tags = page.getByRole('list', { name: 'Tags' })
      const tree = (): Promise<string[]> => tags.locator('.nav-item').allInnerTexts()
      await expect
        .poll(tree)
        .toEqual(['#places\n1', '#water\n1', '#lakes\n1', '#rivers\n1', '#deltas\n1'])

      const fold = tags.getByRole('button', { name: 'Tags in water', exact: true })
      expect(await fold.getAttribute('aria-expanded')).toBe('true')
      await fold.click()
      await expect.poll(tree).toEqual(['#places\n1', '#water\n1'])
      expect(await fold.getAttribute('aria-expanded')).toBe('false')

      await page.reload()
      await page.locator('.pane-header h1').waitFor()
      await expect.poll(tree).toEqual(['#places\n1', '#water\n1'])
      await tags.getByRole('button', { name: 'Tags in water', exact: true }).click()
      await expect
        .poll(tree)
        .toEqual(['#places\n1', '#water\n1', '#lakes\n1', '#rivers\n1', '#deltas\n1'])
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
