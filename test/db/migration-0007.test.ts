import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/main/core/db/migrations'
import { migration0007 } from '../../src/main/core/db/migrations/0007-job-payloads'
import { openDatabase } from '../../src/main/core/db/open'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

/** A library at version 6 (highlights), the one migration 0007 follows. */
const upToSix = migrations.slice(0, 6)

const secret = '<p>Statement of account 4711, seen only when signed in</p>'

function insertJob(db: Database, payload: object, status: string, articleId: number | null) {
  db.prepare(
    `INSERT INTO jobs (kind, label, payload, status, article_id, created_at, updated_at)
     VALUES ('capture', 'https://bank.example/statement', ?, ?, ?, 1, 1)`
  ).run(JSON.stringify(payload), status, articleId)
}

describe('migration 0007: capture jobs forget the pages they carried', () => {
  const tempDir = useTempDirs()

  it('empties done captures and those of deleted articles, keeping labels, outcomes and waiting captures', () => {
    const dir = tempDir()
    const db = openDatabase(dir, { migrations: upToSix })
    const kept = insertArticle(db, { url: 'https://bank.example/statement' })
    const waiting = insertArticle(db, { url: 'https://bank.example/next' })
    const html = { source: 'html', url: 'https://bank.example/statement', html: secret }
    insertJob(db, html, 'done', kept)
    insertJob(
      db,
      { source: 'upload', name: 'a.html', url: 'file:///a.html', contentBase64: 'QUJD' },
      'done',
      kept
    )
    insertJob(db, html, 'failed', null)
    insertJob(db, html, 'queued', null)
    insertJob(db, { ...html, url: 'https://bank.example/next' }, 'queued', waiting)
    db.close()

    const migrated = openDatabase(dir, { migrations: [...upToSix, migration0007] })
    const rows = migrated.prepare('SELECT label, status, payload FROM jobs ORDER BY id').all() as {
      label: string
      status: string
      payload: string
    }[]
    migrated.close()
    expect(rows.map((row) => row.status)).toEqual(['done', 'done', 'failed', 'cancelled', 'queued'])
    expect(rows.every((row) => row.label === 'https://bank.example/statement')).toBe(true)
    expect(JSON.parse(rows[0].payload)).toEqual({
      source: 'html',
      url: 'https://bank.example/statement'
    })
    expect(JSON.parse(rows[1].payload)).toEqual({
      source: 'upload',
      name: 'a.html',
      url: 'file:///a.html'
    })
    expect(rows[2].payload).toBe('{}')
    expect(rows[3].payload).toBe('{}')
    // A capture still waiting for its article keeps what it needs to run.
    expect(JSON.parse(rows[4].payload).html).toBe(secret)
  })
})
