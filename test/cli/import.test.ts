import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import { folioBin, runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'
import { pocketAnnotations, pocketCsv, pocketRows, writeZip } from '../core/io/import/fixtures'
import type { PocketRow } from '../core/io/import/fixtures'

function manyRows(count: number): PocketRow[] {
  return Array.from({ length: count }, (_, index) => ({
    title: `Article ${index}, "n°${index}" 第${index}篇`,
    url: `https://example.com/articles/${index}`,
    timeAdded: 1500000000 + index,
    tags: [`tag${index % 7}`, '日本語'],
    status: index % 3 === 0 ? 'archive' : 'unread'
  }))
}

function countArticles(dir: string): number {
  try {
    const db = openDatabase(dir)
    try {
      return db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    } finally {
      db.close()
    }
  } catch {
    return 0
  }
}

describe('folio import', () => {
  const tempDir = useTempDirs()

  it('imports a Pocket ZIP with --no-fetch --json, printing the counts and every row', async () => {
    const dir = tempDir()
    const zip = join(tempDir(), 'pocket.zip')
    await writeZip(zip, {
      'part_000000.csv': pocketCsv(pocketRows),
      'annotations/part_000000.json': JSON.stringify(pocketAnnotations)
    })
    const run = await runFolio([
      '--library',
      dir,
      'import',
      zip,
      '--no-fetch',
      '--tag',
      'from pocket',
      '--json'
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed).toMatchObject({
      status: 'done',
      format: 'pocket-zip',
      counts: { imported: 3, merged: 0, skipped: 0, failed: 0 },
      captures: 0
    })
    expect(printed.rows).toEqual(
      pocketRows.map((row, index) => ({
        row: index + 1,
        url: row.url,
        outcome: 'imported',
        reason: null
      }))
    )
    const listed = await runFolio(['--library', dir, 'list', '--tag', 'from pocket', '--json'])
    expect(JSON.parse(listed.stdout)).toHaveLength(3)
    const again = await runFolio(['--library', dir, 'import', zip, '--no-fetch'])
    expect(again.stdout).toContain('Imported 0 articles')
    expect(again.stdout).toContain('3 already there')
  })

  it('fails with the file and line for a malformed CSV, exit code 1', async () => {
    const path = join(tempDir(), 'bad.csv')
    writeFileSync(
      path,
      pocketCsv(pocketRows.slice(0, 1)) + '"open,https://example.com/q,1,1,,unread\n'
    )
    const run = await runFolio(['--library', tempDir(), 'import', path, '--no-fetch', '--json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^folio: bad\.csv is not valid CSV at line \d+/)
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'failed', counts: { imported: 1 } })
  })

  it('finishes an import killed midway with no duplicate and no loss', async () => {
    const dir = tempDir()
    const total = 20_000
    const csv = join(tempDir(), 'part_000000.csv')
    writeFileSync(csv, pocketCsv(manyRows(total)))
    const child = spawn(
      process.execPath,
      [folioBin, '--library', dir, 'import', csv, '--no-fetch'],
      {
        env: { ...process.env, FOLIO_LIBRARY: '' },
        stdio: 'ignore'
      }
    )
    const exited = new Promise((resolve) => child.on('exit', resolve))
    let seen = 0
    while (seen < 1000) {
      await sleep(10)
      seen = countArticles(dir)
    }
    child.kill('SIGKILL')
    await exited
    const killedAt = countArticles(dir)
    expect(killedAt).toBeLessThan(total)

    const resumed = await runFolio(['--library', dir, 'jobs', 'resume'])
    expect(resumed.code).toBe(0)
    const jobs = JSON.parse((await runFolio(['--library', dir, 'jobs', '--json'])).stdout)
    const report = jobs[0].result.import
    expect(report.counts).toEqual({ imported: total, merged: 0, skipped: 0, failed: 0 })
    expect(report.rows.map((row: { row: number }) => row.row)).toEqual(
      Array.from({ length: total }, (_, index) => index + 1)
    )
    const db = openDatabase(dir)
    const stored = db
      .prepare(
        'SELECT count(*) AS n, count(DISTINCT url) AS urls, min(saved_at) AS first FROM articles'
      )
      .get()
    const tagged = db
      .prepare(
        `SELECT count(*) FROM article_tags JOIN tags ON tags.id = tag_id WHERE name = '日本語'`
      )
      .pluck()
      .get()
    db.close()
    expect(stored).toEqual({ n: total, urls: total, first: 1500000000 * 1000 })
    expect(tagged).toBe(total)
  }, 120_000)
})
