import { describe, expect, it } from 'vitest'
import { tokenPattern } from '../../src/main/core/search/match'
import type { TokenPattern } from '../../src/main/core/search/match'
import { makeSnippet } from '../../src/main/core/search/snippet'

function patterns(...texts: string[]): TokenPattern[] {
  return texts.map(tokenPattern).filter((pattern): pattern is TokenPattern => pattern !== null)
}

function highlighted(text: string, ...queries: string[]): string[] {
  const snippet = makeSnippet(text, patterns(...queries))
  return snippet.highlights.map(([start, end]) => snippet.text.slice(start, end))
}

describe('makeSnippet', () => {
  it('highlights the original text of a folded match', () => {
    expect(highlighted('We met at the Café Zürich.', 'cafe', 'zurich')).toEqual(['Café', 'Zürich'])
  })

  it('highlights a CJK word as one range over its bigrams', () => {
    expect(highlighted('最近的大模型研究很多。', '大模型')).toEqual(['大模型'])
  })

  it('highlights a single CJK character', () => {
    expect(highlighted('经济与文化', '济')).toEqual(['济'])
  })

  it('highlights a phrase only where its words are adjacent', () => {
    expect(highlighted('brown fox, then a fox that is brown', 'brown fox')).toEqual(['brown fox'])
  })

  it('does not highlight a word inside a longer word', () => {
    expect(highlighted('category and cat', 'cat')).toEqual(['cat'])
  })

  it('cuts a window around a match deep in a long text, with ellipses', () => {
    const text = `${'filler words here. '.repeat(200)}the needle is here. ${'more text. '.repeat(100)}`
    const snippet = makeSnippet(text, patterns('needle'))
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(202)
    const [[start, end]] = snippet.highlights
    expect(snippet.text.slice(start, end)).toBe('needle')
  })

  it('cuts CJK text without needing spaces', () => {
    const text = `${'这是填充文字。'.repeat(100)}关键词出现在这里${'后面还有很多文字。'.repeat(50)}`
    const snippet = makeSnippet(text, patterns('关键词'))
    const [[start, end]] = snippet.highlights
    expect(snippet.text.slice(start, end)).toBe('关键词')
  })

  it('starts at the beginning when only the title matched', () => {
    const snippet = makeSnippet('Body text without the word.', patterns('title'))
    expect(snippet).toEqual({ text: 'Body text without the word.', highlights: [] })
  })

  it('collapses whitespace and survives a missing text', () => {
    expect(makeSnippet('a\n\n  b', patterns('b')).text).toBe('a b')
    expect(makeSnippet(null, patterns('x'))).toEqual({ text: '', highlights: [] })
  })
})
