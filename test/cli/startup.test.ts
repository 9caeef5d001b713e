import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import { insertArticle } from '../helpers/articles'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

const recorder = pathToFileURL(join(import.meta.dirname, 'module-recorder', 'register.js')).href
/** The extraction libraries: ~640 modules and ~0.8 s that reading the library does not need. */
const extractionPackages = ['jsdom', 'linkedom', '@mozilla/readability', 'dompurify']

function packageOf(path: string): string | null {
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)
  return match ? match[1].replace('\\', '/') : null
}

/**
 * bin/folio.js runs the build when it is current (as after `npm test`'s build) and the sources
 * through tsx otherwise; FOLIO_CLI_FROM_SOURCES=1 picks the sources even then. Both are checked.
 */
const ways = [
  { name: 'as bin/folio.js chooses', env: {} },
  { name: 'from the sources', env: { FOLIO_CLI_FROM_SOURCES: '1' } }
]

describe('folio starts without the extraction libraries', () => {
  const tempDir = useTempDirs()

  /** Runs folio with the module recorder preloaded; returns its exit code and the packages loaded. */
  async function loadedPackages(
    args: string[],
    env: NodeJS.ProcessEnv
  ): Promise<{ code: number | null; packages: Set<string>; modules: number }> {
    const recordFile = join(tempDir(), 'modules.txt')
    const run = await runFolio(args, {
      ...env,
      NODE_OPTIONS: `--import=${recorder}`,
      FOLIO_MODULE_RECORD: recordFile
    })
    expect(run.stderr).toBe('')
    const modules = existsSync(recordFile)
      ? new Set(readFileSync(recordFile, 'utf8').split('\n').filter(Boolean))
      : new Set<string>()
    const packages = new Set([...modules].flatMap((path) => packageOf(path) ?? []))
    return { code: run.code, packages, modules: modules.size }
  }

  for (const way of ways) {
    it(`prints folio --help without loading them, ${way.name}`, async () => {
      const { code, packages, modules } = await loadedPackages(['--help'], way.env)
      expect(code).toBe(0)
      // The recorder saw the CLI load: an empty record would prove nothing.
      expect(modules).toBeGreaterThan(3)
      expect(extractionPackages.filter((name) => packages.has(name))).toEqual([])
    })

    it(`lists a library as JSON without loading them, ${way.name}`, async () => {
      const dir = tempDir()
      const db = openDatabase(dir)
      insertArticle(db, { url: 'https://example.com/a', title: 'An article' })
      db.close()
      const { code, packages } = await loadedPackages(['--library', dir, 'list', '--json'], way.env)
      expect(code).toBe(0)
      expect(packages.has('better-sqlite3')).toBe(true)
      expect(extractionPackages.filter((name) => packages.has(name))).toEqual([])
    })
  }
})
