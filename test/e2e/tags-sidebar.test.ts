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

  it('completes a name from the library in the tag editor, and creates a new tag on Enter', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Notes on glaciers', 5)),
      '/b': htmlRoute(articlePage('Notes on deserts', 5))
    })
    try {
      const [glaciers, deserts] = await library.save(['/a', '/b'])
      await library.call('articles.tag', { ids: [deserts], add: ['climate/ice', 'climate/heat'] })
      await library.call('articles.tag', { ids: [glaciers], add: ['climate/heat'] })
      const page = await library.open(browser())
      await page.locator('.row-title', { hasText: 'Notes on glaciers' }).click()
      await page.locator('.list-pane').focus()
      await page.keyboard.press('t')
      const field = page.getByRole('combobox', { name: /Tags, separated by commas/ })
      await field.pressSequentially('ic')
      // The article's own tags are not offered again.
      const options = page.getByRole('listbox').getByRole('option')
      await expect
        .poll(() => options.allInnerTexts())
        .toEqual([expect.stringMatching(/^#ice in climate/)])
      await field.press('ArrowDown')
      await field.press('Enter')
      expect(await field.inputValue()).toBe('climate/ice, ')
      await field.pressSequentially('moraines')
      await field.press('Enter')

      await expect
        .poll(async () =>
          (await library.call<{ tags: string[] }>('articles.get', { id: glaciers })).tags.sort()
        )
        .toEqual(['climate/heat', 'climate/ice', 'moraines'])
      await expect
        .poll(() => page.getByRole('list', { name: 'Tags' }).locator('.nav-item').allInnerTexts())
        .toEqual(['#climate\n2', '#heat\n2', '#ice\n2', '#moraines\n1'])
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
      await page.getByRole('combobox', { name: /Tags, separated by commas/ }).fill('places/lakes')
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
