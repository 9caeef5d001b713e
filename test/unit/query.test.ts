import { describe, expect, it } from 'vitest'
import { isEmptyQuery, parseDateStart, parseQuery, urlNeedle } from '../../src/shared/query'

describe('parseQuery', () => {
  it('reads plain words as terms that must all match', () => {
    const query = parseQuery('hello  world')
    expect(query.terms).toEqual(['hello', 'world'])
    expect(query.ignored).toEqual([])
  })

  it('reads quoted text as an exact phrase', () => {
    expect(parseQuery('"large language model" AI').phrases).toEqual(['large language model'])
  })

  it('reads -word and -"phrase" as exclusions', () => {
    const query = parseQuery('python -snake -"monty python"')
    expect(query.terms).toEqual(['python'])
    expect(query.excluded).toEqual(['snake'])
    expect(query.excludedPhrases).toEqual(['monty python'])
  })

  it('groups words joined by OR', () => {
    const query = parseQuery('cat OR dog OR "red fox" food')
    expect(query.orGroups).toEqual([
      [
        { text: 'cat', phrase: false },
        { text: 'dog', phrase: false },
        { text: 'red fox', phrase: true }
      ]
    ])
    expect(query.terms).toEqual(['food'])
  })

  it('treats a lower-case or as a word', () => {
    expect(parseQuery('this or that').terms).toEqual(['this', 'or', 'that'])
  })

  it('ignores OR at either end', () => {
    const query = parseQuery('OR cat OR')
    expect(query.terms).toEqual(['cat'])
    expect(query.ignored).toEqual(['OR', 'OR'])
  })

  it('reads tag:name and #name, dropping a trailing slash', () => {
    expect(parseQuery('tag:research #news/tech tag:"reading list" #x/').filters.tags).toEqual([
      'research',
      'news/tech',
      'reading list',
      'x'
    ])
  })

  it('reads site: as a lower-case host without scheme or www', () => {
    expect(parseQuery('site:https://www.Example.com/path').filters.sites).toEqual(['example.com'])
  })

  it('reads is: states and favorite', () => {
    const filters = parseQuery('is:unread is:archived is:favorite').filters
    expect(filters.states).toEqual(['unread', 'archived'])
    expect(filters.favorite).toBe(true)
  })

  it('reads lang:, before: and after: with UTC day starts', () => {
    const filters = parseQuery('lang:zh before:2024-01-01 after:2023-06').filters
    expect(filters.langs).toEqual(['zh'])
    expect(filters.before).toBe(Date.UTC(2024, 0, 1))
    expect(filters.after).toBe(Date.UTC(2023, 5, 1))
  })

  it('reads url: as an address fragment', () => {
    expect(parseQuery('url:example.com/blog/').filters.urls).toEqual(['example.com/blog'])
  })

  it('turns a pasted URL into a url filter and nothing else', () => {
    const query = parseQuery('  https://www.example.com/a/b?x=1#top ')
    expect(query.filters.urls).toEqual(['example.com/a/b?x=1'])
    expect(query.terms).toEqual([])
  })

  it('searches the words of an unclosed quote and reports the quote', () => {
    const query = parseQuery('"unclosed phrase')
    expect(query.terms).toEqual(['unclosed', 'phrase'])
    expect(query.phrases).toEqual([])
    expect(query.ignored).toContain('"')
  })

  it('ignores a lone minus', () => {
    const query = parseQuery('cats - dogs')
    expect(query.terms).toEqual(['cats', 'dogs'])
    expect(query.ignored).toEqual(['-'])
  })

  it('searches an unknown key:value as a word and reports it', () => {
    const query = parseQuery('foo:bar')
    expect(query.terms).toEqual(['foo:bar'])
    expect(query.ignored).toEqual(['foo:bar'])
  })

  it('does not report times such as 10:30 as unknown filters', () => {
    const query = parseQuery('meeting 10:30')
    expect(query.terms).toEqual(['meeting', '10:30'])
    expect(query.ignored).toEqual([])
  })

  it('degrades a bad date or state to words and reports it', () => {
    const query = parseQuery('before:2024-13-45 is:sleeping lang:!!')
    expect(query.filters.before).toBeNull()
    expect(query.filters.states).toEqual([])
    expect(query.terms).toEqual(['before:2024-13-45', 'is:sleeping', 'lang:!!'])
    expect(query.ignored).toEqual(['before:2024-13-45', 'is:sleeping', 'lang:!!'])
  })

  it('reports a negated filter it cannot apply', () => {
    const query = parseQuery('-tag:work notes')
    expect(query.filters.tags).toEqual([])
    expect(query.ignored).toEqual(['-tag:work'])
    expect(query.terms).toEqual(['notes'])
  })

  it('keeps CJK and mixed queries as typed', () => {
    expect(parseQuery('AI 大模型').terms).toEqual(['AI', '大模型'])
  })

  it('never throws on hostile input', () => {
    for (const text of ['', '"', '""', '-', '-"', 'OR', 'tag:', '#', ':::', 'a"b"c', '((']) {
      expect(() => parseQuery(text)).not.toThrow()
    }
  })

  it('says when a query asks for nothing', () => {
    expect(isEmptyQuery(parseQuery('  '))).toBe(true)
    expect(isEmptyQuery(parseQuery('""'))).toBe(true)
    expect(isEmptyQuery(parseQuery('is:read'))).toBe(false)
  })
})

describe('parseDateStart', () => {
  it('accepts years, months and days and rejects impossible dates', () => {
    expect(parseDateStart('2024')).toBe(Date.UTC(2024, 0, 1))
    expect(parseDateStart('2024-02-29')).toBe(Date.UTC(2024, 1, 29))
    expect(parseDateStart('2023-02-29')).toBeNull()
    expect(parseDateStart('yesterday')).toBeNull()
  })
})

describe('urlNeedle', () => {
  it('drops scheme, www, fragment and trailing slash', () => {
    expect(urlNeedle('http://WWW.example.com/x/#frag')).toBe('example.com/x')
  })
})

describe('highlight filters', () => {
  it('reads in:highlights, has:highlights and has:note as filters, not words', () => {
    const query = parseQuery('whales in:highlights has:note')
    expect(query.terms).toEqual(['whales'])
    expect(query.filters).toMatchObject({ inHighlights: true, hasNote: true, hasHighlights: false })
    expect(parseQuery('has:highlights').filters.hasHighlights).toBe(true)
    expect(parseQuery('in:notes 大模型').filters.inHighlights).toBe(true)
    expect(parseQuery('in:notes 大模型').terms).toEqual(['大模型'])
  })

  it('counts a query of highlight filters alone as a query', () => {
    expect(isEmptyQuery(parseQuery('has:highlights'))).toBe(false)
    expect(isEmptyQuery(parseQuery('has:note'))).toBe(false)
    expect(isEmptyQuery(parseQuery('in:highlights'))).toBe(false)
  })

  it('searches an unknown in: or has: value as words and says so', () => {
    const query = parseQuery('in:comments has:pictures')
    expect(query.terms).toEqual(['in:comments', 'has:pictures'])
    expect(query.ignored).toEqual(['in:comments', 'has:pictures'])
    expect(query.filters).toMatchObject({ inHighlights: false, hasHighlights: false })
  })
})
