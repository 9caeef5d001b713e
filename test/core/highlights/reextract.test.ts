import { describe, expect, it } from 'vitest'
import { chinesePage, englishPage, useHighlightLibrary } from './fixtures'
import type { HighlightLibrary } from './fixtures'

/** Runs the real `reextract` job kind over the article and waits for it. */
async function reextract(folio: HighlightLibrary, id: number): Promise<void> {
  const started = await folio.call('articles.reextract', { ids: [id] })
  const [job] = await folio.engine.waitForJobs([started.jobId])
  expect(job).toMatchObject({ status: 'done', result: { done: 1, failed: [] } })
}

/**
 * What an older extractor might have stored: a caption before the article, paragraph breaks
 * doubled, and a sentence the new extractor no longer keeps.
 */
function olderText(text: string, dropped: string): string {
  const caption = 'Photograph: a caption the new extractor leaves out.'
  return `${caption}\n\n${text.replace(/\n/g, '\n\n')}\n\n${dropped}`
}

describe('re-extraction re-anchors highlights', () => {
  const open = useHighlightLibrary()

  it('moves every highlight to its text in the new extraction and orphans, never drops, the rest', async () => {
    const folio = open()
    const { id, text } = await folio.save(englishPage)
    const dropped = 'A related story: a sentence only the old extraction had.'
    const old = olderText(text, dropped)
    folio.library.db
      .prepare('UPDATE article_contents SET text = ? WHERE article_id = ?')
      .run(old, id)

    const quotes = [
      text.slice(text.indexOf('Seven decades'), text.indexOf('Seven decades') + 80),
      // Spans a paragraph break, which the old text doubled.
      text.slice(text.indexOf('\n') - 40, text.indexOf('\n') + 40),
      text.slice(text.length - 120, text.length - 60),
      dropped
    ]
    const made = []
    for (const quote of quotes) {
      const start = old.indexOf(quote.replace(/\n/g, '\n\n'))
      const end = start + quote.replace(/\n/g, '\n\n').length
      made.push(await folio.call('highlights.create', { articleId: id, start, end, note: 'kept' }))
    }
    await reextract(folio, id)

    const after = await folio.call('highlights.list', { articleId: id })
    expect(after.total).toBe(4)
    const byId = new Map(after.items.map((item) => [item.id, item]))
    for (const [index, quote] of quotes.slice(0, 3).entries()) {
      const highlight = byId.get(made[index].id)!
      expect(highlight.status).toBe('anchored')
      expect(text.slice(highlight.start!, highlight.end!)).toBe(quote)
      expect(highlight.quote).toBe(quote)
    }
    expect(byId.get(made[3].id)).toMatchObject({ status: 'orphaned', quote: dropped, note: 'kept' })
  })

  it('leaves highlights in place when the text is unchanged, on Chinese text too', async () => {
    const folio = open()
    const { id, text } = await folio.save(chinesePage)
    const made = await folio.call('highlights.create', { articleId: id, start: 40, end: 70 })
    await reextract(folio, id)
    const [after] = (await folio.call('highlights.list', { articleId: id })).items
    expect(after).toMatchObject({ id: made.id, start: 40, end: 70, status: 'anchored' })
    expect(after.quote).toBe(text.slice(40, 70))
  })
})
