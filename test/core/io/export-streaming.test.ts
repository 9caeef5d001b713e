import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../src/main/core/engine'
import { writeExport } from '../../../src/main/core/io/export/run'
import type { ExportPayload } from '../../../src/main/core/io/export/run'
import { createJobQueue } from '../../../src/main/core/jobs/queue'
import { openLibrary } from '../../../src/main/core/library'
import type { Library } from '../../../src/main/core/library'
import { createSearchService } from '../../../src/main/core/search/service'
import { runFolio } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp'

/** 1,234 articles: more than two pages of 500, so every format crosses page boundaries. */
function seedMany(library: Library, count: number): void {
  const insert = library.db.prepare(
    `INSERT INTO articles (url, url_key, title, site, saved_at, updated_at, capture_status)
     VALUES (?, ?, ?, 'example.com', ?, ?, 'ready')`
  )
  library.db.transaction(() => {
    for (let index = 1; index <= count; index += 1) {
      const url = `https://example.com/${index}`
      insert.run(url, url, `Article ${index}`, index * 1000, index * 1000)
    }
  })()
}

describe('exports written as they go', () => {
  const tempDir = useTempDirs()

  function library(): { library: Library; dir: string; payload(path: string): ExportPayload } {
    const dir = tempDir()
    const opened = openLibrary(dir)
    seedMany(opened, 1234)
    return {
      library: opened,
      dir,
      payload: (path) => ({ format: 'bibtex', path, selection: {}, force: false })
    }
  }

  it('cross page boundaries without losing or repeating an article, with progress to the end', async () => {
    const { library: opened, dir } = library()
    opened.close()
    const out = join(tempDir(), 'all.json')
    const run = await runFolio(['--library', dir, 'export', '--format', 'json', out, '--json'])
    expect(JSON.parse(run.stdout)).toMatchObject({ articles: 1234 })
    const ids = JSON.parse(readFileSync(out, 'utf8')).articles.map((a: { id: number }) => a.id)
    expect(ids).toEqual(Array.from({ length: 1234 }, (_, index) => index + 1))
    const jobs = await runFolio(['--library', dir, 'jobs', '--json'])
    const exportJob = JSON.parse(jobs.stdout).find((job: { kind: string }) => job.kind === 'export')
    expect(exportJob).toMatchObject({
      kind: 'export',
      status: 'done',
      progress: { done: 1234, total: 1234 },
      result: { done: 1234, file: { format: 'json', articles: 1234, path: out } }
    })
  })

  it('leaves nothing, under the final name or another, when the disk fills mid-export', async () => {
    const { library: opened, payload } = library()
    const search = createSearchService(opened, createJobQueue(opened))
    const folder = tempDir()
    const out = join(folder, 'all.bib')
    let written = 0
    // The disk fills after 100 KiB: a short write, then ENOSPC, as a full disk answers.
    const limit = 100 * 1024
    const writeBytes = (_fd: number, bytes: Uint8Array): number => {
      if (written >= limit) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      }
      const accepted = Math.min(bytes.length, limit - written)
      written += accepted
      return accepted
    }
    await expect(
      writeExport(opened.db, payload(out), { name: 'full', search, writeBytes })
    ).rejects.toThrow(
      `Folio could not write ${out}: the disk is full; free some space or choose another disk.`
    )
    expect(written).toBeGreaterThan(0)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(folder)).toEqual([])
    opened.close()
  })

  it('exports the matches of a search', async () => {
    const { library: opened, payload } = library()
    const search = createSearchService(opened, createJobQueue(opened))
    const out = join(tempDir(), 'found.ris')
    const file = await writeExport(
      opened.db,
      { ...payload(out), format: 'ris', selection: { search: '"Article 12"' } },
      { name: 'search', search }
    )
    expect(file.articles).toBe(1)
    expect(readFileSync(out, 'utf8')).toContain('TI  - Article 12\n')
    opened.close()
  })

  it('is refused to the interface and the extension, and is cancelled without leaving a file', async () => {
    const { library: opened } = library()
    const engine = createEngine(opened, { log: () => undefined })
    const folder = tempDir()
    const out = join(folder, 'all.csv')
    for (const caller of ['ui', 'extension'] as const) {
      const refused = await engine.call('library.export', { format: 'csv', path: out }, caller)
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      const backup = await engine.call('library.backup', { path: out }, caller)
      expect(backup).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    const started = await engine.call('library.export', { format: 'csv', path: out })
    if (!started.ok) throw new Error(started.error.message)
    expect(started.value.articles).toBe(1234)
    const stop = engine.onEvent((event) => {
      if (event.type === 'job.progress' && event.job.status === 'running')
        void engine.call('jobs.cancel', { ids: [started.value.jobId] })
    })
    engine.start()
    const [job] = await engine.waitForJobs([started.value.jobId])
    stop()
    expect(job.status).toBe('cancelled')
    expect(readdirSync(folder)).toEqual([])
    await engine.close()
    opened.close()
  })
})
