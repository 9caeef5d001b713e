import { describe, expect, it } from 'vitest'
import { CaptureError } from '../../src/main/core/capture/errors'
import { normalizeUrl } from '../../src/main/core/capture/url'

function keyOf(input: string): string {
  return normalizeUrl(input).urlKey
}

function errorOf(input: string): CaptureError {
  try {
    normalizeUrl(input)
  } catch (error) {
    expect(error).toBeInstanceOf(CaptureError)
    return error as CaptureError
  }
  throw new Error(`normalizeUrl accepted ${input}`)
}

describe('normalizeUrl', () => {
  it('lowercases the scheme and host but not the path', () => {
    expect(keyOf('HTTPS://Example.COM/Some/Path')).toBe('https://example.com/Some/Path')
  })

  it('drops default ports and keeps others', () => {
    expect(keyOf('http://example.com:80/a')).toBe('http://example.com/a')
    expect(keyOf('https://example.com:443/a')).toBe('https://example.com/a')
    expect(keyOf('https://example.com:8443/a')).toBe('https://example.com:8443/a')
  })

  it('drops the fragment from both the URL and the key', () => {
    const result = normalizeUrl('https://example.com/a#section-2')
    expect(result).toEqual({ url: 'https://example.com/a', urlKey: 'https://example.com/a' })
  })

  it('removes utm_* and click-id tracking parameters from both the URL and the key', () => {
    const result = normalizeUrl(
      'https://example.com/a?id=7&utm_source=x&UTM_Medium=y&fbclid=abc&gclid=1&msclkid=2&mc_cid=3&mc_eid=4&_hsenc=5&_hsmi=6&igshid=7&ref_src=twsrc&yclid=8&spm=a.b.c&dclid=9'
    )
    expect(result.url).toBe('https://example.com/a?id=7')
    expect(result.urlKey).toBe('https://example.com/a?id=7')
  })

  it('keeps parameters that select content, including generic ones like ref and source', () => {
    expect(keyOf('https://example.com/search?q=folio&ref=main&source=feed')).toBe(
      'https://example.com/search?q=folio&ref=main&source=feed'
    )
  })

  it('sorts the remaining parameters in the key but keeps their order in the URL', () => {
    const result = normalizeUrl('https://example.com/a?b=2&a=1&c=3')
    expect(result.urlKey).toBe('https://example.com/a?a=1&b=2&c=3')
    expect(result.url).toBe('https://example.com/a?b=2&a=1&c=3')
    expect(keyOf('https://example.com/a?c=3&a=1&b=2')).toBe(result.urlKey)
  })

  it('keeps the raw encoding of parameter values', () => {
    expect(normalizeUrl('https://example.com/a?q=a%20b&path=x/y').url).toBe(
      'https://example.com/a?q=a%20b&path=x/y'
    )
  })

  it('drops an empty query', () => {
    expect(normalizeUrl('https://example.com/a?utm_source=x').url).toBe('https://example.com/a')
    expect(keyOf('https://example.com/a?')).toBe('https://example.com/a')
  })

  it('gives a path with and without a trailing slash the same key', () => {
    expect(keyOf('https://example.com/blog/post/')).toBe('https://example.com/blog/post')
    expect(keyOf('https://example.com/blog/post')).toBe('https://example.com/blog/post')
    expect(keyOf('https://example.com')).toBe('https://example.com/')
    expect(keyOf('https://example.com/')).toBe('https://example.com/')
  })

  it('keeps the trailing slash in the URL to fetch', () => {
    expect(normalizeUrl('https://example.com/blog/post/').url).toBe(
      'https://example.com/blog/post/'
    )
  })

  it('converts an internationalised host to punycode', () => {
    expect(keyOf('https://Bücher.example/straße')).toBe('https://xn--bcher-kva.example/stra%C3%9Fe')
    expect(keyOf('http://中文.tw/')).toBe('http://xn--fiq228c.tw/')
  })

  it('keeps www. as part of the host', () => {
    expect(keyOf('https://www.example.com/a')).not.toBe(keyOf('https://example.com/a'))
  })

  it('keeps http and https apart', () => {
    expect(keyOf('http://example.com/a')).toBe('http://example.com/a')
  })

  it('leaves user info out of the key', () => {
    expect(keyOf('https://user:secret@example.com/a')).toBe('https://example.com/a')
  })

  it('adds https:// to an address pasted without a scheme', () => {
    expect(normalizeUrl('example.com/a').url).toBe('https://example.com/a')
    expect(normalizeUrl('  //example.com/a ').url).toBe('https://example.com/a')
    expect(normalizeUrl('localhost:3000/a').url).toBe('https://localhost:3000/a')
  })

  it.each([
    'ftp://example.com/file',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'mailto:a@b.c',
    'data:text/html,hi'
  ])('refuses %s with unsupported_scheme naming the input', (input) => {
    const error = errorOf(input)
    expect(error.code).toBe('unsupported_scheme')
    expect(error.message).toContain(input)
  })

  it.each(['', '   ', 'http://', 'https://exa mple.com/', 'http://[::1/'])(
    'refuses %j with invalid_url',
    (input) => {
      const error = errorOf(input)
      expect(error.code).toBe('invalid_url')
      expect(error.transient).toBe(false)
    }
  )

  it('names the input in an invalid_url message', () => {
    expect(errorOf('https://exa mple.com/').message).toContain('https://exa mple.com/')
  })
})
