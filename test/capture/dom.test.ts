import { describe, expect, it } from 'vitest'
import { parseDocument, textOf } from '../../src/main/core/capture/extract/dom'
import { trimForSanitizer } from '../../src/main/core/capture/extract/sanitize'
import { blockText } from '../../src/main/core/capture/extract/text'

describe('the fast DOM (linkedom, patched to create listener maps lazily)', () => {
  it('still delivers, and stops delivering, events to listeners added after parsing', () => {
    const document = parseDocument('<html><body><p id="one">Hello</p></body></html>')
    const paragraph = document.getElementById('one')!
    const seen: string[] = []
    const listener = (event: Event): void => {
      seen.push(event.type)
    }
    // An element that never had a listener can be asked to remove one.
    paragraph.removeEventListener('click', listener)
    paragraph.addEventListener('click', listener)
    paragraph.dispatchEvent(new document.defaultView!.Event('click'))
    paragraph.removeEventListener('click', listener)
    paragraph.dispatchEvent(new document.defaultView!.Event('click'))
    expect(seen).toEqual(['click'])
  })
})

describe('trimForSanitizer', () => {
  it('drops attributes outside the allowlist and bare spans, keeping text and meaningful spans', () => {
    const document = parseDocument(
      '<html><body><div id="c" class="story"><p class="lead" data-x="1" title="t">One <span>two</span> <span lang="fr">trois</span> <a href="https://example.com/" onclick="x()">link</a></p></div></body></html>'
    )
    const content = document.getElementById('c')!
    trimForSanitizer(content)
    expect(content.innerHTML).toBe(
      '<p title="t">One two <span lang="fr">trois</span> <a href="https://example.com/">link</a></p>'
    )
  })
})

describe('trimForSanitizer and blank text', () => {
  it('drops blank text between blocks but keeps the spaces that separate inline words', () => {
    const document = parseDocument(
      '<html><body><div id="c">\n<p>One</p>\n  <p>two <b>three</b> <i>four</i></p>\n<p>five<b>\n</b>six</p><pre>  a\n  b  </pre>\n</div></body></html>'
    )
    const content = document.getElementById('c')!
    trimForSanitizer(content)
    expect(content.innerHTML).toBe(
      '<p>One</p><p>two <b>three</b> <i>four</i></p><p>five<b>\n</b>six</p><pre>  a\n  b  </pre>'
    )
  })
})

describe('blockText', () => {
  it('reads the base text of ruby, leaving out its annotations', () => {
    const document = parseDocument(
      '<html><body><p id="p"><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>を読む</p></body></html>'
    )
    expect(blockText(document.getElementById('p')!)).toBe('漢字を読む')
  })
})

describe('parseDocument', () => {
  it('ends a script at an end tag that carries junk before its ">", as browsers do', () => {
    // A real page wrote `</script` and a comment before the `>`: the page's body came after it.
    const html =
      '<html><head><script src="a.js"></script\n  <!--plugin--></head><body>' +
      '<p>The article starts here.</p><script>var x = 1</script ></body></html>'
    const document = parseDocument(html)
    expect(textOf(document.body)).toBe('The article starts here.')
  })
})
