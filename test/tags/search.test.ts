import { describe, expect, it } from 'vitest'
import { indexArticle } from '../../src/main/core/search/fts'
import { searchArticles } from '../../src/main/core/search/search'
import { useTagLibrary } from './fixtures'

describe('search after tag changes', () => {
  const library = useTagLibrary()

  function found(tags: ReturnType<ReturnType<typeof useTagLibrary>>, query: string): number[] {
    return searchArticles(tags.library.db, null, query).items.map((hit) => hit.id)
  }

  function indexed(tags: ReturnType<ReturnType<typeof useTagLibrary>>, titles: string[]): number[] {
    const ids = tags.articles(...titles)
    for (const id of ids) indexArticle(tags.library.db, id)
    return ids
  }

  it('finds an article by its new tag name after a rename, and not by the old one', async () => {
    const tags = library()
    const [first, second] = indexed(tags, ['Alpha article', 'Beta article'])
    await tags.call('articles.tag', { ids: [first], add: ['zeppelins/history'] })
    await tags.call('articles.tag', { ids: [second], add: ['zeppelins'] })
    expect(found(tags, 'tag:zeppelins')).toEqual(expect.arrayContaining([first, second]))
    expect(found(tags, 'zeppelins')).toEqual(expect.arrayContaining([first, second]))

    await tags.call('tags.rename', { from: 'zeppelins', to: 'airships' })
    expect(found(tags, 'tag:airships').sort()).toEqual([first, second])
    expect(found(tags, 'tag:airships/history')).toEqual([first])
    expect(found(tags, 'airships').sort()).toEqual([first, second])
    expect(found(tags, 'tag:zeppelins')).toEqual([])
    expect(found(tags, 'zeppelins')).toEqual([])
  })

  it('finds articles through their tags in either order, counts them, and excludes by them', async () => {
    const tags = library()
    const [tagged, child, titled, other] = indexed(tags, [
      'Alpha article',
      'Beta article',
      'Zeppelins article',
      'Delta article'
    ])
    await tags.call('articles.tag', { ids: [tagged], add: ['zeppelins'] })
    await tags.call('articles.tag', { ids: [child], add: ['airships/zeppelins'] })
    const { db } = tags.library
    for (const sort of ['relevance', 'date'] as const) {
      const result = searchArticles(db, null, 'zeppelins', { sort })
      expect(result.items.map((hit) => hit.id).sort()).toEqual([tagged, child, titled].sort())
      expect(result.total).toBe(3)
    }
    expect(found(tags, 'article -zeppelins')).toEqual([other])
    expect(found(tags, 'tag:airships -beta')).toEqual([])
  })

  it('keeps the words of tags in the index in step with deletes, undo and bulk removal', async () => {
    const tags = library()
    const [first] = indexed(tags, ['Gamma article'])
    await tags.call('articles.tag', { ids: [first], add: ['ornithology'] })
    expect(found(tags, 'ornithology')).toEqual([first])
    const { undo } = await tags.call('tags.delete', { name: 'ornithology' })
    expect(found(tags, 'ornithology')).toEqual([])
    await tags.call('tags.restore', { undo })
    expect(found(tags, 'ornithology')).toEqual([first])
    await tags.call('articles.tag', { ids: [first], remove: ['ornithology'] })
    expect(found(tags, 'ornithology')).toEqual([])
  })

  it('matches a tag word together with a word of the text (tags and text are indexed apart)', async () => {
    const tags = library()
    // Each article's text is its title and "body"; "body" is in no title and no tag.
    const [tagged, , otherTag] = indexed(tags, [
      'Transformer notes',
      'Transformer manual',
      'Gardening notes'
    ])
    await tags.call('articles.tag', { ids: [tagged], add: ['research/llm'] })
    await tags.call('articles.tag', { ids: [otherTag], add: ['research'] })
    const { db } = tags.library
    for (const sort of ['relevance', 'date'] as const) {
      const result = searchArticles(db, null, 'llm body', { sort })
      expect(result.items.map((hit) => hit.id)).toEqual([tagged])
      expect(result.total).toBe(1)
      const both = searchArticles(db, null, 'research body', { sort })
      expect(both.items.map((hit) => hit.id).sort()).toEqual([tagged, otherTag].sort())
      expect(both.total).toBe(2)
    }
    expect(found(tags, 'llm "notes body"')).toEqual([tagged])
    expect(found(tags, 'research body -gardening')).toEqual([tagged])
    expect(found(tags, 'llm research body')).toEqual([tagged])
    expect(found(tags, 'llm manual')).toEqual([])
  })
})
