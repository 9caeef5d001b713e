import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexArticle } from '../../src/main/core/search/fts'
import { searchArticles } from '../../src/main/core/search/search'
import type { SearchResult } from '../../src/main/core/search/search'
import { chinesePages, insertArticle, openTemporaryLibrary } from './fixtures'
import type { FixtureArticle, RealPage, TemporaryLibrary } from './fixtures'

let library: TemporaryLibrary
let pages: RealPage[]
const ids: Record<string, number> = {}
const pageIds: number[] = []

function add(name: string, article: FixtureArticle): void {
  ids[name] = insertArticle(library.db, article)
  indexArticle(library.db, ids[name])
}

function search(text: string, options = {}): SearchResult {
  return searchArticles(library.db, null, text, { limit: 50, ...options })
}

function found(text: string): number[] {
  return search(text).items.map((item) => item.id)
}

function storedText(id: number): string {
  const row = library.db
    .prepare(
      'SELECT a.title, c.text FROM articles a JOIN article_contents c ON c.article_id = a.id WHERE a.id = ?'
    )
    .get(id) as { title: string; text: string }
  return `${row.title}\n${row.text}`
}

beforeAll(() => {
  library = openTemporaryLibrary()
  pages = chinesePages(25)
  for (const page of pages) {
    const id = insertArticle(library.db, { title: page.title, text: page.text, lang: 'zh-CN' })
    indexArticle(library.db, id)
    pageIds.push(id)
  }
  add('llm', {
    title: 'AI 大模型的训练方法',
    text: '本文介绍 AI 大模型的训练。Large language models need data.',
    url: 'https://blog.example.com/llm-training',
    tags: ['research/llm'],
    lang: 'zh',
    savedAt: Date.UTC(2024, 2, 1)
  })
  add('voiced', { title: '学校', text: '大学でがくせいが勉強します。', lang: 'ja', state: 'read' })
  add('unvoiced', { title: '価格', text: 'かくにんしてください。', lang: 'ja', state: 'archived' })
  add('korean', {
    title: '검색 엔진',
    text: '한국어 검색엔진을 시험합니다.',
    lang: 'ko',
    favorite: true
  })
  add('cafe', {
    title: 'A Café in Zürich',
    text: 'The quick brown fox jumps over the lazy dog at the café.',
    url: 'https://news.example.org/cafe?id=7',
    tags: ['travel'],
    lang: 'en',
    savedAt: Date.UTC(2022, 5, 1)
  })
  add('fox', {
    title: 'The fox',
    text: 'A lazy fox and a quick brown dog: the words are all here but not in that order.',
    tags: ['research'],
    lang: 'en-GB',
    savedAt: Date.UTC(2023, 5, 1)
  })
  add('notes', { title: 'Notes', text: 'research notes', tags: ['researcher'], lang: 'en' })
})

afterAll(() => library.close())

describe('searchArticles on real Chinese pages', () => {
  it('finds every page by substrings of 1 to 4 characters, and only pages that contain them', () => {
    for (const [index, id] of pageIds.entries()) {
      const runs = pages[index].text.match(/\p{Script=Han}{4,}/gu) ?? []
      const run = runs[Math.floor(runs.length / 2)]
      for (const length of [1, 2, 3, 4]) {
        const query = run.slice(1, 1 + length)
        const result = search(query, { limit: 1000 })
        expect(
          result.items.map((item) => item.id),
          query
        ).toContain(id)
        for (const item of result.items) expect(storedText(item.id), query).toContain(query)
      }
    }
  })

  it('finds a page by a sentence taken from it, first', () => {
    const text = pages[3].text
    const sentence = (text.match(/\p{Script=Han}{12,}/gu) ?? [])[2].slice(0, 12)
    expect(found(sentence)[0]).toBe(pageIds[3])
  })

  it('highlights the matched characters in the snippet', () => {
    const result = search('训练')
    const item = result.items.find((candidate) => candidate.id === ids.llm)
    expect(item).toBeDefined()
    const [start, end] = item?.highlights[0] ?? [0, 0]
    expect(item?.snippet.slice(start, end)).toBe('训练')
  })
})

describe('searchArticles across scripts', () => {
  it('finds a mixed Latin and Chinese query', () => {
    expect(found('AI 大模型')).toEqual([ids.llm])
  })

  it('keeps が and か apart', () => {
    expect(found('がく')).toEqual([ids.voiced])
    expect(found('かく')).toEqual([ids.unvoiced])
  })

  it('finds Korean by syllable bigrams', () => {
    expect(found('검색')).toEqual([ids.korean])
    expect(found('엔진')).toEqual([ids.korean])
  })

  it('folds diacritics both ways', () => {
    expect(found('cafe')).toEqual([ids.cafe])
    expect(found('CAFÉ zurich')).toEqual([ids.cafe])
  })
})

describe('searchArticles operators', () => {
  it('matches a phrase only with its words in order', () => {
    expect(found('"quick brown fox"')).toEqual([ids.cafe])
    expect(found('quick brown fox').sort()).toEqual([ids.cafe, ids.fox].sort())
  })

  it('excludes words and phrases', () => {
    expect(found('lazy -café')).toEqual([ids.fox])
    expect(found('lazy -"quick brown fox"')).toEqual([ids.fox])
  })

  it('matches either side of OR', () => {
    expect(found('zurich OR "the fox"').sort()).toEqual([ids.cafe, ids.fox].sort())
  })

  it('matches a parent tag and its children, but not a longer name', () => {
    expect(found('tag:research').sort()).toEqual([ids.llm, ids.fox].sort())
    expect(found('#research/llm')).toEqual([ids.llm])
  })

  it('matches a site and its subdomains', () => {
    expect(found('site:example.org')).toEqual([ids.cafe])
    expect(found('site:blog.example.com')).toEqual([ids.llm])
  })

  it('filters by state, favorite and language', () => {
    expect(found('is:read')).toEqual([ids.voiced])
    expect(found('is:archived')).toEqual([ids.unvoiced])
    expect(found('is:favorite')).toEqual([ids.korean])
    expect(found('lang:en fox').sort()).toEqual([ids.cafe, ids.fox].sort())
  })

  it('filters by saved date', () => {
    expect(found('fox before:2023-01-01')).toEqual([ids.cafe])
    expect(found('fox after:2023')).toEqual([ids.fox])
  })

  it('finds an article by url: and by a pasted URL', () => {
    expect(found('url:blog.example.com')).toEqual([ids.llm])
    expect(found('http://news.example.org/cafe?id=7#comments')).toEqual([ids.cafe])
  })

  it('reports what it did not understand and still searches', () => {
    const result = search('fox before:someday')
    expect(result.ignored).toEqual(['before:someday'])
  })

  it('returns nothing for an empty query', () => {
    expect(search('   ').items).toEqual([])
  })
})

describe('searchArticles ranking and paging', () => {
  it('puts title hits before body hits', () => {
    const result = search('fox')
    expect(result.items[0].id).toBe(ids.fox)
  })

  it('sorts by date when asked', () => {
    expect(search('fox', { sort: 'date' }).items.map((item) => item.id)).toEqual([
      ids.fox,
      ids.cafe
    ])
  })

  it('pages with limit and offset', () => {
    const all = found('fox')
    expect(search('fox', { limit: 1, offset: 1 }).items.map((item) => item.id)).toEqual([all[1]])
  })

  it('returns the article fields the list needs', () => {
    const [item] = search('zurich').items
    expect(item).toMatchObject({
      id: ids.cafe,
      title: 'A Café in Zürich',
      url: 'https://news.example.org/cafe?id=7',
      site: 'news.example.org',
      savedAt: Date.UTC(2022, 5, 1),
      tags: ['travel']
    })
  })
})

describe('searchArticles totals', () => {
  it('caps the total at 1000 and says it is a lower bound', () => {
    const run = openTemporaryLibrary()
    try {
      for (let index = 0; index < 1005; index++) {
        indexArticle(run.db, insertArticle(run.db, { title: `note ${index}`, text: 'common word' }))
      }
      const result = searchArticles(run.db, null, 'common', { limit: 10 })
      expect(result.total).toBe(1000)
      expect(result.totalIsLowerBound).toBe(true)
      expect(result.items).toHaveLength(10)
    } finally {
      run.close()
    }
  })
})

describe('searchArticles on queries without searchable words', () => {
  it('lists nothing for punctuation only and reports it', () => {
    const result = search('!!! ...')
    expect(result.items).toEqual([])
    expect(result.ignored).toEqual(['!!! ...'])
  })
})
