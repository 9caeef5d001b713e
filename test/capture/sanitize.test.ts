import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/core/capture/extract/extract'
import { parseDocument } from '../../src/main/core/capture/extract/dom'
import { sanitizeArticleHtml, trimForSanitizer } from '../../src/main/core/capture/extract/sanitize'

// OWASP-style payloads (XSS filter evasion cheat sheet, DOMPurify's mXSS reports).
const payloads = [
  '<img src="x" onerror="alert(1)">',
  '<img src=x onerror=alert(1)//>',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
  '<a href="javascript:alert(1)">link</a>',
  '<a href="JaVaScRiPt:alert(1)">link</a>',
  '<a href="jav&#x09;ascript:alert(1)">link</a>',
  '<a href="jav&#x0A;ascript:alert(1)">link</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">link</a>',
  '<a href=" javascript:alert(1)">link</a>',
  '<a href="vbscript:msgbox(1)">link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
  '<img src="javascript:alert(1)">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<form action="javascript:alert(1)"><input type="submit" formaction="javascript:alert(1)"><button>go</button></form>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<div style="width: expression(alert(1))">styled</div>',
  '<style>@import "javascript:alert(1)"; body { background: red }</style>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<p title="&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;">quoted</p>',
  '<scr<script>ipt>alert(1)</script>',
  '<script>alert(1)</script>',
  '<body onload="alert(1)">',
  '<details open ontoggle="alert(1)">x</details>',
  '<video poster="javascript:alert(1)"><source onerror="alert(1)"></video>',
  '<a href="\\u006aavascript:alert(1)">unicode</a>',
  '<p>\u2028<img src=x onerror="\\u0061lert(1)"></p>',
  '<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>',
  '<isindex action="javascript:alert(1)" type=image>',
  '<a href="https://example.com/" target="_blank" onclick="alert(1)">ok</a>'
]

const scriptCapable =
  'script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, svg, math, style, link, meta, base, template, noscript, isindex'
const urlAttributes = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'background',
  'data'
]

/** Removes what browsers ignore inside a URL scheme (whitespace, control characters). */
function normalizeUrl(value: string): string {
  const ignored = (character: string): boolean => {
    const code = character.charCodeAt(0)
    return code <= 0x20 || (code >= 0x7f && code <= 0x9f)
  }
  return Array.from(value)
    .filter((character) => !ignored(character))
    .join('')
    .toLowerCase()
}

function expectInert(html: string): void {
  const document = new JSDOM(`<!doctype html><body>${html}</body>`).window.document
  expect(document.querySelectorAll(scriptCapable).length).toBe(0)
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name).not.toMatch(/^on/i)
      expect(attribute.name).not.toBe('style')
      if (urlAttributes.includes(attribute.name)) {
        expect(normalizeUrl(attribute.value)).toMatch(/^(https?:|mailto:)/)
      }
    }
  }
}

describe('sanitizeArticleHtml', () => {
  it.each(payloads)('leaves nothing executable of %s', (payload) => {
    expectInert(sanitizeArticleHtml(payload).contentHtml)
  })

  it('keeps the structure a reader needs', () => {
    const html =
      '<h2 dir="rtl" lang="ar">Title</h2><p>a<sup>1</sup><sub>2</sub></p><ul><li>x</li></ul>' +
      '<table><tr><td colspan="2">c</td></tr></table><figure><img src="https://example.com/a.jpg" alt="A" width="10" height="20" title="T"><figcaption>Cap</figcaption></figure>' +
      '<pre><code>let x = 1</code></pre><blockquote>q</blockquote><a href="https://example.com/">l</a><a href="mailto:a@example.com">m</a>'
    const { contentHtml } = sanitizeArticleHtml(html)
    for (const fragment of [
      '<h2 dir="rtl" lang="ar">',
      '<sup>1</sup>',
      '<sub>2</sub>',
      '<li>x</li>',
      '<td colspan="2">',
      '<figcaption>Cap</figcaption>',
      '<pre><code>',
      '<blockquote>',
      'href="https://example.com/"',
      'href="mailto:a@example.com"'
    ]) {
      expect(contentHtml).toContain(fragment)
    }
    expect(contentHtml).toContain(
      '<img src="https://example.com/a.jpg" alt="A" width="10" height="20" title="T">'
    )
  })

  it('filters the attributes a stray <body> tag gives the sanitizer root', () => {
    const { root, contentHtml } = sanitizeArticleHtml(
      '<p>a</p><body onload="alert(1)" onpageshow="alert(2)" class="x"><p>b</p>'
    )
    expect(root.getAttributeNames()).toEqual([])
    expect(contentHtml).toBe('<p>a</p><p>b</p>')
  })

  it('drops classes, ids, data attributes and style attributes', () => {
    const { contentHtml } = sanitizeArticleHtml(
      '<p class="x" id="y" data-z="1" style="color:red" aria-label="l">t</p>'
    )
    expect(contentHtml).toBe('<p>t</p>')
  })
})

describe('formulas', () => {
  it('keeps the text of MathML formulas, which DOMPurify removes with their content', () => {
    const document = parseDocument(
      '<html><body><div id="article"><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to ' +
        '<math alttext="ax^2 + bx + c = 0"><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup></math>.</p></div></body></html>'
    )
    // Readability hands back a content element outside the document.
    const content = document.getElementById('article') as Element
    content.remove()
    trimForSanitizer(content)
    const { contentHtml } = sanitizeArticleHtml(content.innerHTML)
    expect(contentHtml).toBe('<p>When a≠0, there are two solutions to ax^2 + bx + c = 0.</p>')
  })
})

describe('extractArticle with hostile content', () => {
  it('returns inert HTML for an article full of payloads', () => {
    const paragraph =
      '<p>' + 'An ordinary sentence about the weather and the sea. '.repeat(10) + '</p>'
    const body = payloads.map((payload) => `${paragraph}<div>${payload}</div>`).join('')
    const html = `<html><head><title>Hostile</title></head><body><article>${body}</article></body></html>`
    const article = extractArticle({ html, url: 'https://example.com/hostile' })
    expect(article.text).toContain('ordinary sentence')
    expectInert(article.contentHtml)
    for (const image of article.images) expect(image).toMatch(/^https?:/)
  })
})
