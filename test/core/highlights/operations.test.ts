import { describe, expect, it } from 'vitest'
import { chinesePage, englishPage, useHighlightLibrary } from './fixtures'

describe('highlights through engine.call', () => {
  const open = useHighlightLibrary()

  it('creates a highlight from offsets in the article text, with its quote and context', async () => {
    const folio = open()
    const { id, text } = await folio.save(englishPage)
    const start = text.indexOf('. ') + 2
    const end = start + 60
    const highlight = await folio.call('highlights.create', {
      articleId: id,
      start,
      end,
      color: 'green',
      note: 'Worth **quoting**.'
    })
    expect(highlight).toMatchObject({
      articleId: id,
      quote: text.slice(start, end),
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
      start,
      end,
      color: 'green',
      note: 'Worth **quoting**.',
      status: 'anchored'
    })
  })

  it('lists an article’s highlights in reading order and the library’s newest first', async () => {
    const folio = open()
    const english = await folio.save(englishPage)
    const chinese = await folio.save(chinesePage)
    const later = await folio.call('highlights.create', {
      articleId: english.id,
      start: 200,
      end: 240
    })
    const earlier = await folio.call('highlights.create', {
      articleId: english.id,
      start: 10,
      end: 40
    })
    const zh = await folio.call('highlights.create', {
      articleId: chinese.id,
      start: 5,
      end: 20,
      color: 'pink'
    })
    const inArticle = await folio.call('highlights.list', { articleId: english.id })
    expect(inArticle.items.map((item) => item.id)).toEqual([earlier.id, later.id])
    const library = await folio.call('highlights.list', {})
    expect(library.items.map((item) => item.id)).toEqual([zh.id, earlier.id, later.id])
    expect(library.items[0].article).toMatchObject({ id: chinese.id, url: chinesePage.url })
    const pink = await folio.call('highlights.list', { color: 'pink' })
    expect(pink.items.map((item) => item.id)).toEqual([zh.id])
    const bySite = await folio.call('highlights.list', { site: 'theguardian.com' })
    expect(bySite.total).toBe(2)
    await folio.call('articles.tag', { ids: [chinese.id], add: ['news/china'], remove: [] })
    const tagged = await folio.call('highlights.list', { tag: 'news' })
    expect(tagged.items.map((item) => item.id)).toEqual([zh.id])
  })

  it('places a quote given by a script, and keeps one it cannot place as orphaned', async () => {
    const folio = open()
    const { id, text } = await folio.save(chinesePage)
    const quote = text.slice(30, 50)
    const placed = await folio.call('highlights.create', { articleId: id, quote, note: '导入' })
    expect(placed).toMatchObject({ quote, start: 30, end: 50, status: 'anchored' })
    const lost = await folio.call('highlights.create', {
      articleId: id,
      quote: 'A sentence this article never contained, imported from elsewhere.'
    })
    expect(lost).toMatchObject({ status: 'orphaned', start: null, end: null })
    const listed = await folio.call('highlights.list', { articleId: id })
    expect(listed.items.map((item) => item.status)).toEqual(['anchored', 'orphaned'])
  })

  it('refuses bad input with a sentence that says what is wrong', async () => {
    const folio = open()
    const { id, text } = await folio.save(englishPage)
    const blank = text.indexOf('\n')
    expect(
      await folio.failure('highlights.create', { articleId: id, start: blank, end: blank + 1 })
    ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('empty quote') })
    expect(await folio.failure('highlights.create', { articleId: id, quote: '   ' })).toMatchObject(
      {
        code: 'invalid_input',
        message: expect.stringContaining('quote is empty')
      }
    )
    expect(
      await folio.failure('highlights.create', { articleId: 9999, start: 0, end: 5 })
    ).toMatchObject({ code: 'not_found', message: expect.stringContaining('9999') })
    expect(
      await folio.failure('highlights.create', { articleId: id, start: 5, end: text.length + 1 })
    ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('out of range') })
    expect(
      await folio.failure('highlights.create', { articleId: id, start: 9, end: 9 })
    ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('out of range') })
    expect(
      await folio.failure('highlights.create', { articleId: id, start: -1, end: 9 })
    ).toMatchObject({ code: 'invalid_input' })
    expect(
      await folio.failure('highlights.create', {
        articleId: id,
        start: 0,
        end: 9,
        note: 'x'.repeat(1_000_000)
      })
    ).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('100,000 characters')
    })
    expect(await folio.failure('highlights.update', { id: 12345, color: 'blue' })).toMatchObject({
      code: 'not_found'
    })
    expect(await folio.failure('highlights.list', { articleId: 777 })).toMatchObject({
      code: 'not_found'
    })
  })

  it('changes colour and note, and clears the note with null', async () => {
    const folio = open()
    const { id } = await folio.save(englishPage)
    const made = await folio.call('highlights.create', { articleId: id, start: 0, end: 20 })
    const changed = await folio.call('highlights.update', {
      id: made.id,
      color: 'purple',
      note: 'n'
    })
    expect(changed).toMatchObject({ color: 'purple', note: 'n' })
    const cleared = await folio.call('highlights.update', { id: made.id, note: null })
    expect(cleared).toMatchObject({ color: 'purple', note: null })
  })

  it('deletes highlights and brings them back, same ids, with highlights.restore', async () => {
    const folio = open()
    const { id } = await folio.save(englishPage)
    const a = await folio.call('highlights.create', { articleId: id, start: 0, end: 20, note: 'a' })
    const b = await folio.call('highlights.create', { articleId: id, start: 30, end: 50 })
    const before = await folio.call('highlights.list', { articleId: id })
    const deleted = await folio.call('highlights.delete', { ids: [a.id, b.id, 999] })
    expect(deleted).toMatchObject({ deleted: [a.id, b.id], notFound: [999] })
    expect((await folio.call('highlights.list', { articleId: id })).total).toBe(0)
    const restored = await folio.call('highlights.restore', { undo: deleted.undo })
    expect(restored).toEqual({ restored: [a.id, b.id], skipped: [] })
    expect(await folio.call('highlights.list', { articleId: id })).toEqual(before)
  })

  it('deletes an article’s highlights with the article', async () => {
    const folio = open()
    const { id } = await folio.save(englishPage)
    await folio.call('highlights.create', { articleId: id, start: 0, end: 20, note: 'gone too' })
    await folio.call('articles.delete', { ids: [id] })
    expect((await folio.call('highlights.list', {})).total).toBe(0)
    const found = await folio.call('search.query', { query: 'gone too' })
    expect(found.total).toBe(0)
  })
})
