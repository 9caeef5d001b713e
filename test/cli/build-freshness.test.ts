import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { folioBin } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

const repository = fileURLToPath(new URL('../..', import.meta.url))

describe('bin/folio.js', () => {
  const tempDir = useTempDirs()

  /**
   * A checkout in miniature: the real bin/folio.js, a CLI source and a build of it that each print
   * which one ran, and the build's manifest as scripts/build-cli.js writes it.
   */
  function checkout(): { root: string; source: string; run(): string; writeManifest(): void } {
    const root = tempDir()
    mkdirSync(join(root, 'bin'))
    copyFileSync(folioBin, join(root, 'bin', 'folio.js'))
    symlinkSync(join(repository, 'node_modules'), join(root, 'node_modules'), 'junction')
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }')
    const source = join(root, 'src', 'main', 'cli', 'index.ts')
    mkdirSync(dirname(source), { recursive: true })
    writeFileSync(source, "console.log('sources')\n")
    mkdirSync(join(root, 'out', 'cli', 'lib'), { recursive: true })
    writeFileSync(join(root, 'out', 'cli', 'lib', 'folio.js'), "console.log('build')\n")
    const writeManifest = (): void => {
      const { mtimeMs, size } = statSync(source)
      writeFileSync(
        join(root, 'out', 'cli', 'lib', 'sources.json'),
        JSON.stringify({ builtAt: Date.now(), sources: [['src/main/cli/index.ts', mtimeMs, size]] })
      )
    }
    writeManifest()
    const run = (): string => {
      const result = spawnSync(process.execPath, [join(root, 'bin', 'folio.js')], {
        env: { ...process.env, FOLIO_CLI_FROM_SOURCES: '' },
        encoding: 'utf8'
      })
      expect(result.stderr).toBe('')
      return result.stdout.trim()
    }
    return { root, source, run, writeManifest }
  }

  it('runs the build while every file it was built from is unchanged', () => {
    expect(checkout().run()).toBe('build')
  })

  it('runs the sources once a source is saved after the build, even with the same size', () => {
    const { source, run } = checkout()
    const later = new Date(statSync(source).mtimeMs + 2000)
    utimesSync(source, later, later)
    expect(run()).toBe('sources')
  })

  it('runs the sources when a source is older than the build recorded (a restored file)', () => {
    const { source, run } = checkout()
    const earlier = new Date(statSync(source).mtimeMs - 60_000)
    utimesSync(source, earlier, earlier)
    expect(run()).toBe('sources')
  })

  it('runs the sources when a source the build was made from is gone', () => {
    const { root, run } = checkout()
    writeFileSync(
      join(root, 'out', 'cli', 'lib', 'sources.json'),
      JSON.stringify({ builtAt: Date.now(), sources: [['src/main/cli/removed.ts', 0, 0]] })
    )
    expect(run()).toBe('sources')
  })

  it('runs the sources when there is no build', () => {
    const { root, run } = checkout()
    rmSync(join(root, 'out'), { recursive: true })
    expect(run()).toBe('sources')
  })
})
