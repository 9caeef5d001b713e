import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localiseImages, parseSrcset, sniffImageType } from '../../src/main/core/capture/assets'
import { CaptureError } from '../../src/main/core/capture/errors'
import { startFixtureServer, type FixtureServer } from '../helpers/http-server'

// Real, valid 1×1 images.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
const webp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')
const svg =
  '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>'
/** Passes the PNG signature check and weighs 2 MiB. */
const hugePng = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)])

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

let server: FixtureServer
let inFlight = 0
let mostInFlight = 0

beforeAll(async () => {
  server = await startFixtureServer({
    '/img/photo.png': { headers: { 'content-type': 'image/png' }, body: png },
    '/img/anim.gif': { headers: { 'content-type': 'image/gif' }, body: gif },
    // A server that labels WebP wrongly: the bytes decide.
    '/img/photo.webp': { headers: { 'content-type': 'application/octet-stream' }, body: webp },
    '/img/copy-of-photo.png': { headers: { 'content-type': 'image/png' }, body: png },
    '/img/drawing.svg': { headers: { 'content-type': 'image/svg+xml' }, body: svg },
    '/img/huge.png': { headers: { 'content-type': 'image/png' }, body: hugePng },
    '/img/fake.png': {
      headers: { 'content-type': 'image/png' },
      body: '<!doctype html><p>login</p>'
    },
    '/img/page.html': { headers: { 'content-type': 'text/html' }, body: '<p>not an image</p>' },
    '/img/hang.png': { hang: true },
    '/img/slow.png': async () => {
      inFlight++
      mostInFlight = Math.max(mostInFlight, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 150))
      inFlight--
      return { headers: { 'content-type': 'image/png' }, body: png }
    }
  })
  for (let index = 0; index < 8; index++)
    server.route(`/img/slow-${index}.png`, {
      headers: { 'content-type': 'image/png' },
      body: Buffer.concat([png, Buffer.from([index])])
    })
})

afterAll(async () => {
  await server.close()
})

function articleUrl(): string {
  return server.url('/news/article.html')
}

describe('localiseImages', () => {
  it('stores each image by sha256 and points its src at folio-asset://', async () => {
    const html = `<p>Text</p><img src="${server.url('/img/photo.png')}" alt="A photo"><img src="${server.url('/img/anim.gif')}">`
    const result = await localiseImages(html, articleUrl())
    expect(result.failures).toEqual([])
    expect(result.html).toBe(
      `<p>Text</p><img src="folio-asset://${sha256(png)}" alt="A photo"><img src="folio-asset://${sha256(gif)}">`
    )
    expect(result.assets).toEqual([
      {
        sha256: sha256(png),
        mime: 'image/png',
        size: png.length,
        bytes: new Uint8Array(png),
        sourceUrl: server.url('/img/photo.png')
      },
      {
        sha256: sha256(gif),
        mime: 'image/gif',
        size: gif.length,
        bytes: new Uint8Array(gif),
        sourceUrl: server.url('/img/anim.gif')
      }
    ])
  })

  it('leaves the markup around the images as it was', async () => {
    const around = (src: string): string =>
      `<figure><img src="${src}" alt="Tom and Jerry" width="640"><figcaption>Tom &amp; Jerry, 1940</figcaption></figure><p lang="zh">中文 <a href="https://example.com/a">link</a></p>`
    const result = await localiseImages(around(server.url('/img/photo.png')), articleUrl())
    expect(result.html).toBe(around(`folio-asset://${sha256(png)}`))
  })

  it('returns a fragment without images untouched', async () => {
    const html = '<p>No images here, only <b>text</b> &amp; entities.</p>'
    expect(await localiseImages(html, articleUrl())).toEqual({ html, assets: [], failures: [] })
  })

  it('sends the article URL as Referer', async () => {
    await localiseImages(`<img src="${server.url('/img/anim.gif?referer-check')}">`, articleUrl())
    const request = server.requests.find(
      (recorded) => recorded.path === '/img/anim.gif?referer-check'
    )
    expect(request?.headers.referer).toBe(articleUrl())
    expect(request?.headers.accept).toMatch(/^image\//)
  })

  it('downloads a URL used twice only once', async () => {
    const url = server.url('/img/photo.webp?twice')
    const result = await localiseImages(
      `<img src="${url}"><figure><img src="${url}"></figure>`,
      articleUrl()
    )
    expect(
      server.requests.filter((recorded) => recorded.path === '/img/photo.webp?twice')
    ).toHaveLength(1)
    expect(result.assets).toHaveLength(1)
    expect(result.assets[0].mime).toBe('image/webp')
    expect(result.html.split(`folio-asset://${sha256(webp)}`)).toHaveLength(3)
  })

  it('stores identical bytes from two URLs once', async () => {
    const html = `<img src="${server.url('/img/photo.png')}"><img src="${server.url('/img/copy-of-photo.png')}">`
    const result = await localiseImages(html, articleUrl())
    expect(result.assets.map((asset) => asset.sha256)).toEqual([sha256(png)])
    expect(result.html.split(`folio-asset://${sha256(png)}`)).toHaveLength(3)
  })

  it('fails an oversized image but keeps the others', async () => {
    const hugeUrl = server.url('/img/huge.png')
    const html = `<img src="${hugeUrl}"><img src="${server.url('/img/anim.gif')}">`
    const result = await localiseImages(html, articleUrl(), { maxImageBytes: 1024 * 1024 })
    expect(result.html).toBe(`<img src="${hugeUrl}"><img src="folio-asset://${sha256(gif)}">`)
    expect(result.assets.map((asset) => asset.mime)).toEqual(['image/gif'])
    expect(result.failures).toEqual([
      { sourceUrl: hugeUrl, error: expect.stringContaining('1 MiB limit') }
    ])
  })

  it('rejects responses that are not images, whatever their Content-Type says', async () => {
    const fake = server.url('/img/fake.png')
    const page = server.url('/img/page.html')
    const result = await localiseImages(`<img src="${fake}"><img src="${page}">`, articleUrl())
    expect(result.assets).toEqual([])
    expect(result.html).toBe(`<img src="${fake}"><img src="${page}">`)
    expect(result.failures.map((failure) => failure.error)).toEqual([
      expect.stringContaining('not a supported image (image/png)'),
      expect.stringContaining('not a supported image (text/html)')
    ])
  })

  it('lists a 404 image as a failure and keeps its absolute src', async () => {
    const missing = server.url('/img/missing.png')
    const result = await localiseImages('<img src="/img/missing.png">', articleUrl())
    expect(result.html).toBe(`<img src="${missing}">`)
    expect(result.failures).toEqual([{ sourceUrl: missing, error: expect.stringContaining('404') }])
  })

  it('gives up on an image that never arrives without failing the article', async () => {
    const result = await localiseImages(
      `<img src="${server.url('/img/hang.png')}"><img src="${server.url('/img/anim.gif')}">`,
      articleUrl(),
      { timeoutMs: 300 }
    )
    expect(result.assets).toHaveLength(1)
    expect(result.failures).toEqual([
      { sourceUrl: server.url('/img/hang.png'), error: expect.stringContaining('0.3 s') }
    ])
  })

  it('keeps data: images as they are and does not fetch them', async () => {
    const dataUrl = `data:image/png;base64,${png.toString('base64')}`
    const before = server.requests.length
    const result = await localiseImages(`<img src="${dataUrl}" alt="inline">`, articleUrl())
    expect(result).toEqual({
      html: `<img src="${dataUrl}" alt="inline">`,
      assets: [],
      failures: []
    })
    expect(server.requests.length).toBe(before)
  })

  it('keeps SVG as an image', async () => {
    const result = await localiseImages(
      `<img src="${server.url('/img/drawing.svg')}">`,
      articleUrl()
    )
    expect(result.assets.map((asset) => asset.mime)).toEqual(['image/svg+xml'])
  })

  it('picks the best srcset candidate of a lazy <picture> and drops the alternatives', async () => {
    const html = [
      '<picture>',
      '<source type="image/jxl" srcset="/img/huge.png 2000w">',
      '<source type="image/webp" srcset="/img/slow-0.png 400w, /img/photo.webp 1600w, /img/slow-1.png 3200w">',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" srcset="/img/slow-2.png 800w" sizes="100vw" alt="lazy">',
      '</picture>'
    ].join('')
    const result = await localiseImages(html, articleUrl())
    expect(result.html).toBe(
      `<picture><img src="folio-asset://${sha256(webp)}" alt="lazy"></picture>`
    )
    expect(result.assets.map((asset) => asset.sourceUrl)).toEqual([server.url('/img/photo.webp')])
  })

  it('downloads at most `concurrency` images at once', async () => {
    mostInFlight = 0
    const html = Array.from({ length: 6 }, (_, index) => `<img src="/img/slow.png?${index}">`).join(
      ''
    )
    const result = await localiseImages(html, articleUrl(), { concurrency: 2 })
    expect(result.failures).toEqual([])
    expect(mostInFlight).toBe(2)
  })

  it('stops downloading once the article budget is spent', async () => {
    const html = Array.from({ length: 8 }, (_, index) => `<img src="/img/slow-${index}.png">`).join(
      ''
    )
    const result = await localiseImages(html, articleUrl(), {
      maxArticleBytes: png.length * 3 + 3,
      concurrency: 1
    })
    expect(result.assets).toHaveLength(3)
    expect(result.failures).toHaveLength(5)
    expect(result.failures[0].error).toContain('limit')
  })

  it('throws cancelled when the save is cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const promise = localiseImages(`<img src="${server.url('/img/hang.png')}">`, articleUrl(), {
      signal: controller.signal
    })
    await expect(promise).rejects.toBeInstanceOf(CaptureError)
    await expect(promise).rejects.toMatchObject({ code: 'cancelled' })
  })
})

describe('parseSrcset', () => {
  it('reads width and density descriptors and URLs containing commas', () => {
    expect(
      parseSrcset(
        'https://cdn.example/w_300,h_200/a.jpg 300w,\n https://cdn.example/b.jpg 2x, c.jpg'
      )
    ).toEqual([
      { url: 'https://cdn.example/w_300,h_200/a.jpg', width: 300, density: 1 },
      { url: 'https://cdn.example/b.jpg', width: 0, density: 2 },
      { url: 'c.jpg', width: 0, density: 1 }
    ])
  })
})

describe('sniffImageType', () => {
  it.each([
    ['image/png', png],
    ['image/gif', gif],
    ['image/webp', webp],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    [
      'image/avif',
      Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif\0\0\0\0avifmif1miaf')])
    ],
    ['image/svg+xml', Buffer.from(svg)]
  ])('recognises %s', (mime, bytes) => {
    expect(sniffImageType(bytes)).toBe(mime)
  })

  it.each([
    ['HTML', '<!doctype html><html><svg></svg></html>'],
    ['JSON', '{"svg": true}'],
    [
      'an MP4 video',
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42\0\0\0\0isommp42')])
    ]
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImageType(Buffer.from(bytes))).toBeNull()
  })
})
