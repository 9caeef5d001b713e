import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { useTempDirs } from '../helpers/temp'
import { articlePage, htmlRoute, startUiLibrary } from './ui-library'

/** One article page per title, served at /0, /1, … */
function routesFor(titles: string[]): Parameters<typeof startUiLibrary>[1] {
  return Object.fromEntries(
    titles.map((title, index) => [`/${index}`, htmlRoute(articlePage(title, 5))])
  )
}

/** The tag tree as the sidebar shows it: "#label count" per row, in order. */
async function tagTree(page: Page): Promise<string[]> {
  const texts = await page.getByRole('list', { name: 'Tags' }).locator('.nav-item').allInnerTexts()
  return texts.map((text) => text.replace(/\s+/g, ' ').trim())
}

function tagItem(page: Page, name: string): Locator {
  return page.locator(`.tag-item:has(> .nav-item[title="${name}"])`)
}

/** The titles the list shows, sorted. */
async function listed(page: Page): Promise<string[]> {
  return (await page.locator('.row-title').allTextContents()).sort()
}

/**
 * A real pointer drag: press on the row, move in steps (the browser starts an HTML5 drag once
 * the pointer has moved a few pixels), hover the tag, then release.
 */
async function dragOnto(page: Page, row: Locator, target: Locator): Promise<void> {
  const from = await row.boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('The row or the tag is not on screen.')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 4 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
}

describe('dragging articles onto tags and merging tags from the tree', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('drags two selected articles onto a tag, which lights up, tags both, and undoes it', async () => {
    const titles = ['Attention is all you need', 'Scaling laws', 'Sparse experts', 'Tide pools']
    const library = await startUiLibrary(tempDir(), routesFor(titles))
    try {
      const ids = await library.save(titles.map((_, index) => `/${index}`))
      await library.call('articles.tag', { ids: [ids[0]], add: ['research/llm'] })
      await library.call('articles.tag', { ids: [ids[3]], add: ['nature'] })
      const page = await library.open(browser())
      const rows = page.locator('.article-row')
      await expect.poll(() => tagTree(page)).toEqual(['#nature 1', '#research 1', '#llm 1'])

      for (const title of ['Scaling laws', 'Sparse experts']) {
        await rows.filter({ hasText: title }).locator('input[type=checkbox]').check()
      }
      await dragOnto(
        page,
        rows.filter({ hasText: 'Sparse experts' }),
        tagItem(page, 'research/llm')
      )
      await expect
        .poll(() =>
          page.locator('.tag-item[data-drop-target]').locator('.nav-item').getAttribute('title')
        )
        .toBe('research/llm')
      await page.mouse.up()

      const status = page.getByRole('status')
      await expect.poll(() => status.innerText()).toContain('Tagged 2 articles with #research/llm')
      await expect.poll(() => tagTree(page)).toEqual(['#nature 1', '#research 3', '#llm 3'])
      expect(await page.locator('.tag-item[data-drop-target]').count()).toBe(0)
      await tagItem(page, 'research/llm').locator('.nav-item').click()
      await expect
        .poll(() => listed(page))
        .toEqual(['Attention is all you need', 'Scaling laws', 'Sparse experts'])

      // Undo takes the tag off the two it was added to, not off the one that had it before.
      await status.getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => tagTree(page)).toEqual(['#nature 1', '#research 1', '#llm 1'])
      await expect.poll(() => listed(page)).toEqual(['Attention is all you need'])
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('drags one unselected article onto a tag without taking the selection along', async () => {
    const titles = ['Kelp forests', 'Coral reefs', 'Deep sea vents']
    const library = await startUiLibrary(tempDir(), routesFor(titles))
    try {
      const ids = await library.save(titles.map((_, index) => `/${index}`))
      await library.call('articles.tag', { ids: [ids[2]], add: ['ocean'] })
      const page = await library.open(browser())
      const rows = page.locator('.article-row')
      await expect.poll(() => tagTree(page)).toEqual(['#ocean 1'])

      await rows.filter({ hasText: 'Coral reefs' }).locator('input[type=checkbox]').check()
      await dragOnto(page, rows.filter({ hasText: 'Kelp forests' }), tagItem(page, 'ocean'))
      await page.mouse.up()

      await expect
        .poll(() => page.getByRole('status').innerText())
        .toContain('Tagged “Kelp forests” with #ocean')
      await expect.poll(() => tagTree(page)).toEqual(['#ocean 2'])
      await tagItem(page, 'ocean').locator('.nav-item').click()
      await expect.poll(() => listed(page)).toEqual(['Deep sea vents', 'Kelp forests'])
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('drags a search result onto a tag, as from the list', async () => {
    const titles = ['Kelp forests of Monterey', 'Coral reefs', 'Kelp farming in Maine']
    const library = await startUiLibrary(tempDir(), routesFor(titles))
    try {
      const ids = await library.save(titles.map((_, index) => `/${index}`))
      await library.call('articles.tag', { ids: [ids[1]], add: ['ocean'] })
      const page = await library.open(browser())
      await expect.poll(() => tagTree(page)).toEqual(['#ocean 1'])

      await page.getByRole('searchbox', { name: 'Search' }).fill('monterey')
      const hits = page.getByRole('list', { name: 'Search results' }).locator('.article-row')
      await expect.poll(() => hits.count()).toBe(1)
      await dragOnto(page, hits.first(), tagItem(page, 'ocean'))
      await expect.poll(() => page.locator('.tag-item[data-drop-target]').count()).toBe(1)
      await page.mouse.up()

      await expect
        .poll(() => page.locator('.toasts').innerText())
        .toContain('Tagged “Kelp forests of Monterey” with #ocean')
      await expect.poll(() => tagTree(page)).toEqual(['#ocean 2'])
      const tagged = await library.call<{ tags: string[] }>('articles.get', { id: ids[0] })
      expect(tagged.tags).toEqual(['ocean'])
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('drops an article dragged anywhere but on a tag without changing anything', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Salt marshes', 5))
    })
    try {
      const [id] = await library.save(['/a'])
      await library.call('articles.tag', { ids: [id], add: ['coast'] })
      const page = await library.open(browser())
      await expect.poll(() => tagTree(page)).toEqual(['#coast 1'])

      const row = page.locator('.article-row', { hasText: 'Salt marshes' })
      await dragOnto(page, row, page.locator('.reader-pane'))
      await page.mouse.up()
      // Not taken for links to save (the Add box), and the tree's drop look is gone.
      await expect.poll(() => page.locator('.tag-tree[data-dragging]').count()).toBe(0)
      expect(await page.getByRole('dialog').count()).toBe(0)
      expect(await page.locator('.add-panel').count()).toBe(0)
      expect(await page.getByRole('status').innerText()).toBe('')
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('merges a tag into another picked from the tree, moving its articles, and undoes the merge', async () => {
    const titles = ['Transformers explained', 'Scaling laws', 'River ecology', 'Bird song']
    const library = await startUiLibrary(tempDir(), routesFor(titles))
    try {
      const ids = await library.save(titles.map((_, index) => `/${index}`))
      await library.call('articles.tag', { ids: [ids[0], ids[1]], add: ['research/llm'] })
      await library.call('articles.tag', { ids: [ids[2]], add: ['nature'] })
      await library.call('articles.tag', { ids: [ids[3]], add: ['nature/birds'] })
      const page = await library.open(browser())
      await expect
        .poll(() => tagTree(page))
        .toEqual(['#nature 2', '#birds 1', '#research 2', '#llm 2'])

      await tagItem(page, 'nature').hover()
      await page.getByRole('button', { name: 'Merge tag nature into…', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Merge tag' })
      const field = dialog.getByRole('combobox', { name: /Merge into/ })
      await field.fill('ll')
      // Only tags outside #nature are offered; the one typed matches one.
      await expect
        .poll(() => dialog.getByRole('option').allInnerTexts())
        .toEqual([expect.stringMatching(/^#llm in research\s+2$/)])
      await field.press('ArrowDown')
      await field.press('Enter')
      await expect.poll(() => field.inputValue()).toBe('research/llm')
      await expect
        .poll(() => dialog.locator('.merge-summary').innerText())
        .toMatch(/2 articles move from #nature to #research\/llm\. Its sub-tag moves beneath/)
      await dialog.getByRole('button', { name: 'Merge', exact: true }).click()

      await expect
        .poll(() => page.getByRole('status').innerText())
        .toContain('Merged #nature into #research/llm (2 articles)')
      await expect.poll(() => tagTree(page)).toEqual(['#research 4', '#llm 4', '#birds 1'])
      await tagItem(page, 'research/llm').locator('.nav-item').click()
      await expect.poll(() => listed(page)).toEqual([...titles].sort())

      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
      await expect
        .poll(() => tagTree(page))
        .toEqual(['#nature 2', '#birds 1', '#research 2', '#llm 2'])
      await expect.poll(() => listed(page)).toEqual(['Scaling laws', 'Transformers explained'])
      await tagItem(page, 'nature').locator('.nav-item').click()
      await expect.poll(() => listed(page)).toEqual(['Bird song', 'River ecology'])
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })

  it('refuses to merge a tag into one beneath it before anything is sent', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Wetlands', 5))
    })
    try {
      const [id] = await library.save(['/a'])
      await library.call('articles.tag', { ids: [id], add: ['nature/wetlands'] })
      const page = await library.open(browser())
      await expect.poll(() => tagTree(page)).toEqual(['#nature 1', '#wetlands 1'])

      await tagItem(page, 'nature').hover()
      await page.getByRole('button', { name: 'Merge tag nature into…', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Merge tag' })
      await dialog.getByRole('combobox').fill('nature/wetlands')
      expect(await dialog.getByRole('option').count()).toBe(0)
      await expect
        .poll(() => dialog.locator('.merge-summary').innerText())
        .toContain('choose a tag outside it')
      expect(await dialog.getByRole('button', { name: 'Merge', exact: true }).isDisabled()).toBe(
        true
      )
      await page.keyboard.press('Escape')
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await tagTree(page)).toEqual(['#nature 1', '#wetlands 1'])
    } finally {
      await library.close()
    }
  })

  it('deletes a tag from the tree after a confirmation saying what goes, and undoes it', async () => {
    const library = await startUiLibrary(tempDir(), {
      '/a': htmlRoute(articlePage('Estuaries', 5)),
      '/b': htmlRoute(articlePage('Mudflats', 5))
    })
    try {
      const ids = await library.save(['/a', '/b'])
      await library.call('articles.tag', { ids, add: ['coast'] })
      await library.call('articles.tag', { ids: [ids[0]], add: ['coast/birds'] })
      const page = await library.open(browser())
      await expect.poll(() => tagTree(page)).toEqual(['#coast 2', '#birds 1'])
      const askToDelete = async (): Promise<Locator> => {
        await tagItem(page, 'coast').hover()
        await page.getByRole('button', { name: 'Delete tag coast' }).click()
        return page.getByRole('dialog', { name: 'Delete tag' })
      }

      let dialog = await askToDelete()
      await expect
        .poll(() => dialog.innerText())
        .toContain('It comes off 2 articles; the articles stay in the library.')
      expect(await dialog.innerText()).toContain('Its sub-tag goes with it.')
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await tagTree(page)).toEqual(['#coast 2', '#birds 1'])

      dialog = await askToDelete()
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
      await expect.poll(() => tagTree(page)).toEqual([])
      await expect.poll(() => listed(page)).toEqual(['Estuaries', 'Mudflats'])
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => tagTree(page)).toEqual(['#coast 2', '#birds 1'])
      expect(library.problems).toEqual([])
    } finally {
      await library.close()
    }
  })
})
