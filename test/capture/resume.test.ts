import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { folioBin, runFolio } from '../helpers/cli'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'
import { useTempDirs } from '../helpers/temp'

const pageCount = 12

function page(index: number): string {
  const sentence = `Article number ${index} is one of a batch that a crash interrupts halfway through saving.`
  return `<html><head><title>Batch article ${index}</title></head><body><article>${`<p>${sentence} ${sentence}</p>`.repeat(6)}</article></body></html>`
}

/** Ready articles so far; 0 while the child has not yet created the library. */
function readyCount(dir: string): number {
  let db: Database.Database | null = null
  try {
    db = new Database(join(dir, 'library.db'), { readonly: true, fileMustExist: true })
    return (
      db.prepare("SELECT count(*) AS n FROM articles WHERE capture_status = 'ready'").get() as {
        n: number
      }
    ).n
  } catch {
    return 0
  } finally {
    db?.close()
  }
}

describe('a batch interrupted by a crash', () => {
  const tempDir = useTempDirs()
  let server: FixtureServer

  afterEach(async () => {
    await server?.close()
  })

  it('resumes after a restart without duplicates or loss', async () => {
    const routes = Object.fromEntries(
      Array.from({ length: pageCount }, (_, index) => [
        `/article/${index}`,
        // Slow pages, so the kill lands while captures are in flight.
        { headers: { 'content-type': 'text/html' }, body: page(index), delayMs: 500 }
      ])
    )
    server = await startFixtureServer(routes)
    const dir = tempDir()
    const urls = Array.from({ length: pageCount }, (_, index) => server.url(`/article/${index}`))

    const child = spawn(process.execPath, [folioBin, '--library', dir, 'save', ...urls, '--json'], {
      stdio: 'ignore'
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (readyCount(dir) >= 2) {
          clearInterval(poll)
          resolve()
        }
      }, 50)
      child.once('exit', () => {
        clearInterval(poll)
        reject(new Error('folio save finished before it could be interrupted'))
      })
    })
    child.kill('SIGKILL')
    await exited
    const interrupted = readyCount(dir)
    expect(interrupted).toBeLessThan(pageCount)

    const resumed = await runFolio(['--library', dir, 'jobs', 'resume'])
    expect(resumed.code).toBe(0)

    const db = new Database(join(dir, 'library.db'), { readonly: true })
    const articles = db
      .prepare('SELECT url, capture_status AS status FROM articles ORDER BY url')
      .all() as {
      url: string
      status: string
    }[]
    const jobs = db.prepare('SELECT status, count(*) AS n FROM jobs GROUP BY status').all()
    db.close()
    expect(articles).toHaveLength(pageCount)
    expect(new Set(articles.map((article) => article.url)).size).toBe(pageCount)
    expect(articles.every((article) => article.status === 'ready')).toBe(true)
    expect(jobs).toEqual([{ status: 'done', n: pageCount }])
  })
})
