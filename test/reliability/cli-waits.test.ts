import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

interface SaveEntry {
  input: string
  ok: boolean
  id: number | null
  error: { code: string; message: string } | null
}

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function writePages(dir: string, prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const path = join(dir, `${prefix}-${index}.html`)
    const sentence = `Page ${index} of ${prefix} is saved by one of two folio processes at once.`
    writeFileSync(
      path,
      `<html><head><title>${prefix} ${index}</title></head><body><article>` +
        `${`<p>${sentence} ${sentence}</p>`.repeat(8)}</article></body></html>`
    )
    return path
  })
}

describe('folio save reports every input and exits 0 or 1', () => {
  const tempDir = useTempDirs()

  it('prints the failure of an unreachable address as JSON and exits 1, after retrying it, within a minute', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`
    const started = Date.now()
    const run = await runFolio(['--library', join(tempDir(), 'new'), 'save', url, '--json'])
    const seconds = (Date.now() - started) / 1000

    expect(run.code).toBe(1)
    const entries = JSON.parse(run.stdout) as SaveEntry[]
    expect(entries).toEqual([
      expect.objectContaining({ input: url, ok: false, error: expect.anything() })
    ])
    expect(entries[0].error).toMatchObject({ code: 'connection_failed' })
    expect(entries[0].error?.message).toContain('refused the connection')
    // Retried within the command, and said so on stderr, before it gave up.
    expect(run.stderr).toContain('try again')
    expect(seconds).toBeLessThan(60)
  })

  it('lets two CLIs save into one library at once, each reporting exactly its own inputs', async () => {
    const dir = tempDir()
    const library = join(dir, 'shared-library')
    const first = writePages(dir, 'first', 6)
    const second = writePages(dir, 'second', 6)
    openDatabase(library).close()

    const runs = await Promise.all([
      runFolio(['--library', library, 'save', ...first, '--json']),
      runFolio(['--library', library, 'save', ...second, '--json'])
    ])

    for (const [index, inputs] of [first, second].entries()) {
      const run = runs[index]
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const entries = JSON.parse(run.stdout) as SaveEntry[]
      expect(entries.map((entry) => entry.input)).toEqual(inputs)
      expect(entries.every((entry) => entry.ok && entry.id !== null)).toBe(true)
    }
    const db = new Database(join(library, 'library.db'), { readonly: true })
    const states = db
      .prepare('SELECT capture_status AS status, count(*) AS n FROM articles GROUP BY 1')
      .all()
    const jobs = db.prepare('SELECT status, count(*) AS n FROM jobs GROUP BY 1').all()
    db.close()
    expect(states).toEqual([{ status: 'ready', n: 12 }])
    expect(jobs).toEqual([{ status: 'done', n: 12 }])
  })
})
