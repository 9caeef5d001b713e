import { describe, expect, it } from 'vitest'
import { treeLines, useTagLibrary } from './fixtures'

describe('deleting tags and undoing changes', () => {
  const library = useTagLibrary()

  it('deletes a parent with everything beneath it and keeps the articles', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first], add: ['research', 'keep'] })
    await tags.call('articles.tag', { ids: [second], add: ['research/llm'] })
    const result = await tags.call('tags.delete', { name: 'research' })
    expect(result.tags.map((tag) => tag.from)).toEqual(['research', 'research/llm'])
    expect(treeLines(await tags.tree())).toEqual(['keep 1/1'])
    expect(tags.tagsOf(first)).toEqual(['keep'])
    const stats = await tags.call('library.stats', {})
    expect(stats.articles).toBe(2)
  })

  it('deletes only the parent when asked to keep its children', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first], add: ['research'] })
    await tags.call('articles.tag', { ids: [second], add: ['research/llm'] })
    await tags.call('tags.delete', { name: 'research', withDescendants: false })
    expect(treeLines(await tags.tree())).toEqual(['research 0/1', '  llm 1/1'])
  })

  it('undoes a delete exactly: same tags, ids, creation times and articles', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first, second], add: ['research/llm', 'Research'] })
    const before = await tags.tree()
    const rows = tags.library.db.prepare('SELECT * FROM tags ORDER BY id').all()
    const { undo } = await tags.call('tags.delete', { name: 'research' })
    await tags.call('tags.restore', { undo })
    expect(await tags.tree()).toEqual(before)
    expect(tags.library.db.prepare('SELECT * FROM tags ORDER BY id').all()).toEqual(rows)
    expect(await tags.listed('research')).toEqual([first, second])
  })

  it('undoes a merge, separating the tags and their articles again', async () => {
    const tags = library()
    const [first, second, third] = tags.articles('One', 'Two', 'Three')
    await tags.call('articles.tag', { ids: [first], add: ['llm'] })
    await tags.call('articles.tag', { ids: [second], add: ['LLMs', 'llm'] })
    await tags.call('articles.tag', { ids: [third], add: ['ai/llm'] })
    const before = await tags.tree()
    const { undo } = await tags.call('tags.merge', {
      from: ['llm', 'LLMs'],
      into: 'ai/llm'
    })
    expect(treeLines(await tags.tree())).toEqual(['ai 0/3', '  llm 3/3'])
    await tags.call('tags.restore', { undo })
    expect(await tags.tree()).toEqual(before)
    expect(tags.tagsOf(second)).toEqual(['llm', 'LLMs'])
  })

  it('undoes a rename that swapped names through a merge', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first], add: ['a', 'a/x'] })
    await tags.call('articles.tag', { ids: [second], add: ['b/x'] })
    const before = await tags.tree()
    const { undo } = await tags.call('tags.rename', { from: 'a', to: 'b' })
    await tags.call('tags.restore', { undo })
    expect(await tags.tree()).toEqual(before)
  })

  it('refuses to undo when a new tag has taken a restored name, and changes nothing', async () => {
    const tags = library()
    const [first] = tags.articles('One')
    await tags.call('articles.tag', { ids: [first], add: ['old'] })
    const { undo } = await tags.call('tags.delete', { name: 'old' })
    await tags.call('tags.create', { name: 'OLD' })
    const result = await tags.core.call('tags.restore', { undo })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(result.ok ? '' : result.error.message).toContain('"OLD"')
    expect(treeLines(await tags.tree())).toEqual(['OLD 0/0'])
  })

  it('skips links to articles deleted since the change', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first, second], add: ['a'] })
    const { undo } = await tags.call('tags.delete', { name: 'a' })
    await tags.call('articles.delete', { ids: [second] })
    await tags.call('tags.restore', { undo })
    expect(await tags.listed('a')).toEqual([first])
  })
})
