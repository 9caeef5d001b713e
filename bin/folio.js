#!/usr/bin/env node
// Runs the CLI from its build (out/cli/lib, made by `npm run build`) when every source file it was
// built from is unchanged, and otherwise from the TypeScript sources through tsx: `npx folio`
// works right after `npm install`, and an edit never runs against an older build.
import { readFileSync, statSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const buildDir = new URL('out/cli/lib/', root)

/** True when the build exists and each of its sources has the mtime and size it was built from. */
function buildIsCurrent() {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(new URL('sources.json', buildDir), 'utf8'))
  } catch {
    return false
  }
  // ~150 stat calls, about 1 ms: cheaper than any doubt about which code runs.
  return manifest.sources.every((entry) => {
    if (!Array.isArray(entry)) return false
    const [path, mtimeMs, size] = entry
    const stat = statSync(new URL(path, root), { throwIfNoEntry: false })
    return stat !== undefined && stat.mtimeMs === mtimeMs && stat.size === size
  })
}

if (process.env.FOLIO_CLI_FROM_SOURCES !== '1' && buildIsCurrent()) {
  await import(new URL('folio.js', buildDir).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main/cli/index.ts')
}
