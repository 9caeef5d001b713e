import { describe, expect, it } from 'vitest'
import { treeLines, useTagLibrary } from './fixtures'

describe('the tag tree', () => {
  const library = useTagLibrary()

  it('shows implicit parents with the total of everything beneath them', async () => {
    const tags = library()
    const [first, second] = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids: [first, second], add: ['research/llm'] })
    const tree = await tags.tree()
    expect(treeLines(tree)).toEqual(['research 0/2', '  llm 2/2'])
    expect(tree[0]).toMatchObject({ name: 'research', id: null, parent: null, depth: 0 })
    expect(tree[1]).toMatchObject({ name: 'research/llm', parent: 'research', depth: 1 })
  })

  it('counts an article once in a parent even when it carries several tags beneath it', async () => {
    const tags = library()
    const [first, second, third] = tags.articles('One', 'Two', 'Three')
    await tags.call('articles.tag', {
      ids: [first],
      add: ['research', 'research/llm', 'research/nlp']
    })
    await tags.call('articles.tag', { ids: [second], add: ['research/llm/rag'] })
    await tags.call('articles.tag', { ids: [third], add: ['cooking'] })
    expect(treeLines(await tags.tree())).toEqual([
      'cooking 1/1',
      'research 1/2',
      '  llm 1/2',
      '    rag 1/1',
      '  nlp 1/1'
    ])
  })

  it('orders the tree segment by segment, ignoring case', async () => {
    const tags = library()
    await tags.call('tags.create', { name: 'b' })
    await tags.call('tags.create', { name: 'A b' })
    await tags.call('tags.create', { name: 'a/z' })
    await tags.call('tags.create', { name: 'a' })
    expect((await tags.tree()).map((node) => node.name)).toEqual(['a', 'a/z', 'A b', 'b'])
  })

  it('lists a parent tag with the articles of every tag beneath it, and only those', async () => {
    const tags = library()
    const [parent, child, grandchild, sibling, other] = tags.articles('P', 'C', 'G', 'S', 'O')
    await tags.call('articles.tag', { ids: [parent], add: ['research'] })
    await tags.call('articles.tag', { ids: [child], add: ['Research/LLM'] })
    await tags.call('articles.tag', { ids: [grandchild], add: ['research/llm/rag'] })
    await tags.call('articles.tag', { ids: [sibling], add: ['research-notes'] })
    await tags.call('articles.tag', { ids: [other], add: ['cooking'] })
    expect(await tags.listed('research')).toEqual([parent, child, grandchild])
    expect(await tags.listed('RESEARCH/llm')).toEqual([child, grandchild])
    expect(await tags.listed('research-notes')).toEqual([sibling])
    expect(await tags.listed('nothing')).toEqual([])
  })

  it('treats % and _ in a filter as letters, not patterns', async () => {
    const tags = library()
    const [percent, plain] = tags.articles('Percent', 'Plain')
    await tags.call('articles.tag', { ids: [percent], add: ['100%/done'] })
    await tags.call('articles.tag', { ids: [plain], add: ['1000/done'] })
    expect(await tags.listed('100%')).toEqual([percent])
    expect(await tags.listed('10_0')).toEqual([])
  })
})
