import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { serveLibrary } from '../helpers/serve'
import type { ServedLibrary } from '../helpers/serve'
import { useTempDirs } from '../helpers/temp'

describe('the web interface on an empty library', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  async function withServer(test: (served: ServedLibrary) => Promise<void>): Promise<void> {
    const served = await serveLibrary(tempDir())
    try {
      await test(served)
    } finally {
      await served.stop()
    }
  }

  it('renders the empty library with its views and counts', async () => {
    await withServer(async (served) => {
      const page = await browser().newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      await page.goto(served.url)
      await page.getByRole('heading', { name: 'Your library is empty' }).waitFor()
      const sidebar = page.getByRole('navigation', { name: 'Library' })
      for (const view of ['Inbox', 'Favorites', 'Archive', 'All articles']) {
        await expect(
          sidebar.getByRole('button', { name: new RegExp(view) }).textContent()
        ).resolves.toContain('0')
      }
      await expect(page.getByText('Pick an article to read it here.').isVisible()).resolves.toBe(
        true
      )
      // The token has left the address bar once read.
      expect(page.url()).not.toContain('token=')
      await page.getByRole('button', { name: /Archive/ }).click()
      await page.getByRole('heading', { name: 'The archive is empty' }).waitFor()
      // The hint names the archive command's key from the command table.
      expect(await page.locator('.empty-state .muted').textContent()).toBe(
        'Archive an article you are done with (a) to keep it out of the Inbox.'
      )
      expect(problems).toEqual([])
      await page.close()
    })
  })

  it('keeps the API closed to callers without the token', async () => {
    await withServer(async (served) => {
      const response = await fetch(`http://127.0.0.1:${served.port}/api/library.stats`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}'
      })
      expect(response.status).toBe(401)
    })
  })
})
