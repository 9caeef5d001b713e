import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/main/core/db/migrations'
import { openDatabase } from '../../src/main/core/db/open'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

describe('migration 0005: job kinds, labels, progress and results', () => {
  const tempDir = useTempDirs()

  function versionFourLibrary(): { dir: string; articleId: number } {
    const dir = tempDir()
    const db = openDatabase(dir, { migrations: migrations.slice(0, 4) })
    const articleId = insertArticle(db, { url: 'https://example.com/failed' })
    const insert = db.prepare(
      `INSERT INTO jobs (kind, payload, status, stage, article_id, error_code, error_message, created_at, updated_at)
       VALUES ('capture', ?, ?, NULL, ?, ?, ?, 1, 1)`
    )
    insert.run(
      JSON.stringify({ source: 'url', url: 'https://example.com/failed' }),
      'failed',
      articleId,
      'http_error',
      'The server answered 404.'
    )
    insert.run(
      JSON.stringify({
        source: 'file',
        path: '/home/reader/notes.md',
        url: 'file:///home/reader/notes.md'
      }),
      'done',
      null,
      null,
      null
    )
    expect(db.pragma('user_version', { simple: true })).toBe(4)
    db.close()
    return { dir, articleId }
  }

  it('labels the capture jobs a version-4 library holds with their address or file', async () => {
    const { dir, articleId } = versionFourLibrary()
    const library = openLibrary(dir)
    const engine = createEngine(library, { log: () => {} })
    try {
      // Migrated past 5 (to the newest version).
      expect(library.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5)
      const jobs = unwrap(await engine.call('jobs.list', {}))
      expect(
        jobs.map((job) => [job.kind, job.input, job.status, job.progress, job.result])
      ).toEqual([
        ['capture', '/home/reader/notes.md', 'done', null, null],
        ['capture', 'https://example.com/failed', 'failed', null, null]
      ])
      expect(jobs[1]).toMatchObject({
        articleId,
        error: { code: 'http_error', message: 'The server answered 404.' }
      })
    } finally {
      await engine.close()
      library.close()
    }
  })

  it('lists jobs by kind', async () => {
    const { dir } = versionFourLibrary()
    const library = openLibrary(dir)
    const engine = createEngine(library, { log: () => {} })
    try {
      unwrap(await engine.call('search.reindex', {}))
      const reindexing = unwrap(await engine.call('jobs.list', { kind: 'reindex' }))
      expect(reindexing.map((job) => job.kind)).toEqual(['reindex'])
      expect(unwrap(await engine.call('jobs.list', { kind: 'capture' }))).toHaveLength(2)
    } finally {
      await engine.close()
      library.close()
    }
  })
})
