import { afterEach, describe, expect, it } from 'vitest'
import type { FixtureServer } from '../helpers/http-server'
import { startFixtureServer } from '../helpers/http-server'
import { corpusPage } from '../helpers/corpus'
import type { TagSuggestion } from '../../src/shared/types'
import { useTagLibrary } from './fixtures'
import type { TagLibrary } from './fixtures'

// A NetEase (163.com) news page whose <meta name="keywords"> reads 龙湖集团,龙湖,吴亚军,开发商.
const pagePath = 'zh-gne/html/163/1.html.gz'
const pageKeywords = ['龙湖集团', '龙湖', '吴亚军', '开发商']

describe('tag suggestions', () => {
  const library = useTagLibrary()
  let server: FixtureServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  async function capture(tags: TagLibrary, path: string): Promise<number> {
    server ??= await startFixtureServer({})
    server.route(path, {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: corpusPage(pagePath)
    })
    const { items } = await tags.call('capture.save', { inputs: [server.url(path)] })
    tags.core.start()
    const [job] = await tags.core.waitForJobs([items[0].jobId!])
    expect(job.status).toBe('done')
    return items[0].articleId!
  }

  const suggest = (tags: TagLibrary, id: number): Promise<TagSuggestion[]> =>
    tags.call('tags.suggest', { id })

  it("offers a captured Chinese page's own keywords as new tags", async () => {
    const tags = library()
    const id = await capture(tags, '/news/1.html')
    const suggestions = await suggest(tags, id)
    expect(suggestions).toEqual(
      pageKeywords.map((name) => ({ name, source: 'keyword', exists: false }))
    )
  })

  it('offers existing tags a keyword names, in their own spelling and place, first', async () => {
    const tags = library()
    await tags.call('tags.create', { name: 'companies/龙湖' })
    await tags.call('tags.create', { name: '开发商' })
    const id = await capture(tags, '/news/1.html')
    const suggestions = await suggest(tags, id)
    expect(suggestions.slice(0, 2)).toEqual([
      { name: 'companies/龙湖', source: 'keyword', exists: true },
      { name: '开发商', source: 'keyword', exists: true }
    ])
    expect(suggestions.map((suggestion) => suggestion.name)).toEqual([
      'companies/龙湖',
      '开发商',
      '龙湖集团',
      '吴亚军'
    ])
  })

  it('offers the tags frequent on the same site and leaves out tags the article has', async () => {
    const tags = library()
    const earlier = await capture(tags, '/news/earlier.html')
    await tags.call('articles.tag', { ids: [earlier], add: ['china/real estate', 'economy'] })
    const id = await capture(tags, '/news/later.html')
    await tags.call('articles.tag', { ids: [id], add: ['economy', '吴亚军'] })
    const suggestions = await suggest(tags, id)
    expect(suggestions).toContainEqual({ name: 'china/real estate', source: 'site', exists: true })
    const names = suggestions.map((suggestion) => suggestion.name)
    expect(names).not.toContain('economy')
    expect(names).not.toContain('吴亚军')
    expect(names).toContain('龙湖集团')
  })

  it('answers not_found for an article that does not exist', async () => {
    const tags = library()
    const result = await tags.core.call('tags.suggest', { id: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
