import { describe, expect, it } from 'vitest'
import type { ArticleTagResult } from '../../src/shared/types'
import { treeLines, useTagLibrary } from './fixtures'

describe('tag names', () => {
  const library = useTagLibrary()

  it('trims names, collapses inner whitespace and tidies the separators', async () => {
    const tags = library()
    const created = await tags.call('tags.create', {
      name: '  Research \t /  large   language\nmodels // '
    })
    expect(created).toMatchObject({ name: 'Research/large language models', created: true })
  })

  it('finds an existing tag whatever the case, instead of making a second one', async () => {
    const tags = library()
    const first = await tags.call('tags.create', { name: 'Machine Learning' })
    const again = await tags.call('tags.create', { name: 'machine   learning' })
    expect(again).toEqual({ id: first.id, name: 'Machine Learning', created: false })
  })

  it('refuses empty names with a sentence that says so', async () => {
    const tags = library()
    for (const name of ['', '   ', ' / / ']) {
      const result = await tags.core.call('tags.create', { name })
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: 'A tag needs a name.' }
      })
    }
  })

  it('refuses names over 200 characters, naming the limit', async () => {
    const tags = library()
    const result = await tags.core.call('tags.create', { name: 'x'.repeat(201) })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(result.ok ? '' : result.error.message).toContain('up to 200')
    expect(await tags.tree()).toEqual([])
  })
})

describe('tagging many articles at once', () => {
  const library = useTagLibrary()

  it('adds and removes tags on many articles and reports what changed', async () => {
    const tags = library()
    const ids = tags.articles('One', 'Two', 'Three')
    await tags.call('articles.tag', { ids: [ids[0]], add: ['old', 'topic'] })
    const result = (await tags.call('articles.tag', {
      ids,
      add: ['topic', 'new/child'],
      remove: ['old']
    })) as ArticleTagResult
    expect(result).toEqual({ changed: ids, added: 5, removed: 1 })
    expect(ids.map(tags.tagsOf)).toEqual([
      ['new/child', 'topic'],
      ['new/child', 'topic'],
      ['new/child', 'topic']
    ])
  })

  it('removes only the named tag, not the tags beneath it', async () => {
    const tags = library()
    const [first] = tags.articles('One')
    await tags.call('articles.tag', { ids: [first], add: ['a', 'a/b'] })
    await tags.call('articles.tag', { ids: [first], remove: ['A'] })
    expect(tags.tagsOf(first)).toEqual(['a/b'])
  })

  it('changes nothing at all when one of the articles does not exist', async () => {
    const tags = library()
    const ids = tags.articles('One', 'Two')
    await tags.call('articles.tag', { ids, add: ['keep'] })
    const result = await tags.core.call('articles.tag', {
      ids: [...ids, 999],
      add: ['brand new'],
      remove: ['keep']
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(result.ok ? '' : result.error.message).toContain('999')
    expect(treeLines(await tags.tree())).toEqual(['keep 2/2'])
  })

  it('changes nothing at all when one of the names is refused', async () => {
    const tags = library()
    const ids = tags.articles('One', 'Two')
    const result = await tags.core.call('articles.tag', { ids, add: ['fine', '  '] })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await tags.tree()).toEqual([])
  })

  it('changes nothing at all when a write fails half-way through', async () => {
    const tags = library()
    const ids = tags.articles('One', 'Two', 'Three')
    // A real failure inside the transaction: the third article's link is refused by the database.
    tags.library.db.exec(`
      CREATE TRIGGER refuse_third BEFORE INSERT ON article_tags
      WHEN NEW.article_id = ${ids[2]} BEGIN SELECT RAISE(ABORT, 'disk says no'); END`)
    const result = await tags.core.call('articles.tag', { ids, add: ['bulk'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    const links = tags.library.db.prepare('SELECT count(*) AS count FROM article_tags').get()
    expect(links).toEqual({ count: 0 })
    expect(await tags.tree()).toEqual([])
  })

  it('refuses a name that is both added and removed', async () => {
    const tags = library()
    const ids = tags.articles('One')
    const result = await tags.core.call('articles.tag', { ids, add: ['x'], remove: ['X'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
