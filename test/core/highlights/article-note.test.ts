import { describe, expect, it } from 'vitest'
import { englishPage, useHighlightLibrary } from './fixtures'

describe('articles.setNote', () => {
  const open = useHighlightLibrary()

  it('sets an article’s note, shows it with the article and removes it when blank', async () => {
    const folio = open()
    const { id } = await folio.save(englishPage)
    const note = '# Whales\n\nCompare with the *Northland* report.'
    expect(await folio.call('articles.setNote', { id, note })).toEqual({ id, note })
    expect(await folio.call('articles.get', { id })).toMatchObject({ note })
    expect(await folio.call('articles.setNote', { id, note: '  \n' })).toEqual({ id, note: null })
    expect(await folio.call('articles.get', { id })).toMatchObject({ note: null })
  })

  it('refuses an unknown article and a 1 MB note with a sentence', async () => {
    const folio = open()
    const { id } = await folio.save(englishPage)
    expect(await folio.failure('articles.setNote', { id: 4242, note: 'x' })).toMatchObject({
      code: 'not_found',
      message: 'There is no article with id 4242 in this library.'
    })
    const huge = await folio.failure('articles.setNote', { id, note: 'x'.repeat(1_000_000) })
    expect(huge).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('a note holds up to 100,000 characters')
    })
  })
})
