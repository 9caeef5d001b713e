// Builds the browser extension (resources/extension) into unpacked folders a browser loads:
// out/extension for Chromium, out/extension-firefox for Firefox. The sources are plain
// JavaScript, so the build only copies them and writes each browser's manifest.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const sourceDir = join(root, 'resources', 'extension')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
export const chromiumManifest = {
  ...JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')),
  version
}

/** Firefox runs the background script as an event page and needs an add-on id for storage. */
export const firefoxManifest = {
  ...chromiumManifest,
  background: { scripts: ['background.js'] },
  browser_specific_settings: {
    gecko: { id: 'save-to-folio@folio.local', strict_min_version: '121.0' }
  }
}

/** Writes one unpacked extension and returns its folder. */
export function buildExtension(outDir, browserManifest) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  for (const file of readdirSync(sourceDir)) {
    if (file !== 'manifest.json') copyFileSync(join(sourceDir, file), join(outDir, file))
  }
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(browserManifest, null, 2) + '\n')
  return outDir
}

export const chromiumExtensionDir = join(root, 'out', 'extension')
export const firefoxExtensionDir = join(root, 'out', 'extension-firefox')

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildExtension(chromiumExtensionDir, chromiumManifest)
  buildExtension(firefoxExtensionDir, firefoxManifest)
  console.log(`Built ${chromiumExtensionDir} (Chromium) and ${firefoxExtensionDir} (Firefox).`)
}
