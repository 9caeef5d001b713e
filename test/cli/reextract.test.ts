import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

const page =
  '<html><head><title>Kept page</title></head><body><article>' +
  '<p>This page was saved with its original, so it can be extracted again offline. </p>'.repeat(6) +
  '</article></body></html>'

describe('folio reextract --all', () => {
  const tempDir = useTempDirs()

  it('skips articles without a stored page (failed captures) and says so, instead of failing', async () => {
    const dir = tempDir()
    const library = join(dir, 'library')
    const file = join(dir, 'kept.html')
    writeFileSync(file, page)
    const saved = await runFolio(['--library', library, 'save', file, '--json'])
    expect(saved.code).toBe(0)
    const db = openDatabase(library)
    const failed = Number(
      db
        .prepare(
          `INSERT INTO articles (url, url_key, title, saved_at, updated_at, capture_status, error_code, error_message)
           VALUES ('https://example.com/gone', 'https://example.com/gone', '', 1, 1, 'failed', 'http_error', 'The server answered 404.')`
        )
        .run().lastInsertRowid
    )
    db.close()

    const json = await runFolio(['--library', library, 'reextract', '--all', '--json'])
    expect(json.stderr).toBe('')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'done',
      done: 1,
      failed: [],
      skipped: [failed]
    })

    const text = await runFolio(['--library', library, 'reextract', '--all'])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Re-extracted 1 article.')
    expect(text.stdout).toContain(`Skipped 1 without a stored page`)
  })
})
