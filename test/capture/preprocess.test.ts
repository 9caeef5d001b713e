import { describe, expect, it } from 'vitest'
import { parseDocument, textOf } from '../../src/main/core/capture/extract/dom'
import { extractArticle, extractArticleWith } from '../../src/main/core/capture/extract/extract'
import { unwrapArticleAsides } from '../../src/main/core/capture/extract/rules/article-asides'
import { removeFurniture } from '../../src/main/core/capture/extract/rules/furniture'
import { moveLeadsIntoBody } from '../../src/main/core/capture/extract/rules/leads'
import { unwrapNoscriptContent } from '../../src/main/core/capture/extract/rules/noscript'
import { corpusPage } from '../helpers/corpus'

const url = 'https://news.example/2024/05/parks-at-night'

const bodyParagraphs = [
  'The council voted by a large majority on Tuesday evening to keep the eleven city parks open until midnight from the first of June, after a year of trials in two districts.',
  'Residents who took part in the trials said the parks felt safer with more people in them, and the police reported fewer incidents than in the same months of the year before.',
  'The cost of the extra lighting and the two night wardens per park will be met from the parks budget, which grows by four per cent next year, the finance committee said.',
  'Opponents argued that the noise would disturb the neighbours of the smaller parks; the council promised to review the scheme after six months and to close parks early where needed.'
]
const lead =
  'From June, all eleven city parks stay open until midnight: the council extends a trial that residents and the police both judged a success.'

/** An article whose lead sits in the header beside the body container, as on many news sites. */
function articleWithHeaderLead(extra = ''): string {
  return `<!doctype html><html><head><title>Parks stay open at night</title></head><body>
    <header class="masthead"><a href="/">City News</a>
      <p class="site-description">Independent news from the city and its districts since 1998, every day.</p>
    </header>
    <main><article>
      <header class="entry-header">
        <h1>Parks stay open at night</h1>
        <div class="entry-excerpt"><p>${lead}</p></div>
      </header>
      <div class="entry-content">
        ${bodyParagraphs.map((text) => `<p>${text}</p>`).join('\n')}
        ${extra}
      </div>
    </article></main>
    <footer><p>© City News</p></footer>
  </body></html>`
}

describe('moving the lead paragraph into the article body', () => {
  it('keeps the lead that Readability drops with the header, before the body', () => {
    const html = articleWithHeaderLead()
    // Without the rule, the lead is lost: that is what the rule is for.
    const without = extractArticleWith({ html, url }, { disabledRules: ['leads'] })
    expect(without.text).not.toContain('all eleven city parks stay open')

    const article = extractArticle({ html, url })
    expect(article.text).toContain(lead)
    expect(article.text.indexOf(lead)).toBeLessThan(article.text.indexOf(bodyParagraphs[0]))
    for (const paragraph of bodyParagraphs) expect(article.text).toContain(paragraph)
    // The site's tagline comes before the headline: it is not a lead.
    expect(article.text).not.toContain('Independent news from the city')
  })

  it('leaves teaser cards inside the body where they are', () => {
    const teaser =
      '<div class="teaser"><p>Also read: how the night buses changed the way the city goes out, a year later.</p></div>'
    const document = parseDocument(articleWithHeaderLead(teaser))
    moveLeadsIntoBody(document)
    const moved = Array.from(document.querySelectorAll('p')).find((p) => p.textContent === lead)
    const card = document.querySelector('.teaser')
    // The real lead now stands just before the body's container; the teaser card stayed put.
    expect(moved?.nextElementSibling?.className).toBe('entry-content')
    expect(moved?.parentElement?.tagName).toBe('ARTICLE')
    expect(card?.previousElementSibling?.textContent).toBe(bodyParagraphs[3])
  })

  it('does not move image captions or author boxes', () => {
    const document = parseDocument(`<html><body><article>
      <h1>Headline of the story</h1>
      <div class="image-description"><p>The park at night, seen from the old water tower on the hill.</p></div>
      <div class="author-description"><p>Jane Doe writes about the city's districts and its parks.</p></div>
      <div class="body">${bodyParagraphs.map((text) => `<p>${text}</p>`).join('')}</div>
    </article></body></html>`)
    moveLeadsIntoBody(document)
    expect(document.querySelector('.image-description')?.parentElement?.tagName).toBe('ARTICLE')
    expect(document.querySelector('.author-description')?.parentElement?.tagName).toBe('ARTICLE')
  })

  it('keeps the lead of a real FAZ article', () => {
    // trafilatura's evaluation: this sentence is the article's standfirst ("with" snippet); a
    // neighbouring teaser and the author's note are not the article ("without" snippets).
    const html = corpusPage('trafilatura-eval/html/faz.net.streaming.html.gz').toString('utf8')
    const article = extractArticle({
      html,
      url: 'https://www.faz.net/aktuell/wirtschaft/nutzerbasierte-abrechnung-musik-stars-fordern-neues-streaming-modell-16604622.html'
    })
    const text = article.text.replace(/\s+/g, ' ')
    expect(text).toContain(
      'Die Abogebühr eines Nutzers soll nur noch unter den Künstlern verteilt werden, die er gehört hat'
    )
    expect(text).toContain('nicht bloß um höhere Einkünfte')
    expect(text).not.toContain('Etwa 100 deutsche Reisende')
    expect(text).not.toContain('Abonnieren Sie unsere')
  })
})

describe('removing page furniture', () => {
  it('removes share bars and newsletter boxes but keeps comments inside code', () => {
    const document = parseDocument(`<html><body><article>
      <div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div>
      <p>To add two numbers in C, write a function:</p>
      <pre><code><span class="token comment">// add.c adds two integers</span>
int add(int a, int b) { return a + b; }</code></pre>
      <aside class="newsletter"><p>Get our newsletter every Friday.</p></aside>
    </article></body></html>`)
    removeFurniture(document)
    const text = textOf(document.body)
    expect(text).toContain('// add.c adds two integers')
    expect(text).toContain('int add(int a, int b)')
    expect(text).not.toContain('Tweet')
    expect(text).not.toContain('newsletter every Friday')
  })

  it('keeps the code comments of the V8 blog page', () => {
    const html = corpusPage('readability-testpages/pages/v8-blog/source.html.gz').toString('utf8')
    const document = parseDocument(html)
    removeFurniture(document)
    const text = textOf(document.body)
    expect(text).toContain('// load-add.js')
    expect(text).toContain('// hello.cpp')
  })
})

describe('article wrappers named like furniture', () => {
  it('keeps an article whose whole template sits in a "footer"-classed wrapper', () => {
    const html = `<!doctype html><html><head><title>Parks stay open at night</title></head><body>
      <div class="disclosure"><h3>Advertiser Disclosure</h3><p>${'Some offers on this site come from partners who pay us, which may affect where and how they appear. '.repeat(6)}</p></div>
      <div class="above-footer"><div class="article-content"><h1>Parks stay open at night</h1>
        <p>${bodyParagraphs[0]}</p><p>${bodyParagraphs[1]}</p><p>${bodyParagraphs[2]}</p><p>${bodyParagraphs[3]}</p>
      </div></div></body></html>`
    expect(extractArticle({ html, url }).text).toContain('met from the parks budget')
    // Without the rule Readability deletes the wrapper and keeps only the disclosure box.
    const without = extractArticleWith({ html, url }, { disabledRules: ['unlikely-wrappers'] })
    expect(without.text).not.toContain('met from the parks budget')
  })
})

describe('embedded posts', () => {
  it('keeps a tweet the article quotes in a "social-media-embed" wrapper', () => {
    const tweet =
      '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Yes, the parks are open at night now and the wardens are lovely: <a href="https://t.co/abc123">https://t.co/abc123</a></p>' +
      '— Jane Roe (@janeroe) <a href="https://twitter.com/janeroe/status/1">June 2, 2024</a></blockquote></div>'
    const html = `<!doctype html><html><head><title>Parks stay open at night</title></head><body>
      <main><article><h1>Parks stay open at night</h1><div class="entry-content">
        <p>${bodyParagraphs[0]}</p><p>${bodyParagraphs[1]}</p>
        <p>Many residents shared their first night in the park on social media.</p>
        ${tweet}
        <p>${bodyParagraphs[2]}</p><p>${bodyParagraphs[3]}</p>
      </div></article></main></body></html>`
    const text = extractArticle({ html, url }).text
    expect(text).toContain('the wardens are lovely')
    expect(text).toContain('Jane Roe (@janeroe)')
    expect(text).toContain('met from the parks budget')
  })
})

describe('formulas', () => {
  it('keeps MathJax formulas in their sentence', () => {
    const formula = (mathml: string): string =>
      '<mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"><mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D44E TEX-I"></mjx-c></mjx-mi></mjx-math>' +
      `<mjx-assistive-mml unselectable="on" display="inline"><math xmlns="http://www.w3.org/1998/Math/MathML">${mathml}</math></mjx-assistive-mml></mjx-container>`
    const html = `<!doctype html><html><head><title>Quadratic equations</title></head><body>
      <h1>Quadratic equations</h1>
      <p>${bodyParagraphs[0]}</p>
      <p>When</p> ${formula('<mi>a</mi><mo>≠</mo><mn>0</mn>')}, there are two solutions to ${formula('<mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn>')}.
      <p>${bodyParagraphs[1]}</p><p>${bodyParagraphs[2]}</p>
    </body></html>`
    const text = extractArticle({ html, url }).text
    expect(text).toContain('a≠0, there are two solutions to ax2+c=0.')
  })
})

describe('articles inside <noscript>', () => {
  const article = bodyParagraphs.map((text) => `<p>${text}</p>`).join('')

  it('unwraps the article a script-rendered page keeps for readers without JavaScript', () => {
    const html = `<html><head><title>Parks stay open at night: the council votes</title></head><body><div id="app"></div>
      <noscript><img src="https://tracker.example/pixel.gif"></noscript>
      <main><h1>Parks stay open at night</h1><noscript>${article}</noscript></main></body></html>`
    const document = parseDocument(html)
    unwrapNoscriptContent(document)
    // The article's paragraphs are now the page's own; the tracking pixel's <noscript> stays.
    expect(document.querySelectorAll('main > p')).toHaveLength(bodyParagraphs.length)
    expect(document.querySelectorAll('noscript')).toHaveLength(1)
    const text = extractArticle({ html, url }).text
    for (const paragraph of bodyParagraphs) expect(text).toContain(paragraph)
  })

  it('leaves short notices and copies of text the page already shows', () => {
    const document = parseDocument(`<html><body>
      <noscript><p>Please enable JavaScript to use this site.</p></noscript>
      <article>${article}</article>
      <noscript>${article}</noscript></body></html>`)
    unwrapNoscriptContent(document)
    expect(document.querySelectorAll('noscript')).toHaveLength(2)
  })

  it('leaves a long cookie notice in <noscript> out of a real page', () => {
    const html = corpusPage('readability-testpages/pages/medicalnewstoday/source.html.gz').toString(
      'utf8'
    )
    const text = extractArticle({ html, url: 'http://fakehost/test/page.html' }).text
    expect(text).toContain('but when does that "a-ha!" moment occur?')
    expect(text).not.toContain('Welcome to Medical News Today')
  })

  it('reads the Google security blog post that Blogger renders with JavaScript', () => {
    const html = corpusPage(
      'trafilatura-eval/html/security.googleblog.com.protection.html.gz'
    ).toString('utf8')
    const text = extractArticle({
      html,
      url: 'https://security.googleblog.com/2020/05/enhanced-safe-browsing-protection-now.html'
    }).text.replace(/\s+/g, ' ')
    expect(text).toContain('This protocol is designed so that Google cannot')
    expect(text).toContain('billions of users are incredibly diverse, with')
  })
})

describe('articles wrapped in <aside>', () => {
  it('turns an <aside> around the article body into a <div>, and leaves sidebars alone', () => {
    const document = parseDocument(`<html><body><main>
      <aside class="content"><section><article>
        <div itemprop="articleBody"><p>${bodyParagraphs[0]}</p></div>
      </article></section></aside>
      <aside class="sidebar"><p>Most read this week</p></aside>
    </main></body></html>`)
    unwrapArticleAsides(document)
    expect(document.querySelector('[itemprop="articleBody"]')?.closest('aside')).toBeNull()
    expect(document.querySelector('div.content [itemprop="articleBody"]')).not.toBeNull()
    expect(document.querySelectorAll('aside.sidebar')).toHaveLength(1)
  })

  it('reads the short rnz.de news item that Readability found empty', () => {
    const html = corpusPage('trafilatura-eval/html/rnz.de.witzel.html.gz').toString('utf8')
    const text = extractArticle({
      html,
      url: 'https://www.rnz.de/nachrichten_artikel,-zz-dpa-Schlaglichter-Frank-Witzel-erhaelt-Deutschen-Buchpreis-2015-_arid,133484.html'
    }).text
    expect(text).toContain('Für einen Roman über die alte Bundesrepublik')
    expect(text).toContain('Auszeichnung der Branche.')
  })
})
