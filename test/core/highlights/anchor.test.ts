import { describe, expect, it } from 'vitest'
import {
  collapseWhitespace,
  describeRange,
  placeSelector
} from '../../../src/main/core/highlights/anchor'
import type { Selector } from '../../../src/main/core/highlights/anchor'

const paragraphs = [
  'Tides are caused by the gravitational pull of the moon and, to a lesser degree, the sun.',
  'Most coasts see two high tides and two low tides every lunar day, about 24 hours and 50 minutes.',
  'Where a bay narrows, the tidal range can exceed fifteen metres, as in the Bay of Fundy.',
  'Engineers have long tried to turn this reliable motion into electricity with barrages.'
]
const text = paragraphs.join('\n\n')

/** The selector of the first occurrence of `quote` in `source`. */
function selectorOf(source: string, quote: string): Selector {
  const start = source.indexOf(quote)
  expect(start).toBeGreaterThanOrEqual(0)
  return describeRange(source, start, start + quote.length)
}

/** The text a placed selector covers in `target`, or null when it could not be placed. */
function placedText(target: string, selector: Selector): string | null {
  const anchor = placeSelector(target, selector)
  return anchor && target.slice(anchor.start, anchor.end)
}

describe('describeRange', () => {
  it('keeps the quote, 32 characters of context on each side and the offsets', () => {
    const selector = selectorOf(text, 'two high tides')
    expect(selector.quote).toBe('two high tides')
    expect(selector.prefix).toBe(text.slice(selector.start! - 32, selector.start!))
    expect(selector.suffix).toHaveLength(32)
    expect(text.slice(selector.start!, selector.end!)).toBe('two high tides')
  })

  it('keeps shorter context at the edges of the text', () => {
    const selector = describeRange(text, 0, 5)
    expect(selector).toMatchObject({ quote: 'Tides', prefix: '', start: 0, end: 5 })
  })

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    // 32 code units before `x` fall on the second half of the emoji: the prefix takes it whole.
    const emoji = `${'a'.repeat(30)}😀${'c'.repeat(31)}x`
    const selector = describeRange(emoji, 63, 64)
    expect(selector.quote).toBe('x')
    expect(selector.prefix).toBe(`😀${'c'.repeat(31)}`)
  })
})

describe('placeSelector', () => {
  it('places a highlight at its own offsets when the text there is unchanged', () => {
    const selector = selectorOf(text, 'the tidal range can exceed fifteen metres')
    expect(placeSelector(text, selector)).toEqual({
      start: selector.start,
      end: selector.end,
      method: 'position'
    })
  })

  it('finds a highlight moved by a paragraph removed before it', () => {
    const selector = selectorOf(text, 'the tidal range can exceed fifteen metres')
    const changed = paragraphs.slice(1).join('\n\n')
    const anchor = placeSelector(changed, selector)
    expect(anchor?.method).toBe('quote')
    expect(changed.slice(anchor!.start, anchor!.end)).toBe(selector.quote)
  })

  it('tells two occurrences of a quote apart by their context', () => {
    const twice = 'The first tide comes in the morning. Later, the second tide comes at night.'
    const second = describeRange(
      twice,
      twice.indexOf('tide comes', 20),
      twice.indexOf('tide comes', 20) + 10
    )
    const moved = `Preface. ${twice}`
    const anchor = placeSelector(moved, { ...second, start: null, end: null })
    expect(anchor?.start).toBe(moved.lastIndexOf('tide comes'))
  })

  it('finds a quote whose whitespace changed (a paragraph break became one line break)', () => {
    const selector = selectorOf(
      text,
      'fifty minutes.'.replace('fifty', '50') + '\n\nWhere a bay narrows'
    )
    const changed = text.replace(/\n\n/g, '\n').replace(/ {1}/g, '  ')
    const anchor = placeSelector(changed, selector)
    expect(anchor?.method).toBe('whitespace')
    expect(collapseWhitespace(changed.slice(anchor!.start, anchor!.end)).text).toBe(
      '50 minutes. Where a bay narrows'
    )
  })

  it('finds a quote a few characters of which changed, by fuzzy search', () => {
    const selector = selectorOf(text, 'two high tides and two low tides every lunar day')
    const changed = text.replace('two low tides every lunar day', 'two low tides each lunar day')
    const anchor = placeSelector(changed, selector)
    expect(anchor?.method).toBe('fuzzy')
    expect(changed.slice(anchor!.start, anchor!.end)).toMatch(
      /^two high tides and two low tides each lunar day/
    )
  })

  it('does not place a highlight whose passage was removed: it is orphaned', () => {
    const selector = selectorOf(text, 'Engineers have long tried to turn this reliable motion')
    const changed = paragraphs.slice(0, 3).join('\n\n')
    expect(placeSelector(changed, selector)).toBeNull()
  })

  it('does not place a short quote on another occurrence that lacks its context', () => {
    const selector = selectorOf(text, 'moon')
    const changed = `${paragraphs[1]}\n\nA poem about the moon.`
    expect(placeSelector(changed, selector)).toBeNull()
  })

  it('places a quote spanning paragraphs', () => {
    const selector = selectorOf(text, 'the sun.\n\nMost coasts see two high tides')
    const changed = `A caption under a photograph.\n\n${text}`
    expect(placedText(changed, selector)).toBe(selector.quote)
  })

  it('places overlapping highlights each on its own text', () => {
    const first = selectorOf(text, 'gravitational pull of the moon')
    const second = selectorOf(text, 'pull of the moon and, to a lesser degree')
    const changed = `Updated.\n\n${text}`
    const [a, b] = [placeSelector(changed, first)!, placeSelector(changed, second)!]
    expect(changed.slice(a.start, a.end)).toBe(first.quote)
    expect(changed.slice(b.start, b.end)).toBe(second.quote)
    expect(a.start < b.start && b.start < a.end).toBe(true)
  })

  it('places Chinese text, which has no spaces between words', () => {
    const chinese =
      '大模型的训练需要大量的数据和算力。研究人员发现，数据的质量比数量更重要。因此，清洗数据成为了关键的一步。'
    const selector = selectorOf(chinese, '数据的质量比数量更重要')
    const changed = `编者按：本文有删节。\n\n${chinese.replace('大量的', '海量的')}`
    expect(placedText(changed, selector)).toBe('数据的质量比数量更重要')
    const edited = changed.replace('数据的质量比数量更重要', '数据的质量比数量要重要')
    const anchor = placeSelector(edited, selector)
    expect(anchor?.method).toBe('fuzzy')
    expect(edited.slice(anchor!.start, anchor!.end)).toBe('数据的质量比数量要重要')
  })

  it('places Arabic and Hebrew quotes in logical order, right-to-left as stored', () => {
    const arabic = 'المد والجزر ظاهرة طبيعية. يسبب القمر ارتفاع مياه البحر مرتين في اليوم.'
    const selector = selectorOf(arabic, 'يسبب القمر ارتفاع مياه البحر')
    expect(placedText(`مقدمة قصيرة.\n${arabic}`, selector)).toBe(selector.quote)
    const hebrew = 'הגאות והשפל נגרמים בעיקר על ידי הירח. פעמיים ביום עולים המים.'
    const hebrewSelector = selectorOf(hebrew, 'על ידי הירח')
    expect(placedText(hebrew.replace('בעיקר ', ''), hebrewSelector)).toBe('על ידי הירח')
  })

  it('places mixed left-to-right and right-to-left text', () => {
    const mixed = 'The word شكرا means thank you, and תודה means the same in Hebrew.'
    const selector = selectorOf(mixed, 'شكرا means thank you, and תודה')
    expect(placedText(`Note: ${mixed}`, selector)).toBe(selector.quote)
  })

  it('places a quote imported without offsets or context when it is in the text', () => {
    const imported = { quote: 'reliable motion', prefix: '', suffix: '', start: null, end: null }
    expect(placedText(text, imported)).toBe('reliable motion')
    expect(placeSelector(text, { ...imported, quote: 'unrelated words entirely' })).toBeNull()
  })

  it('refuses an empty quote', () => {
    expect(placeSelector(text, { quote: '', prefix: '', suffix: '', start: 0, end: 0 })).toBeNull()
  })
})
