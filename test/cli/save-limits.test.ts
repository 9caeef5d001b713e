import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

describe('folio save and the size of local files', () => {
  const tempDir = useTempDirs()

  it('refuses a file over 15 MiB, as it refuses such a page from the web, naming the file and the cap', async () => {
    const dir = tempDir()
    const library = join(dir, 'library')
    const big = join(dir, 'notes.txt')
    writeFileSync(big, Buffer.alloc(16 * 1024 * 1024, 'word '))

    const run = await runFolio(['--library', library, 'save', big, '--json'])
    expect(run.code).toBe(1)
    const [entry] = JSON.parse(run.stdout) as {
      ok: boolean
      error: { code: string; message: string }
    }[]
    expect(entry.ok).toBe(false)
    expect(entry.error.code).toBe('too_large')
    expect(entry.error.message).toContain(big)
    expect(entry.error.message).toContain('15 MiB')
    const stats = await runFolio(['--library', library, 'stats', '--json'])
    expect(JSON.parse(stats.stdout).articles).toBe(0)
  })
})
