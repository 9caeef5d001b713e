import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexArticle } from '../../src/main/core/search/fts'
import { searchArticles } from '../../src/main/core/search/search'
import { chinesePages, insertArticle, openTemporaryLibrary, readabilityText } from './fixtures'
import type { TemporaryLibrary } from './fixtures'

let library: TemporaryLibrary
let japanese: number

beforeAll(() => {
  library = openTemporaryLibrary()
  japanese = insertArticle(library.db, {
    title: 'トレンドマイクロ、公衆無線LANを安全に使うためのアプリ',
    text: readabilityText('yahoo-4'),
    lang: 'ja'
  })
  indexArticle(library.db, japanese)
  // Chinese pages share Han characters with the Japanese one: they must not match kana queries.
  for (const page of chinesePages(10)) {
    indexArticle(library.db, insertArticle(library.db, { title: page.title, text: page.text }))
  }
})

afterAll(() => library.close())

describe('searchArticles on a real Japanese article', () => {
  it.each([
    '暗号化',
    'セキュリティ',
    'スマホ',
    'プロテクション',
    '公衆無線LAN',
    '2900円',
    '盗み見'
  ])('finds it by %s and highlights that text', (query) => {
    const result = searchArticles(library.db, null, query)
    const item = result.items.find((candidate) => candidate.id === japanese)
    expect(item).toBeDefined()
    const marked = (item?.highlights ?? []).map(([start, end]) => item?.snippet.slice(start, end))
    expect(marked).toContain(query)
  })

  it('finds the exact phrase and not a reordered one', () => {
    expect(searchArticles(library.db, null, '"通信を暗号化"').items.map((item) => item.id)).toEqual(
      [japanese]
    )
    expect(searchArticles(library.db, null, '"暗号化を通信"').items).toEqual([])
  })

  it('does not match a kana word that differs only by voicing', () => {
    // The text has スマホ; スマボ differs by one voicing mark.
    expect(searchArticles(library.db, null, 'スマボ').items).toEqual([])
  })
})
