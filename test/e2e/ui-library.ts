import type { Browser, Page } from 'playwright-core'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureRoute, FixtureServer } from '../helpers/http-server'
import { serveLibrary } from '../helpers/serve'
import type { ServedLibrary } from '../helpers/serve'

/** A temp library behind `folio serve`, filled by saving pages from a local site. */
export interface UiLibrary {
  served: ServedLibrary
  site: FixtureServer
  /** Calls an operation over HTTP with the library's token, as the UI does. */
  call<T>(name: string, input: unknown): Promise<T>
  /** Saves the site's paths and waits for every capture to finish; returns the article ids. */
  save(paths: string[]): Promise<number[]>
  /** A new tab on the UI at 1280x800 (in `timezoneId` if given); page errors go to `problems`. */
  open(browser: Browser, options?: { timezoneId?: string }): Promise<Page>
  problems: string[]
  close(): Promise<void>
}

export function articlePage(title: string, paragraphs: number, lang = 'en'): string {
  const sentence =
    'A saved article is kept whole in the library, with its pictures, to read later offline. '
  const body = Array.from(
    { length: paragraphs },
    (_, index) => `<p>${index + 1}. ${sentence.repeat(4)}</p>`
  ).join('\n')
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title>
    <meta name="description" content="An article called ${title}."></head>
    <body><article><h1>${title}</h1>${body}</article></body></html>`
}

export function htmlRoute(html: string): FixtureRoute {
  return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html }
}

export async function startUiLibrary(
  dir: string,
  routes: Record<string, FixtureRoute>
): Promise<UiLibrary> {
  const site = await startFixtureServer(routes)
  const served = await serveLibrary(dir)
  const pages: Page[] = []
  const problems: string[] = []

  async function call<T>(name: string, input: unknown): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${served.port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
      body: JSON.stringify(input)
    })
    const result = (await response.json()) as {
      ok: boolean
      value: T
      error?: { message: string }
    }
    if (!result.ok) throw new Error(`${name}: ${result.error?.message}`)
    return result.value
  }

  async function save(paths: string[]): Promise<number[]> {
    const { items } = await call<{ items: { articleId: number | null; jobId: number | null }[] }>(
      'capture.save',
      { inputs: paths.map((path) => site.url(path)) }
    )
    for (let attempt = 0; attempt < 200; attempt++) {
      const jobs = await call<{ status: string }[]>('jobs.list', {})
      if (jobs.every((job) => job.status !== 'queued' && job.status !== 'running')) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return items.map((item) => item.articleId as number)
  }

  return {
    served,
    site,
    call,
    save,
    problems,
    open: async (browser, options = {}) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...options })
      pages.push(page)
      page.on('pageerror', (error) => problems.push(error.message))
      await page.goto(served.url)
      // Shortcuts work once the app has rendered its first view.
      await page.locator('.pane-header h1').waitFor()
      return page
    },
    close: async () => {
      for (const page of pages) await page.close().catch(() => {})
      await served.stop()
      await site.close()
    }
  }
}
