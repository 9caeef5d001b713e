import { describe, expect, it } from 'vitest'
import { treeLines, useTagLibrary } from './fixtures'

describe('renaming and merging tags', () => {
  const library = useTagLibrary()

  it('moves a parent with its whole subtree, keeping every article on its tags', async () => {
    const tags = library()
    const [first, second, third] = tags.articles('One', 'Two', 'Three')
    await tags.call('articles.tag', { ids: [first], add: ['research'] })
    await tags.call('articles.tag', { ids: [second], add: ['research/llm'] })
    await tags.call('articles.tag', { ids: [third], add: ['research/llm/rag', 'cooking'] })
    const result = await tags.call('tags.rename', {
      from: 'research',
      to: 'science/ai'
    })
    expect(result.tags).toEqual([
      { from: 'research', to: 'science/ai' },
      { from: 'research/llm', to: 'science/ai/llm' },
      { from: 'research/llm/rag', to: 'science/ai/llm/rag' }
    ])
    expect(result.articles).toEqual([first, second, third])
    expect(tags.tagsOf(third)).toEqual(['cooking', 'science/ai/llm/rag'])
    expect(treeLines(await tags.tree())).toEqual([
      'cooking 1/1',
      'science 0/3',
      '  ai 1/3',
      '    llm 1/2',
      '      rag 1/1'
    ])
    expect(await tags.listed('research')).toEqual([])
  })

  it('merges into a tag that already has the new name, children included', async () => {
    const tags = library()
    const [first, second, third] = tags.articles('One', 'Two', 'Three')
    await tags.call('articles.tag', { ids: [first, second], add: ['ml'] })
    await tags.call('articles.tag', { ids: [second, third], add: ['ai/ml'] })
    await tags.call('articles.tag', { ids: [first], add: ['ml/vision'] })
    await tags.call('tags.rename', { from: 'ml', to: 'AI/ML' })
    expect(treeLines(await tags.tree())).toEqual(['ai 0/3', '  ml 3/3', '    vision 1/1'])
    expect((await tags.tree()).map((node) => node.name)).toEqual(['ai', 'ai/ml', 'ai/ml/vision'])
  })

  it('renames in place when only the case changes', async () => {
    const tags = library()
    const [first] = tags.articles('One')
    await tags.call('articles.tag', { ids: [first], add: ['llm', 'llm/rag'] })
    await tags.call('tags.rename', { from: 'llm', to: 'LLM' })
    expect(tags.tagsOf(first)).toEqual(['LLM', 'LLM/rag'])
  })

  it('can move a tag beneath itself', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first], add: ['a'] })
    await tags.call('articles.tag', { ids: [second], add: ['a/b'] })
    await tags.call('tags.rename', { from: 'a', to: 'a/b' })
    expect(tags.tagsOf(first)).toEqual(['a/b'])
    expect(tags.tagsOf(second)).toEqual(['a/b/b'])
  })

  it('refuses to rename a tag that does not exist', async () => {
    const tags = library()
    const result = await tags.core.call('tags.rename', { from: 'ghost', to: 'spirit' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(result.ok ? '' : result.error.message).toContain('"ghost"')
  })

  it('refuses a rename that would make a name beneath it too long, and changes nothing', async () => {
    const tags = library()
    const [first] = tags.articles('One')
    await tags.call('articles.tag', { ids: [first], add: ['a', `a/${'x'.repeat(190)}`] })
    const result = await tags.core.call('tags.rename', { from: 'a', to: 'y'.repeat(20) })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(tags.tagsOf(first)).toEqual(['a', `a/${'x'.repeat(190)}`])
  })

  it('merges many tags into one, creating it when missing', async () => {
    const tags = library()
    const [first, second, third] = tags.articles('One', 'Two', 'Three')
    await tags.call('articles.tag', { ids: [first], add: ['LLMs'] })
    await tags.call('articles.tag', { ids: [second], add: ['large language models', 'llm'] })
    await tags.call('articles.tag', { ids: [third], add: ['llm/rag'] })
    const result = await tags.call('tags.merge', {
      from: ['LLMs', 'large language models', 'llm'],
      into: 'ai/llm'
    })
    expect(result.articles).toEqual([first, second, third])
    expect(treeLines(await tags.tree())).toEqual(['ai 0/3', '  llm 2/3', '    rag 1/1'])
  })

  it('refuses to merge a tag into a tag beneath it', async () => {
    const tags = library()
    await tags.call('tags.create', { name: 'a/b' })
    const result = await tags.core.call('tags.merge', { from: ['a'], into: 'a/b' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('announces the change and the articles it touched', async () => {
    const tags = library()
    const [first] = tags.articles('One')
    await tags.call('articles.tag', { ids: [first], add: ['a'] })
    tags.events.length = 0
    await tags.call('tags.rename', { from: 'a', to: 'b' })
    expect(tags.events).toEqual([
      { type: 'articles.changed', ids: [first] },
      { type: 'tags.changed' }
    ])
  })
})
