import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { addTagsToArticle } from '../../src/main/core/tags/queries'
import { corpusPage } from '../helpers/corpus'
import type { FixtureServer } from '../helpers/http-server'
import { startFixtureServer } from '../helpers/http-server'
import { treeLines, useTagLibrary } from './fixtures'
import type { TagLibrary } from './fixtures'
import { listedCounts, recountTags } from './recount'

describe('the stored tag counts', () => {
  const library = useTagLibrary()
  let server: FixtureServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  /** `tags.list` agrees with a count from scratch, and no node outlives its tags. */
  async function expectCounted(tags: TagLibrary): Promise<void> {
    const { db } = tags.library
    const recounted = recountTags(db)
    expect(listedCounts(await tags.tree())).toEqual(recounted)
    const stored = db.prepare('SELECT lower(name) FROM tag_nodes').pluck().all() as string[]
    expect(stored.sort()).toEqual(Object.keys(recounted).sort())
  }

  it('follow adds, removes, renames, merges, deletes and their undo', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B', 'C', 'D', 'E', 'F')
    await tags.call('articles.tag', { ids: ids.slice(0, 4), add: ['r', 'r/x', 'r/x/deep'] })
    await expectCounted(tags)
    // An article under `r` through three tags counts once for `r`.
    expect(treeLines(await tags.tree())).toEqual(['r 4/4', '  x 4/4', '    deep 4/4'])
    await tags.call('articles.tag', { ids: ids.slice(2), add: ['r/y', 's'], remove: ['r/x'] })
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toContain('r 4/6')
    const renamed = await tags.call('tags.rename', { from: 'r/x', to: 's/x' })
    await expectCounted(tags)
    // Onto an existing name: `s/x/deep` merges into `s/deep`.
    await tags.call('tags.create', { name: 's/deep' })
    await tags.call('tags.rename', { from: 's/x/deep', to: 's/deep' })
    await expectCounted(tags)
    const merged = await tags.call('tags.merge', {
      from: ['r', 's/x'],
      into: 's'
    })
    await expectCounted(tags)
    const kept = await tags.call('tags.delete', {
      name: 's',
      withDescendants: false
    })
    await expectCounted(tags)
    await tags.call('tags.restore', { undo: kept.undo })
    const deleted = await tags.call('tags.delete', { name: 's' })
    await expectCounted(tags)
    expect(await tags.tree()).toEqual([])
    await tags.call('tags.restore', { undo: deleted.undo })
    await expectCounted(tags)
    await tags.call('tags.restore', { undo: merged.undo })
    await expectCounted(tags)
    await tags.call('tags.restore', { undo: renamed.undo })
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toContain('r 4/6')
  })

  it('follow a parent moved beneath itself, a case-only rename and a swap undone', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B', 'C')
    await tags.call('articles.tag', { ids, add: ['a', 'a/b'] })
    await tags.call('articles.tag', { ids: [ids[0]], add: ['a/b/c'] })
    const moved = await tags.call('tags.rename', { from: 'a', to: 'a/b' })
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toEqual(['a 0/3', '  b 3/3', '    b 3/3', '      c 1/1'])
    await tags.call('tags.rename', { from: 'a/b', to: 'A/B' })
    await expectCounted(tags)
    await tags.call('tags.restore', { undo: moved.undo })
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toEqual(['a 3/3', '  b 3/3', '    c 1/1'])
    // A parent that is no tag itself, moved to a free place beneath another parent.
    await tags.call('articles.tag', { ids: ids.slice(1), add: ['m/n/o', 'k'] })
    await tags.call('tags.rename', { from: 'm', to: 'k/m' })
    await expectCounted(tags)
    expect(treeLines(await tags.tree()).slice(3)).toEqual([
      'k 2/2',
      '  m 0/2',
      '    n 0/2',
      '      o 2/2'
    ])
  })

  it('follow articles deleted and tags a capture adds', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B', 'C')
    await tags.call('articles.tag', { ids, add: ['topic/one'] })
    await tags.call('articles.delete', { ids: [ids[1]] })
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toEqual(['topic 0/2', '  one 2/2'])

    server = await startFixtureServer({})
    server.route('/news.html', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: corpusPage('zh-gne/html/163/1.html.gz')
    })
    const { items } = await tags.call('capture.save', {
      inputs: [server.url('/news.html')],
      tags: ['topic/news', 'topic/one']
    })
    tags.core.start()
    const [job] = await tags.core.waitForJobs([items[0].jobId!])
    expect(job.status).toBe('done')
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toEqual(['topic 0/3', '  news 1/1', '  one 3/3'])
  })

  it('follow changes another connection commits, foreign keys on or off', async () => {
    const tags = library()
    const [first, second] = tags.articles('A', 'B')
    await tags.call('articles.tag', { ids: [first, second], add: ['a'] })
    const other = new Database(tags.library.db.name)
    try {
      addTagsToArticle(other, first, ['a/b', 'c'])
      other.prepare('UPDATE tags SET name = ? WHERE name = ?').run('d/c', 'c')
      other.prepare('DELETE FROM articles WHERE id = ?').run(second)
      other.prepare('DELETE FROM tags WHERE name = ?').run('a/b')
    } finally {
      other.close()
    }
    await expectCounted(tags)
    expect(treeLines(await tags.tree())).toEqual(['a 1/1', 'd 0/1', '  c 1/1'])
  })

  it('are left untouched by a change that fails and rolls back', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B')
    await tags.call('articles.tag', { ids, add: ['a'] })
    tags.library.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON article_tags
      WHEN NEW.article_id = ${ids[1]} BEGIN SELECT RAISE(ABORT, 'no'); END`)
    const result = await tags.core.call('articles.tag', { ids, add: ['b'], remove: ['a'] })
    expect(result.ok).toBe(false)
    expect(treeLines(await tags.tree())).toEqual(['a 2/2'])
    await expectCounted(tags)
  })
})
