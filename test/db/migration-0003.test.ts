import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/main/core/db/migrations'
import { openDatabase } from '../../src/main/core/db/open'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

describe('migration 0003: the process that runs each job', () => {
  const tempDir = useTempDirs()

  it('adds runner_pid to a version-2 library and keeps its queued and running jobs', () => {
    const dir = tempDir()
    const before = openDatabase(dir, { migrations: migrations.slice(0, 2) })
    const articleId = insertArticle(before, { url: 'https://example.com/queued' })
    before
      .prepare(
        `INSERT INTO jobs (kind, payload, status, stage, article_id, created_at, updated_at)
         VALUES ('capture', ?, ?, ?, ?, 1, 1)`
      )
      .run(
        JSON.stringify({ source: 'url', url: 'https://example.com/queued' }),
        'running',
        'fetching',
        articleId
      )
    expect(before.pragma('user_version', { simple: true })).toBe(2)
    before.close()

    const after = openDatabase(dir, { migrations: migrations.slice(0, 3) })
    expect(after.pragma('user_version', { simple: true })).toBe(3)
    expect(after.prepare('SELECT status, stage, runner_pid, article_id FROM jobs').all()).toEqual([
      { status: 'running', stage: 'fetching', runner_pid: null, article_id: articleId }
    ])
    after.close()
  })
})
