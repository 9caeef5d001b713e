import { describe, expect, it } from 'vitest'
import { chinesePage, englishPage, useHighlightLibrary } from './fixtures'
import type { HighlightLibrary } from './fixtures'

async function ids(folio: HighlightLibrary, query: string): Promise<number[]> {
  const result = await folio.call('search.query', { query })
  return result.items.map((item) => item.id)
}

describe('searching highlights and notes', () => {
  const open = useHighlightLibrary()

  it('finds words of a highlight’s note and of an article note in an ordinary search', async () => {
    const folio = open()
    const english = await folio.save(englishPage)
    const chinese = await folio.save(chinesePage)
    expect(await ids(folio, 'zygomorphic')).toEqual([])
    await folio.call('highlights.create', {
      articleId: english.id,
      start: 0,
      end: 40,
      note: 'Compare the zygomorphic pattern'
    })
    await folio.call('articles.setNote', { id: chinese.id, note: '值得再读：关于深海鲸鱼的讨论' })
    expect(await ids(folio, 'zygomorphic')).toEqual([english.id])
    expect(await ids(folio, '深海鲸鱼')).toEqual([chinese.id])
    expect(await ids(folio, '鲸')).toEqual([chinese.id])
    expect(await ids(folio, '-zygomorphic has:highlights')).toEqual([])
  })

  it('searches only highlights and notes with in:highlights, and filters with has:', async () => {
    const folio = open()
    const english = await folio.save(englishPage)
    const chinese = await folio.save(chinesePage)
    const quoteStart = english.text.indexOf('Seven decades')
    await folio.call('highlights.create', {
      articleId: english.id,
      start: quoteStart,
      end: quoteStart + 60
    })
    const zhQuote = chinese.text.slice(20, 40)
    await folio.call('highlights.create', { articleId: chinese.id, quote: zhQuote })
    await folio.call('articles.setNote', { id: english.id, note: 'strandings research' })

    // `Parata` is in the highlighted sentence; `porpoises` only in the body.
    expect(await ids(folio, 'Parata in:highlights')).toEqual([english.id])
    expect(await ids(folio, 'porpoises')).toEqual([english.id])
    expect(await ids(folio, 'porpoises in:highlights')).toEqual([])
    const [cjkWord] = /\p{Script=Han}{3}/u.exec(zhQuote) ?? ['']
    expect(cjkWord).toHaveLength(3)
    expect(await ids(folio, `${cjkWord} in:highlights`)).toEqual([chinese.id])
    const hit = (await folio.call('search.query', { query: 'Parata in:highlights' })).items[0]
    expect(hit.snippet).toContain('Seven decades')

    expect((await ids(folio, 'has:highlights')).sort()).toEqual([english.id, chinese.id].sort())
    expect(await ids(folio, 'has:note')).toEqual([english.id])
    await folio.call('articles.setNote', { id: english.id, note: '' })
    expect(await ids(folio, 'has:note')).toEqual([])
    expect(await ids(folio, 'strandings in:highlights')).toEqual([])
  })
})
