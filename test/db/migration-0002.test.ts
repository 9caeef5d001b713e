import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { schemaVersion } from '../../src/main/core/db/migrate'
import { migration0001 } from '../../src/main/core/db/migrations/0001-initial'
import { openDatabase } from '../../src/main/core/db/open'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import { storedIndexVersion } from '../../src/main/core/search/rebuild'
import { tokenizerVersion } from '../../src/main/core/search/tokenize'
import { unwrap } from '../../src/shared/errors'
import type { FolioEvent } from '../../src/shared/events'
import { insertArticle, setTag } from '../search/fixtures'

const directories: string[] = []

afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function libraryWithVersionOneData(): { dir: string; ids: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-migration-0002-'))
  directories.push(dir)
  const db = openDatabase(dir, { migrations: [migration0001] })
  expect(schemaVersion(db)).toBe(1)
  const ids = [
    insertArticle(db, { title: 'Saved before search existed', text: 'a pre-existing article' }),
    insertArticle(db, { title: '旧的文章', text: '升级之前保存的中文文章', lang: 'zh' })
  ]
  setTag(db, ids[0], 'archive/old')
  db.close()
  return { dir, ids }
}

describe('migration 0002 (search)', () => {
  it('leaves the index to a re-index job that a started engine runs, with progress', async () => {
    const { dir, ids } = libraryWithVersionOneData()
    const library = openLibrary(dir)
    const engine = createEngine(library, { log: () => {} })
    const events: FolioEvent[] = []
    engine.onEvent((event) => events.push(event))
    try {
      expect(schemaVersion(library.db)).toBeGreaterThanOrEqual(2)
      expect(storedIndexVersion(library.db)).toBeNull()
      engine.start()
      const [job] = unwrap(await engine.call('jobs.list', { kind: 'reindex' }))
      expect(job).toMatchObject({ kind: 'reindex', input: 'the search index' })
      const [done] = await engine.waitForJobs([job.id])
      expect(done).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } })
      expect(events).toContainEqual({ type: 'index.progress', done: 2, total: 2 })
      expect(storedIndexVersion(library.db)).toBe(tokenizerVersion)
      const find = async (query: string): Promise<number[]> =>
        unwrap(await engine.call('search.query', { query })).items.map((item) => item.id)
      expect(await find('pre-existing')).toEqual([ids[0]])
      expect(await find('中文')).toEqual([ids[1]])
      expect(await find('tag:archive')).toEqual([ids[0]])
    } finally {
      await engine.close()
      library.close()
    }
  })

  it('leaves the articles themselves unchanged', () => {
    const { dir } = libraryWithVersionOneData()
    const db = openDatabase(dir)
    try {
      const titles = db.prepare('SELECT title FROM articles ORDER BY id').pluck().all()
      expect(titles).toEqual(['Saved before search existed', '旧的文章'])
    } finally {
      db.close()
    }
  })
})
