import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

/** The tag tree as the sidebar shows it: "#label count" per row, in order. */
async function tagTree(page: Page): Promise<string[]> {
  const texts = await page.getByRole('list', { name: 'Tags' }).locator('.nav-item').allInnerTexts()
  return texts.map((text) => text.replace(/\s+/g, ' ').trim())
}

async function renameTag(page: Page, from: string, to: string): Promise<void> {
  // The tree's tools show when the pointer is over the tag.
  await page.locator(`.tag-item:has(.nav-item[title="${from}"])`).hover()
  await page.getByRole('button', { name: `Rename tag ${from}`, exact: true }).click()
  await page.getByRole('textbox', { name: /New name/ }).fill(to)
  await page.keyboard.press('Enter')
}

describe('organising a topic archive with tags', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('tags in the editor and in bulk, renames a parent with its children, merges two tags, and filters by a parent', async () => {
    const titles = [
      'Transformers explained',
      'Scaling laws',
      'Hallucination survey',
      'River ecology'
    ]
    const library = await startUiLibrary(
      tempDir(),
      Object.fromEntries(
        titles.map((title, index) => [`/${index}`, htmlRoute(articlePage(title, 5))])
      )
    )
    try {
      await library.save(titles.map((_, index) => `/${index}`))
      const page = await library.open(browser())
      const rows = page.locator('.article-row')
      await page.locator('.row-title', { hasText: 'River ecology' }).waitFor()

      // The editor on one article (t on the row under the cursor).
      await page.locator('.row-title', { hasText: 'River ecology' }).click()
      await page.locator('.list-pane').focus()
      await page.keyboard.press('t')
      await page.getByRole('combobox', { name: /Tags, separated by commas/ }).fill('nature')
      await page.keyboard.press('Enter')
      await expect.poll(() => tagTree(page)).toEqual(['#nature 1'])

      // Three articles tagged at once from a selection.
      for (const title of titles.slice(0, 3)) {
        await rows.filter({ hasText: title }).locator('input[type=checkbox]').check()
      }
      await page
        .getByRole('toolbar', { name: 'Selected articles' })
        .getByRole('button', { name: 'Tag' })
        .click()
      await page.getByRole('combobox', { name: /Tags, separated by commas/ }).fill('ml/llm')
      await page.keyboard.press('Enter')
      await expect.poll(() => tagTree(page)).toEqual(['#ml 3', '#llm 3', '#nature 1'])

      // Renaming the parent moves its children with it.
      await renameTag(page, 'ml', 'research')
      await expect.poll(() => tagTree(page)).toEqual(['#nature 1', '#research 3', '#llm 3'])

      // Renaming onto an existing tag merges the two.
      await renameTag(page, 'nature', 'research/llm')
      await expect.poll(() => tagTree(page)).toEqual(['#research 4', '#llm 4'])

      // A parent tag lists everything beneath it.
      await page.locator('.tag-item .nav-item[title="research"]').click()
      await expect
        .poll(async () => (await page.locator('.row-title').allTextContents()).sort())
        .toEqual([...titles].sort())
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })
})
