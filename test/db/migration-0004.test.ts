import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import { addTagsToArticle } from '../../src/main/core/tags/queries'
import { migrations } from '../../src/main/core/db/migrations'
import { openDatabase } from '../../src/main/core/db/open'
import { openLibrary } from '../../src/main/core/library'
import { storedIndexVersion } from '../../src/main/core/search/rebuild'
import { unwrap } from '../../src/shared/errors'
import type { FolioEvent } from '../../src/shared/events'
import type { TagInfo } from '../../src/shared/types'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'
import { listedCounts, recountTags } from '../tags/recount'

// The full-text table as the released migration 0002 made it, tags beside the body.
const releasedFtsTable = `
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, byline, site, tags, body, title_chars, body_chars,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '.,'"
  )`

describe('migration 0004: stored tag counts, tags out of the body index', () => {
  const tempDir = useTempDirs()

  /** A version-3 library with tagged articles, its body index holding tag words. */
  function versionThreeLibrary(): { dir: string; ids: number[] } {
    const dir = tempDir()
    const db = openDatabase(dir, { migrations: migrations.slice(0, 3) })
    db.exec(`DROP TABLE search_fts; ${releasedFtsTable}`)
    const ids = ['One', 'Two', 'Three'].map((title, index) =>
      insertArticle(db, {
        url: `https://example.com/${index}`,
        title,
        text: `${title} is about gliders`
      })
    )
    addTagsToArticle(db, ids[0], ['aviation/airships', 'aviation/airships/zeppelins'])
    addTagsToArticle(db, ids[1], ['aviation/gliders', 'Reading'])
    addTagsToArticle(db, ids[2], ['reading'])
    db.prepare(
      `INSERT INTO search_fts (rowid, title, byline, site, tags, body, title_chars, body_chars)
       VALUES (?, 'one', '', '', 'aviation airships', 'one is about gliders', '', '')`
    ).run(ids[0])
    expect(db.pragma('user_version', { simple: true })).toBe(3)
    db.close()
    return { dir, ids }
  }

  it('stores the counts of the tags a version-3 library has, and keeps them from then on', async () => {
    const { dir, ids } = versionThreeLibrary()
    const db = openDatabase(dir)
    const library = openLibrary(dir)
    const core = createEngine(library, { log: () => {} })
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      const list = async (): Promise<TagInfo[]> => unwrap(await core.call('tags.list', {}))
      expect(listedCounts(await list())).toEqual(recountTags(db))
      expect(listedCounts(await list())).toEqual({
        aviation: '0/2',
        'aviation/airships': '1/1',
        'aviation/airships/zeppelins': '1/1',
        'aviation/gliders': '1/1',
        reading: '2/2'
      })
      await core.call('articles.tag', { ids: [ids[2]], add: ['aviation/gliders'] })
      expect(listedCounts(await list())).toEqual(recountTags(db))
      expect(listedCounts(await list())['aviation']).toBe('0/3')
    } finally {
      await core.close()
      library.close()
      db.close()
    }
  })

  it('takes the tags out of the body index and rebuilds it on the first search, with progress', async () => {
    const { dir, ids } = versionThreeLibrary()
    const library = openLibrary(dir)
    const core = createEngine(library, { log: () => {} })
    const events: FolioEvent[] = []
    core.onEvent((event) => events.push(event))
    try {
      const { db } = library
      const columns = db.prepare(`SELECT name FROM pragma_table_info('search_fts')`).pluck().all()
      expect(columns).not.toContain('tags')
      expect(db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(0)
      expect(storedIndexVersion(db)).toBeNull()

      const found = async (query: string): Promise<number[]> =>
        unwrap(await core.call('search.query', { query }))
          .items.map((item) => item.id)
          .sort()
      expect(await found('airships')).toEqual([ids[0]])
      expect(events).toContainEqual({ type: 'index.progress', done: 3, total: 3 })
      expect(await found('gliders')).toEqual(ids)
      expect(await found('reading')).toEqual([ids[1], ids[2]])
      expect(await found('zeppelins -gliders')).toEqual([])
    } finally {
      await core.close()
      library.close()
    }
  })
})
