import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

/** The browser the end-to-end tests drive: Debian's Chromium unless FOLIO_CHROMIUM names another. */
export function chromiumPath(): string {
  return process.env.FOLIO_CHROMIUM || '/usr/bin/chromium'
}

/**
 * Without these, Chromium phones home at start-up; on a machine with no network that only
 * produces refused connections and noise.
 */
export const quietChromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install one with \`sudo apt-get install -y chromium\` ` +
        '(Debian/Ubuntu), or point FOLIO_CHROMIUM at a Chrome or Chromium executable.'
    )
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: quietChromiumFlags
  })
}

const rendererIndex = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url))

/** One Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    if (!existsSync(rendererIndex)) {
      throw new Error('The interface is not built: run `npm run build` (npm test does it for you).')
    }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser)
      throw new Error('Chromium is not running: useBrowser() belongs in a describe block.')
    return browser
  }
}
