import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { extractArticle, type ExtractedArticle } from '../../src/main/core/capture/extract/extract'
import { FolioError } from '../../src/shared/errors'
import { corpusDir } from '../helpers/corpus'

// Real pages, read in place (never copied into the repository): Readability's own fixtures and
// Chinese news pages from GeneralNewsExtractor's tests.
const corpus = corpusDir
const testPages = join(corpus, 'readability-testpages/pages')
const fakeUrl = 'http://fakehost/test/page.html'

function readGzip(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8')
}

function extractTestPage(name: string): ExtractedArticle {
  return extractArticle({ html: readGzip(join(testPages, name, 'source.html.gz')), url: fakeUrl })
}

interface ExpectedMetadata {
  title: string
  byline: string | null
  dir: string | null
  lang?: string
  publishedTime?: string | null
}

function expectedMetadata(name: string): ExpectedMetadata {
  return JSON.parse(
    readFileSync(join(testPages, name, 'expected-metadata.json'), 'utf8')
  ) as ExpectedMetadata
}

function calendarDay(epoch: number | null): string | null {
  return epoch === null ? null : new Date(epoch).toISOString().slice(0, 10)
}

describe('extractArticle on Readability test pages', () => {
  const sample = [
    '001',
    'ars-1',
    'cnet',
    'guardian-1',
    'medium-3',
    'nytimes-1',
    'rtl-1',
    'wikipedia-2',
    'yahoo-1'
  ]

  it.each(sample)('reads the title, byline, language, direction and date of %s', (name) => {
    const article = extractTestPage(name)
    const expected = expectedMetadata(name)
    expect(article.title).toBe(expected.title)
    expect(article.byline).toBe(expected.byline)
    expect(article.dir).toBe(expected.dir)
    if (expected.lang) expect(article.lang).toBe(expected.lang)
    if (expected.publishedTime) {
      expect(calendarDay(article.publishedAt)).toBe(expected.publishedTime.slice(0, 10))
    }
  })

  it('extracts every test page or fails with extract_failed, with only absolute http(s) URLs', () => {
    for (const name of readdirSync(testPages)) {
      let article: ExtractedArticle
      try {
        article = extractTestPage(name)
      } catch (error) {
        expect((error as FolioError).code).toBe('extract_failed')
        continue
      }
      for (const image of article.images) expect(image).toMatch(/^https?:\/\//)
      for (const [, href] of article.contentHtml.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
        expect(href).toMatch(/^(https?:|mailto:)/)
      }
    }
  })

  it('resolves links against a relative <base href>', () => {
    const article = extractTestPage('base-url-base-element-relative')
    expect(article.contentHtml).toContain('href="http://fakehost/test/base/foo/bar/baz.html"')
    expect(article.contentHtml).toContain('href="http://fakehost/foo/bar/baz.html"')
  })

  it('separates paragraphs with blank lines in the text', () => {
    const article = extractTestPage('001')
    expect(article.text.split('\n\n').length).toBeGreaterThan(10)
    expect(article.text).not.toMatch(/\n{3,}/)
  })

  it('keeps no placeholder images on a lazy-loading page', () => {
    const article = extractTestPage('lazy-image-1')
    expect(article.images.length).toBeGreaterThan(0)
    for (const image of article.images) expect(image).not.toMatch(/^data:/)
  })
})

describe('extractArticle on Chinese news pages', () => {
  const html = readGzip(join(corpus, 'zh-gne/html/163/1.html.gz'))
  const article = extractArticle({ html, url: 'https://www.163.com/news/article/1.html' })

  it('reads the publication time written on the page', () => {
    expect(new Date(article.publishedAt ?? 0).toISOString()).toBe('2019-09-07T13:43:45.000Z')
  })

  it('detects the language and counts every Chinese character as a word', () => {
    expect(article.lang).toMatch(/^zh/)
    const han = article.text.match(/\p{Script=Han}/gu)?.length ?? 0
    expect(article.wordCount).toBeGreaterThanOrEqual(han)
    // ~450 characters a minute, not 230 space-separated "words" (a few for a whole page).
    expect(article.readingMinutes).toBe(Math.max(1, Math.round(article.wordCount / 450)))
  })

  it('takes the whole headline when the title metadata is cut short by a stray quote', () => {
    const page = readGzip(join(corpus, 'zh-gne/html/163/3.html.gz'))
    const cut = extractArticle({ html: page, url: 'https://www.163.com/news/article/3.html' })
    expect(cut.title).toBe('奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?')
  })

  it('extracts pages whose markup has no <html> element', () => {
    const fragment = html.slice(html.search(/<body[\s>]/i)).replace(/<\/?(body|html)[^>]*>/gi, '')
    const bare = extractArticle({ html: fragment, url: 'https://www.163.com/news/article/1.html' })
    expect(bare.text.length).toBeGreaterThan(article.text.length * 0.8)
  })
})

describe('extractArticle on small pages', () => {
  const paragraph = '<p>' + 'Reading is a quiet way to travel far from home. '.repeat(12) + '</p>'
  const page = (body: string, head = ''): string =>
    `<html><head><title>Travel</title>${head}</head><body><article>${paragraph}${body}${paragraph}</article></body></html>`
  const url = 'https://example.com/articles/travel.html'

  it('replaces lazy placeholders by the real image address', () => {
    const article = extractArticle({
      url,
      html: page(`
        <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/images/one.jpg"></figure>
        <figure><img src="https://mmbiz.qpic.cn/x/640?wx_fmt=gif" data-src="https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg"></figure>
        <figure><picture><source srcset="/images/three-small.webp 400w, /images/three-large.webp 1200w"><img></picture></figure>
        <figure><img src="/images/blank.gif" data-srcset="/images/four.jpg 1x, /images/four@2x.jpg 2x"></figure>
        <figure><img class="lazy" src="/spinner/placeholder.png"><noscript><img src="/images/five.jpg"></noscript></figure>`)
    })
    expect(article.images).toEqual([
      'https://example.com/images/one.jpg',
      'https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg',
      'https://example.com/images/three-large.webp',
      'https://example.com/images/four@2x.jpg',
      'https://example.com/images/five.jpg'
    ])
  })

  it('reads metadata from JSON-LD in a @graph', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': ['NewsArticle'],
          headline: 'Travel',
          author: [{ '@type': 'Person', name: 'Ada Lovelace' }],
          datePublished: '2021-03-04T05:06:07+01:00',
          keywords: ['travel', 'books'],
          image: { url: '/lead.jpg' }
        }
      ]
    }
    const head = `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script><meta name="keywords" content="reading, Travel">`
    const article = extractArticle({ url, html: page('', head) })
    expect(article.byline).toBe('Ada Lovelace')
    expect(article.publishedAt).toBe(Date.parse('2021-03-04T05:06:07Z'))
    expect(article.keywords).toEqual(['reading', 'Travel', 'books'])
    expect(article.leadImageUrl).toBe('https://example.com/lead.jpg')
  })

  it("reads the author's signature under the article, but not a closing heading", () => {
    const signed = (closing: string): string | null =>
      extractArticle({
        url,
        html: `<html><head><title>Travel</title></head><body><article>${paragraph}${paragraph}${closing}</article></body></html>`
      }).byline
    expect(signed('<p align="right"><em><font size="2">Denis Clerc</font></em></p>')).toBe(
      'Denis Clerc'
    )
    expect(signed('<p><b><i>Stefan Wasmer</i></b></p>')).toBe('Stefan Wasmer')
    // Readability may keep a promotion after the article's end.
    expect(
      signed(
        '<div><p>The last words of the story.</p><p><b><i>Stefan Wasmer</i></b></p></div><div><h2>Our app</h2><p>Read everything about ice hockey on your phone.</p><p><a href="/app"><img src="/store.png"></a></p></div>'
      )
    ).toBe('Stefan Wasmer')
    expect(signed('<p><strong>Weitere Informationen</strong></p>')).toBeNull()
    // A plain closing line is the article's last sentence, not a signature.
    expect(signed('<p>Marina Mucha</p>')).toBeNull()
  })

  it('fails with extract_failed naming the URL when there is nothing to read', () => {
    const empty = (): ExtractedArticle =>
      extractArticle({ url, html: '<html><body></body></html>' })
    expect(empty).toThrowError(FolioError)
    expect(empty).toThrowError(url)
  })
})
