import { describe, expect, it } from 'vitest'
import {
  cjkCharacters,
  foldWord,
  indexText,
  tokenize,
  tokenizerVersion
} from '../../src/main/core/search/tokenize'

const texts = (text: string, mode: 'index' | 'query' = 'index'): string[] =>
  tokenize(text, mode).map((token) => token.text)

describe('tokenize', () => {
  it('lower-cases and folds diacritics of Latin, Greek and Cyrillic words', () => {
    expect(texts('Café ÉCOLE Straße Ελληνικά Ёлка Łódź')).toEqual([
      'cafe',
      'ecole',
      'strasse',
      'ελληνικα',
      'елка',
      'lodz'
    ])
  })

  it('normalises full-width Latin with NFKC', () => {
    expect(texts('ＡＩ ｆｏｏ')).toEqual(['ai', 'foo'])
  })

  it('keeps the marks of scripts where they are letters', () => {
    expect(texts('नमस्ते')).toEqual(['नमस्ते'])
  })

  it('splits Chinese into overlapping bigrams and keeps the closing character in the index', () => {
    expect(texts('大模型')).toEqual(['大模', '模型', '型'])
    expect(texts('大模型', 'query')).toEqual(['大模', '模型'])
  })

  it('keeps a lone Han character as a unigram', () => {
    expect(texts('年')).toEqual(['年'])
    expect(texts('2024年')).toEqual(['2024', '年'])
  })

  it('keeps voiced kana distinct from unvoiced kana', () => {
    expect(texts('がく', 'query')).toEqual(['がく'])
    expect(texts('かく', 'query')).toEqual(['かく'])
    expect(foldWord('が')).toBe('が')
  })

  it('joins half-width katakana with their voicing marks', () => {
    expect(texts('ｶﾞｸ', 'query')).toEqual(['ガク'])
  })

  it('splits Hangul into syllable bigrams', () => {
    expect(texts('검색엔진', 'query')).toEqual(['검색', '색엔', '엔진'])
  })

  it('separates mixed Latin and CJK without a space', () => {
    expect(texts('AI大模型', 'query')).toEqual(['ai', '大模', '模型'])
  })

  it('keeps numbers whole, decimals included', () => {
    expect(texts('pi is 3.14, or 1,000 times 42.')).toEqual([
      'pi',
      'is',
      '3.14',
      'or',
      '1,000',
      'times',
      '42'
    ])
  })

  it('does not treat punctuation such as the katakana middle dot as a character', () => {
    expect(texts('データ・ベース', 'query')).toEqual(['デー', 'ータ', 'ベー', 'ース'])
  })

  it('reports offsets into the original string', () => {
    const source = 'Hello, Café 大模型!'
    for (const token of tokenize(source)) {
      const original = source.slice(token.start, token.end)
      expect(tokenize(original, 'query').map((part) => part.text)[0]).toBe(token.text)
    }
    expect(tokenize(source)[1]).toMatchObject({ text: 'cafe', start: 7, end: 11 })
  })

  it('keeps offsets right after characters outside the BMP', () => {
    const source = '𠮷野家 ok'
    const ok = tokenize(source).find((token) => token.text === 'ok')
    expect(ok && source.slice(ok.start, ok.end)).toBe('ok')
  })

  it('joins tokens with spaces for the index', () => {
    expect(indexText('Hello 世界')).toBe('hello 世界 界')
    expect(indexText(null)).toBe('')
  })

  it('lists every CJK character once for the one-character columns', () => {
    expect(cjkCharacters('AI 大模型 검색')).toBe('大 模 型 검 색')
  })

  it('exports a version number', () => {
    expect(Number.isInteger(tokenizerVersion)).toBe(true)
  })
})
