import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { addTagsToArticle } from '../../src/main/core/db/queries/tags'
import { createTagOperations } from '../../src/main/core/tags'
import type { TagEditResult } from '../../src/shared/types'
import { treeLines, useTagLibrary } from './fixtures'
import type { TagLibrary } from './fixtures'

describe('the totals the tree keeps between changes', () => {
  const library = useTagLibrary()

  /** The tree as a fresh reader computes it from the database alone. */
  function fresh(tags: TagLibrary): string[] {
    return treeLines(createTagOperations(tags.core.library).list())
  }

  async function expectInStep(tags: TagLibrary): Promise<void> {
    expect(treeLines(await tags.tree())).toEqual(fresh(tags))
  }

  it('stay equal to a full count through a long run of tag operations', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B', 'C', 'D', 'E', 'F')
    await tags.tree()
    await tags.call('articles.tag', { ids: ids.slice(0, 4), add: ['r', 'r/x', 'r/x/deep'] })
    await expectInStep(tags)
    await tags.call('articles.tag', { ids: ids.slice(2), add: ['r/y', 's'], remove: ['r/x'] })
    await expectInStep(tags)
    await tags.call('tags.rename', { from: 'r/x', to: 's/x' })
    await expectInStep(tags)
    const merged = (await tags.call('tags.merge', {
      from: ['r', 's/x'],
      into: 's'
    })) as TagEditResult
    await expectInStep(tags)
    const deleted = (await tags.call('tags.delete', { name: 's' })) as TagEditResult
    await expectInStep(tags)
    expect(await tags.tree()).toEqual([])
    await tags.call('tags.restore', { undo: deleted.undo })
    await expectInStep(tags)
    await tags.call('tags.restore', { undo: merged.undo })
    await expectInStep(tags)
    expect(treeLines(await tags.tree())).toContain('r 4/6')
  })

  it('notice tags that capture adds and articles deleted outside the tag operations', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B', 'C')
    await tags.call('articles.tag', { ids, add: ['topic/one'] })
    expect(treeLines(await tags.tree())).toEqual(['topic 0/3', '  one 3/3'])
    addTagsToArticle(tags.core.library.db, ids[0], ['topic/two'])
    await tags.call('articles.delete', { ids: [ids[1]] })
    expect(treeLines(await tags.tree())).toEqual(['topic 0/2', '  one 2/2', '  two 1/1'])
  })

  it('notice changes another connection commits', async () => {
    const tags = library()
    const [first] = tags.articles('A')
    await tags.call('articles.tag', { ids: [first], add: ['a'] })
    expect(treeLines(await tags.tree())).toEqual(['a 1/1'])
    const second = new Database(tags.core.library.db.name)
    try {
      second.pragma('foreign_keys = ON')
      addTagsToArticle(second, first, ['a/b'])
    } finally {
      second.close()
    }
    expect(treeLines(await tags.tree())).toEqual(['a 1/1', '  b 1/1'])
  })

  it('are left untouched by a change that fails and rolls back', async () => {
    const tags = library()
    const ids = tags.articles('A', 'B')
    await tags.call('articles.tag', { ids, add: ['a'] })
    expect(treeLines(await tags.tree())).toEqual(['a 2/2'])
    tags.core.library.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON article_tags
      WHEN NEW.article_id = ${ids[1]} BEGIN SELECT RAISE(ABORT, 'no'); END`)
    const result = await tags.core.invoke('articles.tag', { ids, add: ['b'], remove: ['a'] })
    expect(result.ok).toBe(false)
    expect(treeLines(await tags.tree())).toEqual(['a 2/2'])
  })
})
