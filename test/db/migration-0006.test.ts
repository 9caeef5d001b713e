import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/main/core/db/migrations'
import { openDatabase } from '../../src/main/core/db/open'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

describe('migration 0006: highlights, article notes and their search table', () => {
  const tempDir = useTempDirs()

  /** A version-5 library with two tagged, indexed articles, made by the real engine. */
  async function versionFiveLibrary(): Promise<{ dir: string; ids: number[] }> {
    const dir = tempDir()
    const library = openLibrary(dir, { migrations: migrations.slice(0, 5) })
    const engine = createEngine(library, { log: () => {} })
    const ids = [
      insertArticle(library.db, {
        url: 'https://example.com/a',
        title: 'Tidal power',
        text: 'The moon pulls the sea twice a day.'
      }),
      insertArticle(library.db, {
        url: 'https://example.com/b',
        title: '大模型',
        text: '大模型的训练需要很多数据。'
      })
    ]
    unwrap(await engine.call('search.reindex', {}))
    unwrap(await engine.call('articles.tag', { ids, add: ['energy'], remove: [] }))
    expect(library.db.pragma('user_version', { simple: true })).toBe(5)
    await engine.close()
    library.close()
    return { dir, ids }
  }

  it('keeps every article, tag and search row and adds empty highlights and notes', async () => {
    const { dir, ids } = await versionFiveLibrary()
    const library = openLibrary(dir)
    const engine = createEngine(library, { log: () => {} })
    try {
      const { db } = library
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6)
      expect(db.prepare('SELECT id, note FROM articles ORDER BY id').all()).toEqual(
        ids.map((id) => ({ id, note: null }))
      )
      expect(db.prepare('SELECT count(*) FROM highlights').pluck().get()).toBe(0)
      expect(db.prepare('SELECT count(*) FROM search_notes').pluck().get()).toBe(0)
      const hits = unwrap(await engine.call('search.query', { query: 'moon tag:energy' }))
      expect(hits.items.map((hit) => hit.id)).toEqual([ids[0]])
      const cjk = unwrap(await engine.call('search.query', { query: '模型' }))
      expect(cjk.items.map((hit) => hit.id)).toEqual([ids[1]])
    } finally {
      await engine.close()
      library.close()
    }
  })

  it('refuses a colour, an empty quote or an anchored highlight without offsets', async () => {
    const { dir, ids } = await versionFiveLibrary()
    const db = openDatabase(dir)
    try {
      const insert = db.prepare(
        `INSERT INTO highlights (article_id, color, quote, start_offset, end_offset, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, 1)`
      )
      insert.run(ids[0], 'yellow', 'moon', 4, 8, 'anchored')
      insert.run(ids[0], 'purple', 'gone', null, null, 'orphaned')
      expect(() => insert.run(ids[0], 'orange', 'moon', 4, 8, 'anchored')).toThrow(/CHECK/)
      expect(() => insert.run(ids[0], 'yellow', '', 4, 4, 'anchored')).toThrow(/CHECK/)
      expect(() => insert.run(ids[0], 'yellow', 'moon', null, null, 'anchored')).toThrow(/CHECK/)
      expect(() => insert.run(999, 'yellow', 'moon', 4, 8, 'anchored')).toThrow(/FOREIGN KEY/)
    } finally {
      db.close()
    }
  })

  it('deletes an article’s highlights with it, even on a connection without foreign keys', async () => {
    const { dir, ids } = await versionFiveLibrary()
    const db = openDatabase(dir)
    try {
      const insert = db.prepare(
        `INSERT INTO highlights (article_id, quote, start_offset, end_offset, created_at, updated_at)
         VALUES (?, 'sea', 18, 21, 1, 1)`
      )
      insert.run(ids[0])
      insert.run(ids[1])
      db.pragma('foreign_keys = OFF')
      db.prepare('DELETE FROM articles WHERE id = ?').run(ids[0])
      expect(db.prepare('SELECT article_id FROM highlights').pluck().all()).toEqual([ids[1]])
    } finally {
      db.close()
    }
  })
})
