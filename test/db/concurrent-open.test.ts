import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../helpers/temp'

const openModule = fileURLToPath(new URL('../../src/main/core/db/open.ts', import.meta.url))

/** Opens the library in its own process at the given instant; resolves with its exit and stderr. */
function openAt(dir: string, instant: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(openModule)})
    while (Date.now() < ${instant}) {}
    openDatabase(${JSON.stringify(dir)}).close()
  `
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('opening a new library from several processes at once', () => {
  const tempDir = useTempDirs()

  it('migrates it once, and every process opens it', async () => {
    for (let round = 0; round < 3; round += 1) {
      const dir = join(tempDir(), 'new')
      // Every process loads first, then all open within the same millisecond.
      const instant = Date.now() + 3000
      const runs = await Promise.all(Array.from({ length: 4 }, () => openAt(dir, instant)))
      expect(runs.map((run) => run.stderr)).toEqual(['', '', '', ''])
      expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0])
    }
  })
})
