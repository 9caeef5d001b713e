import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

/** An article page of about `kib` KiB of varied words (so compression cannot make it small). */
function bigPage(kib: number): string {
  const words: string[] = []
  for (let index = 0, length = 0; length < kib * 1024; index += 1) {
    const word = `word${(index * 7919) % 100_003}x${index.toString(36)}`
    words.push(word)
    length += word.length + 1
  }
  return `<html><head><title>A long page</title></head><body><article><p>${words.join(' ')}</p></article></body></html>`
}

const smallPage =
  '<html><head><title>A short page</title></head><body><article><p>' +
  'A short page saved onto a disk that has no room left for it. '.repeat(6) +
  '</p></article></body></html>'

describe('a library whose disk is full', () => {
  const tempDir = useTempDirs()

  it('fails the capture once, naming the library and what to do, and never takes the job again', async () => {
    const dir = tempDir()
    const file = join(dir, 'long.html')
    writeFileSync(file, bigPage(1500))
    const library = openLibrary(join(dir, 'library'))
    const engine = createEngine(library, { log: () => {}, capture: { workers: 1 } })
    try {
      const { items } = unwrap(await engine.call('capture.save', { inputs: [file], tags: [] }))
      // SQLite's own limit stands in for the disk: no page beyond those the library has now.
      const pages = library.db.pragma('page_count', { simple: true }) as number
      library.db.pragma(`max_page_count = ${pages}`)
      engine.start()
      const started = Date.now()
      const [job] = await engine.waitForJobs([items[0].jobId!])
      expect(Date.now() - started).toBeLessThan(20_000)
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('storage_full')
      expect(job.error?.message).toContain(library.dir)
      expect(job.error?.message).toContain('Free some space')
      // Claimed once, not again and again.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const row = library.db.prepare('SELECT attempts FROM jobs WHERE id = ?').get(job.id)
      expect(row).toEqual({ attempts: 1 })
    } finally {
      await engine.close()
      library.close()
    }
  })
})

/** A 3 MiB tmpfs, when this process may mount one (root); the CLI test needs a real full disk. */
function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('folio save onto a full disk', () => {
  const tempDir = useTempDirs()
  let disk = ''
  let mounted = false

  // Made and removed here, not by useTempDirs, which would remove it while it is mounted.
  beforeAll(() => {
    disk = mkdtempSync(join(tmpdir(), 'folio-disk-'))
    mounted = mountSmallDisk(disk)
  })
  afterAll(() => {
    if (mounted) execFileSync('umount', [disk])
    rmSync(disk, { recursive: true, force: true })
  })

  it('reports each input as failed with the reason and exits 1, without spinning', async (test) => {
    if (!mounted) test.skip()
    const library = join(disk, 'library')
    openDatabase(library).close()
    const pages = join(tempDir(), 'pages')
    mkdirSync(pages)
    writeFileSync(join(pages, 'short.html'), smallPage)
    writeFileSync(join(pages, 'long.html'), bigPage(1500))
    // Fill the disk but for about 60 KiB.
    const free = Number(
      execFileSync('df', ['--output=avail', '-k', disk]).toString().split('\n')[1]
    )
    writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, free - 60) * 1024))

    const started = Date.now()
    const run = await runFolio([
      '--library',
      library,
      'save',
      join(pages, 'short.html'),
      join(pages, 'long.html'),
      '--json'
    ])
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.code).toBe(1)
    const entries = JSON.parse(run.stdout) as { ok: boolean; error: { message: string } | null }[]
    expect(entries).toHaveLength(2)
    const failed = entries.filter((entry) => !entry.ok)
    expect(failed.length).toBeGreaterThan(0)
    for (const entry of failed) {
      expect(entry.error?.message).toContain(library)
      expect(entry.error?.message).toMatch(/full|cannot be written/)
    }
  })
})
