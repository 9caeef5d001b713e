import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/core/db/open'
import { runFolio } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp'
import { seedLibrary } from '../io/library-fixture'

describe('folio backup', () => {
  const tempDir = useTempDirs()

  it('copies a library that another connection keeps writing to, into a whole, consistent file', async () => {
    const dir = tempDir()
    seedLibrary(dir)
    const writer = openDatabase(dir)
    const insert = writer.prepare(
      `INSERT INTO articles (url, url_key, title, saved_at, updated_at, capture_status)
       VALUES (?, ?, 'written during the backup', 0, 0, 'ready')`
    )
    // Another process (the app) writes a row every few milliseconds while the backup runs.
    let written = 0
    const timer = setInterval(() => {
      for (let step = 0; step < 20; step += 1) {
        written += 1
        insert.run(`https://w.example/${written}`, `https://w.example/${written}`)
      }
    }, 2)
    const out = join(tempDir(), 'copy.db')
    const run = await runFolio(['--library', dir, 'backup', out, '--json'])
    clearInterval(timer)
    writer.close()
    expect(written).toBeGreaterThan(0)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ path: out })
    const copy = new Database(out, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    const count = copy.prepare('SELECT count(*) FROM articles').pluck().get() as number
    expect(count).toBeGreaterThanOrEqual(3)
    expect(count).toBeLessThanOrEqual(3 + written)
    copy.close()
    expect(readdirSync(join(out, '..'))).toEqual(['copy.db'])
  })

  it('refuses a path that exists unless --force', async () => {
    const dir = tempDir()
    seedLibrary(dir)
    const out = join(tempDir(), 'copy.db')
    writeFileSync(out, 'precious')
    const refused = await runFolio(['--library', dir, 'backup', out])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('exists already; choose another name, or --force')
    const forced = await runFolio(['--library', dir, 'backup', out, '--force'])
    expect(forced.code).toBe(0)
    expect(new Database(out, { readonly: true }).pragma('quick_check', { simple: true })).toBe('ok')
  })

  it('says why it cannot write into a folder that is not one, and leaves nothing behind', async () => {
    const dir = tempDir()
    seedLibrary(dir)
    const folder = tempDir()
    writeFileSync(join(folder, 'file'), '')
    const run = await runFolio(['--library', dir, 'backup', join(folder, 'file', 'copy.db')])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('its folder does not exist')
    expect(readdirSync(folder)).toEqual(['file'])
    expect(existsSync(join(folder, 'file', 'copy.db'))).toBe(false)
  })
})
