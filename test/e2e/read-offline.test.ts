import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/browser'
import { runFolio } from '../helpers/cli'
import { startFixtureServer } from '../helpers/http-server'
import { serveLibrary } from '../helpers/serve'
import { useTempDirs } from '../helpers/temp'

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

const sentence =
  'Offline reading means the article and every picture in it come from the library on this machine.'

const page = `<!doctype html><html lang="en"><head><title>Reading without a network</title></head><body>
  <article><h1>Reading without a network</h1>${`<p>${sentence} ${sentence}</p>`.repeat(5)}
  <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="/lazy.png" alt="lazy picture">
  <p>${sentence}</p><script>document.body.innerHTML = 'hijacked'</script></article></body></html>`

describe('reading a saved article', () => {
  const tempDir = useTempDirs()
  const browser = useBrowser()

  it('shows the article and its lazy-loaded image from the library, with the site gone', async () => {
    const site = await startFixtureServer({
      '/article': { headers: { 'content-type': 'text/html' }, body: page },
      '/lazy.png': { headers: { 'content-type': 'image/png' }, body: png }
    })
    const dir = tempDir()
    const saved = await runFolio(['--library', dir, 'save', site.url('/article'), '--json'])
    expect(saved.code).toBe(0)
    const siteOrigin = site.origin
    await site.close()

    const served = await serveLibrary(dir)
    const context = await browser().newContext()
    const foreign: string[] = []
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin === `http://127.0.0.1:${served.port}`) return route.continue()
      foreign.push(url.href)
      return route.abort()
    })
    try {
      const tab = await context.newPage()
      await tab.goto(served.url)
      await tab.getByRole('button', { name: /Reading without a network/ }).click()
      const frame = tab.frameLocator('iframe.reader-frame')
      await frame.getByText(sentence).first().waitFor()
      const reader = tab.frames().find((frame) => frame.url() === 'about:srcdoc')!
      // Decoded pixels prove the image came through: a blocked or missing one has width 0.
      await expect
        .poll(() => reader.evaluate(() => [...document.images].map((image) => image.naturalWidth)))
        .toEqual([1])
      const sources = await reader.evaluate(() => [...document.images].map((image) => image.src))
      expect(sources[0]).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:${served.port}/api/assets/[0-9a-f]{64}\\?key=`)
      )
      expect(await frame.getByText('hijacked').count()).toBe(0)
      expect(foreign.filter((url) => url.startsWith(siteOrigin))).toEqual([])
      expect(foreign).toEqual([])
    } finally {
      await context.close()
      await served.stop()
    }
  })
})
