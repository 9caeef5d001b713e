import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { blockText } from '../../src/main/core/capture/extract/text'
import { parseDocument } from '../../src/main/core/capture/extract/dom'
import { extractArticle } from '../../src/main/core/capture/extract/extract'
import { postprocessArticle } from '../../src/main/core/capture/extract/rules'
import { createRuleContext } from '../../src/main/core/capture/extract/rules/context'
import { corpusDir } from '../helpers/corpus'

const corpus = corpusDir

// Real prose so that the rules see an article, not a fragment.
const prose = (topic: string): string =>
  `<p>The council met on Tuesday to discuss ${topic}, and after a long debate the members agreed to fund a study of the options, with a report due in the spring and a public hearing before any decision is taken.</p>`

/** Runs the post-processing rules on an article body and returns its text, line by line. */
function clean(body: string): string {
  const document = parseDocument(`<html><body><div id="article">${body}</div></body></html>`)
  const content = document.getElementById('article')
  if (!content) throw new Error('no article element')
  postprocessArticle(content, createRuleContext({ baseUrl: 'https://news.example.com/story' }))
  return blockText(content)
}

describe('post-processing rules', () => {
  it('removes a "related stories" heading and its list, keeps prose with links and real headings', () => {
    const text = clean(
      prose('the bridge') +
        '<h2>More about the federal budget</h2>' +
        '<p>The plan, <a href="/a">first published</a> in May, was <a href="/b">criticised</a> by the opposition for its cost and its timing, which they said would leave the town short of money.</p>' +
        prose('the harbour') +
        '<h3>Related stories</h3><ul><li><a href="/1">Harbour plan delayed again</a></li><li><a href="/2">Mayor answers critics</a></li></ul>'
    )
    expect(text).toContain('More about the federal budget')
    expect(text).toContain('first published in May')
    expect(text).not.toContain('Related stories')
    expect(text).not.toContain('Harbour plan delayed again')
  })

  it('removes the list of headlines under a "related" heading at the end, links half of each line', () => {
    const text = clean(
      prose('the bridge') +
        prose('the harbour') +
        '<div class="heading-h3">More Great WIRED Stories</div><ul>' +
        '<li>YouTubers must unionize, <a href="/1">no matter what Google says</a></li>' +
        '<li>Paid political ads are not the problem. <a href="/2">Our perceptions are</a></li>' +
        '<li>Could an astronaut lost in space <a href="/3">use gravity to get around</a>?</li>' +
        '<li>The plan to boost drone batteries <a href="/4">with a teensy jet engine</a></li></ul>' +
        prose('the station')
    )
    expect(text).not.toContain('YouTubers must unionize')
    expect(text).not.toContain('teensy jet engine')
    expect(text).toContain('discuss the station')
  })

  it('keeps a list whose items talk around their links, removes one of bare link titles', () => {
    const text = clean(
      prose('the bridge') +
        '<ul><li>Neil has patches up to <a href="/1">improve the behaviour of the tab strip in narrow windows</a>, and <a href="/2">show the picture-in-picture toggle on every video</a></li>' +
        '<li>Mark now fixed <a href="/3">the crash on start-up that hit older machines</a> and <a href="/4">the slow first paint of large pages</a></li></ul>' +
        prose('the harbour') +
        '<ul><li><a href="/5">Harbour plan delayed again by the council</a></li><li><a href="/6">Mayor answers critics of the budget</a></li></ul>'
    )
    expect(text).toContain('Neil has patches up to improve the behaviour')
    expect(text).toContain('Mark now fixed the crash on start-up')
    expect(text).not.toContain('Harbour plan delayed again')
  })

  it("keeps the article's table of contents, a list of links to other sites and a sublist", () => {
    const text = clean(
      '<div class="toc"><ul><li><a href="#history">1 History of the bridge</a></li><li><a href="#costs">2 Costs and funding</a></li></ul></div>' +
        prose('the bridge') +
        '<ul><li>Neil has patches up to improve the tab strip, and more are coming soon.</li>' +
        '<li>In progress:<ul><li><a href="https://bugzilla.example.org/1">Bug 1677080 – Fullscreen window is affected</a></li>' +
        '<li><a href="https://bugzilla.example.org/2">Bug 1677107 – Add telemetry for tracking usage</a></li></ul></li></ul>' +
        '<p>Sources:</p><ul><li><a href="https://nodejs.org/api/inspector.html">https://nodejs.org/api/inspector.html</a></li>' +
        '<li><a href="https://www.npmjs.com/package/inspector-api">https://www.npmjs.com/package/inspector-api</a></li></ul>' +
        prose('the harbour') +
        '<ul><li><a href="https://news.example.com/harbour">Harbour plan delayed again by the council</a></li><li><a href="/mayor">Mayor answers critics of the budget</a></li></ul>'
    )
    expect(text).toContain('1 History of the bridge')
    expect(text).toContain('Bug 1677107')
    expect(text).toContain('https://www.npmjs.com/package/inspector-api')
    // Links to the site's own pages: a related-stories list.
    expect(text).not.toContain('Harbour plan delayed again')
  })

  it('keeps a dateline and topic links inside a paragraph, whatever their class', () => {
    const text = clean(
      '<p><span class="dateline">CAIRO —</span> Gunmen opened fire on visitors at the museum on Wednesday, killing at least 19 people in an assault on the capital.</p>' +
        '<p>The government plans to reverse its position on <a class="meta-loc" href="/sudan">Sudan</a> and lift trade sanctions, officials said late on Thursday evening.</p>' +
        prose('the harbour') +
        '<div class="share-tools"><a href="/s">Facebook</a> <a href="/t">Twitter</a></div>'
    )
    expect(text).toContain('CAIRO — Gunmen opened fire')
    expect(text).toContain('its position on Sudan and lift')
    expect(text).not.toContain('Facebook')
  })

  it('keeps a short line that begins with "Related to", removes "Related:" teasers', () => {
    const text = clean(
      prose('the bridge') +
        '<ul><li>Related to each other: for example, a caching server and a web server</li>' +
        '<li>Unrelated services sharing hardware</li></ul>' +
        '<p>Related: <a href="/x">Chicago is the most segregated city</a></p>' +
        prose('the harbour')
    )
    expect(text).toContain('Related to each other')
    expect(text).not.toContain('most segregated city')
  })

  it('removes a hover card hung on a name in a sentence, keeps the name', () => {
    const text = clean(
      '<p>A man was charged with threatening to kill Rep. <span class="rollover-people"><a href="/people/jane-roe">Jane Roe</a>' +
        '<span class="rollover-people-block"><span class="rollover-block"><img src="/roe.jpg"><a href="/people/jane-roe">Jane Roe</a>' +
        '<a href="/a">Senators call for a new security coordinator</a> <a href="/b">Progressives oppose the stopgap bill</a> <a href="/people/jane-roe">MORE</a></span></span></span>' +
        ' (D-Minn.), the attorney said on Tuesday after a long hearing in the federal court.</p>' +
        prose('the harbour')
    )
    expect(text).toContain('kill Rep. Jane Roe (D-Minn.), the attorney said')
    expect(text).not.toContain('Senators call for')
  })

  it('removes headlines of other stories set in capitals between paragraphs, keeps a heading', () => {
    const text = clean(
      prose('the bridge') +
        '<p><strong><a href="/story/1">SEAN SPICER ELIMINATED FROM DANCING WITH THE STARS</a></strong></p>' +
        '<h2>NASA AND THE MOON</h2>' +
        '<p>The NASA team said the test went well.</p>' +
        prose('the harbour')
    )
    expect(text).not.toContain('SEAN SPICER')
    expect(text).toContain('NASA AND THE MOON')
    expect(text).toContain('The NASA team said the test went well.')
  })

  it('leaves code listings and words that only begin like furniture ("printf", "Shareholders")', () => {
    const text = clean(
      prose('the bridge') +
        '<pre><code><span class="token function">printf</span>("%d", n);\n<span class="token comment">// share the result</span></code></pre>' +
        '<p>Shareholders approved it.</p>' +
        prose('the harbour') +
        '<p>Share this</p>'
    )
    expect(text).toContain('printf("%d", n);')
    expect(text).toContain('// share the result')
    expect(text).toContain('Shareholders approved it.')
    expect(text).not.toContain('Share this')
  })

  it('removes "read also" lines in any of the corpora languages', () => {
    const text = clean(
      prose('the bridge') +
        '<p><strong>Lea también: <a href="/x">Otro artículo sobre el puente</a></strong></p>' +
        '<p>Czytaj też: <a href="/y">Inny artykuł</a></p>' +
        prose('the harbour')
    )
    expect(text).not.toContain('Lea también')
    expect(text).not.toContain('Czytaj też')
    expect(text).toContain('discuss the harbour')
  })

  it('removes photo credits between paragraphs and credit elements in captions, not the caption', () => {
    const text = clean(
      prose('the bridge') +
        '<figure><img src="/moon.jpg"><figcaption>The moon rising over the harbour on Monday. <span class="credit">Jane Doe/Reuters</span></figcaption></figure>' +
        '<figure><img src="/sun.jpg"><figcaption>Sunrise at the pier. Photo: AP</figcaption></figure>' +
        '<p>Photo: Getty Images</p>' +
        '<p class="photo-credit">Alex Wong</p>' +
        prose('the harbour')
    )
    expect(text).toContain('The moon rising over the harbour on Monday.')
    expect(text).not.toContain('Jane Doe/Reuters')
    // A credit written into the caption's own text stays with it (Readability's pages keep it).
    expect(text).toContain('Sunrise at the pier. Photo: AP')
    expect(text).not.toContain('Getty')
    expect(text).not.toContain('Alex Wong')
  })

  it('removes datelines, bylines and end notes at the edges of the article, not the prose', () => {
    const text = clean(
      '<p>Nov. 20, 2019, 9:28 AM UTC</p><p>By Jane Doe</p>' +
        '<p>Published November 20th, 2019 - 07:29 GMT</p><p>Posted on March 30, 2015 by Admin</p>' +
        prose('the bridge') +
        prose('the harbour') +
        '<p>(Reporting by Jane Doe; Editing by John Roe)</p>' +
        '<p>Sign up for our daily newsletter to get the news in your inbox.</p>'
    )
    expect(text).not.toContain('2019')
    expect(text).not.toContain('By Jane Doe')
    expect(text).not.toContain('Admin')
    expect(text).not.toContain('Reporting by')
    expect(text).not.toContain('newsletter')
    expect(text.split('\n\n')).toHaveLength(2)
  })

  it('removes closing notes after the last paragraph: follow, listen, reach, legal notice, "More … News"', () => {
    const text = clean(
      '<p>About the author of the plan, little is known.</p>' +
        prose('the bridge') +
        prose('the harbour') +
        '<p>Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.</p>' +
        '<p>Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.</p>' +
        '<p>Reach the reporters on Twitter at http://twitter.com/janedoe and http://twitter.com/johnroe.</p>' +
        '<p>This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission.</p>' +
        '<p><a href="/business">More Business News</a></p>'
    )
    expect(text).toContain('About the author of the plan')
    expect(text).toContain('discuss the harbour')
    for (const gone of [
      'Follow Newsbeat',
      'Listen to Newsbeat',
      'Reach the reporters',
      'subject to copyright',
      'More Business News'
    ])
      expect(text).not.toContain(gone)
  })

  it('removes the headline repeated as the first line, not a first line that merely starts alike', () => {
    const article = (first: string): string => {
      const document = parseDocument(
        `<html><body><div id="article"><h4><a href="/story">${first}</a></h4>${prose('the bridge')}${prose('the harbour')}</div></body></html>`
      )
      const content = document.getElementById('article') as Element
      postprocessArticle(
        content,
        createRuleContext({
          baseUrl: 'https://news.example.com/story',
          title: 'New car sales plunge 10 percent in October - Houston Chronicle'
        })
      )
      return blockText(content)
    }
    expect(article('New car sales plunge 10 percent in October')).not.toContain('New car sales')
    expect(article('New car sales')).toContain('New car sales')
  })

  it('removes teaser lists of headlines with dates, keeps a list of steps and a table of dates', () => {
    const text = clean(
      prose('the bridge') +
        '<ol><li>Open the valve.</li><li>Wait ten minutes.</li><li>Close the valve.</li></ol>' +
        '<table><tr><td>4.2.3</td><td>April 2014</td></tr><tr><td>4.3</td><td>July 2014</td></tr></table>' +
        prose('the harbour') +
        '<ul><li><h5>Harbour plan delayed again</h5><p><time>2019-09-06</time></p></li>' +
        '<li><h5>Mayor answers critics</h5><p><time>2019-09-04</time></p></li></ul>'
    )
    expect(text).toContain('Wait ten minutes.')
    expect(text).toContain('April 2014')
    expect(text).not.toContain('Mayor answers critics')
    expect(text).not.toContain('2019-09-06')
  })

  it('removes interface text and address lines, keeps a sentence that mentions comments', () => {
    const text = clean(
      '<p>Sign In</p><p>Continue Reading Below</p>' +
        prose('the bridge') +
        '<p>3 Kommentare</p>' +
        '<p>Comments from residents were mostly positive, the mayor said.</p>' +
        prose('the harbour') +
        '<p>Write to Jane Doe at jane.doe@example.com</p>'
    )
    expect(text).not.toContain('Sign In')
    expect(text).not.toContain('Continue Reading')
    expect(text).not.toContain('Kommentare')
    expect(text).not.toContain('jane.doe@example.com')
    expect(text).toContain('Comments from residents were mostly positive')
  })

  it('removes teaser cards and next/previous links named by their class, keeps an embedded quote', () => {
    const text = clean(
      prose('the bridge') +
        '<blockquote class="twitter-tweet"><p>The bridge is finally open!</p>— Jane (@jane) <a href="/t">Nov 19</a></blockquote>' +
        prose('the harbour') +
        '<div class="post-navigation"><a href="/prev">Previous: Harbour plan delayed</a> <a href="/next">Next: Mayor answers critics</a></div>'
    )
    expect(text).toContain('The bridge is finally open!')
    expect(text).not.toContain('Mayor answers critics')
  })

  it('keeps one copy of a long caption that a gallery repeats, and short repeated credits', () => {
    const caption =
      'In this Sunday, Nov. 10, 2019, photograph, a long row of unsold cars sits at a dealership in Littleton, Colo.'
    const text = clean(
      `<div class="gallery"><div class="caption"><p>${caption}</p></div></div>` +
        `<div class="control-panel"><div class="caption"><p>${caption}</p></div></div>` +
        prose('the bridge') +
        '<figure><img src="/a.jpg"><figcaption>Photo by Joan Bardeletti</figcaption></figure>' +
        '<figure><img src="/b.jpg"><figcaption>Photo by Joan Bardeletti</figcaption></figure>' +
        prose('the harbour')
    )
    expect(text.split(caption)).toHaveLength(2)
    expect(text.split('Photo by Joan Bardeletti')).toHaveLength(3)
  })

  it('removes a print-only header with the page URL', () => {
    const text = clean(
      '<div class="print-header"><img src="/logo.png"><span>https://news.example.com/story-123.php</span></div>' +
        prose('the bridge') +
        prose('the harbour')
    )
    expect(text).not.toContain('story-123')
    expect(text).toContain('discuss the bridge')
  })

  it('removes an author box named by its class', () => {
    const text = clean(
      prose('the bridge') +
        prose('the harbour') +
        '<div class="author-bio"><p>Jane Doe covers city hall. She lives in town with two cats.</p></div>'
    )
    expect(text).not.toContain('two cats')
    expect(text).toContain('discuss the harbour')
  })

  it('removes paragraphs that only link elsewhere ("Hier geht es zur …", ">> … <<"), keeps linked headings', () => {
    const text = clean(
      prose('the bridge') +
        '<p><a href="/vorstand">Hier geht es zur neuen Vorstandsstruktur</a></p>' +
        '<h3><a href="#anomalies">Detecting anomalies</a></h3>' +
        '<p>&gt;&gt; <a href="/lokal">Wegen Corona: Das Lokal am Hafen muss schließen</a> &lt;&lt;</p>' +
        prose('the harbour')
    )
    expect(text).not.toContain('Vorstandsstruktur')
    expect(text).not.toContain('Wegen Corona')
    expect(text).toContain('Detecting anomalies')
  })

  it('removes linked teasers and box headings after the last paragraph, not those between paragraphs', () => {
    const text = clean(
      prose('the bridge') +
        '<p><a href="/fighters">Tunisia sends most foreign fighters abroad</a></p>' +
        prose('the harbour') +
        '<h3>Über den Autor</h3>' +
        '<p><a href="/museum">Bardo museum houses amazing Roman treasures</a></p>'
    )
    expect(text).toContain('Tunisia sends most foreign fighters abroad')
    expect(text).not.toContain('Über den Autor')
    expect(text).not.toContain('Bardo museum')
  })

  it('removes appeals to the reader in any of the corpora languages, keeps prose about subscribing', () => {
    const text = clean(
      prose('the bridge') +
        '<p><strong>HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS</strong></p>' +
        '<p>Jetzt neu! Besuchen Sie unseren Fan-Shop!</p>' +
        '<p>If you were to subscribe to all three services, you would pay more than for the bundle.</p>' +
        prose('the harbour')
    )
    expect(text).not.toContain('HAZTE MIEMBRO')
    expect(text).not.toContain('Fan-Shop')
    expect(text).toContain('If you were to subscribe to all three services')
  })

  it('removes labelled metadata lines (category, publication date, author), keeps prose using the words', () => {
    const text = clean(
      prose('the bridge') +
        '<p>24.01.2022 11:38 Kategorie: News</p>' +
        '<p>Verfasst von: mitundvoneinander | 31. Dezember 2008</p>' +
        '<p>Die Kategorie der Weine ist streng geregelt und wird jedes Jahr neu geprüft.</p>' +
        prose('the harbour')
    )
    expect(text).not.toContain('Kategorie: News')
    expect(text).not.toContain('Verfasst von')
    expect(text).toContain('Die Kategorie der Weine')
  })

  it('removes a heading left alone at the end, keeps a last heading over a picture', () => {
    const text = clean(
      prose('the bridge') + prose('the harbour') + '<h2>Auch auf gofeminin.de</h2>'
    )
    expect(text).not.toContain('Auch auf gofeminin.de')
    const pictured = clean(
      prose('the bridge') + '<h2>The harbour at night</h2><p><img src="/night.jpg"></p>'
    )
    expect(pictured).toContain('The harbour at night')
  })

  it('removes advertising, affiliate and licence notices, keeps prose about advertising', () => {
    const text = clean(
      '<p><em>*Werbung. Dieser Beitrag enthält Werbung für MYMARINI.</em></p>' +
        prose('the bridge') +
        '<p>Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler.</p>' +
        '<p>Die Werbung für das neue Stadion hat die Stadt viel Geld gekostet, sagte der Kämmerer.</p>' +
        prose('the harbour') +
        '<p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.</p>'
    )
    expect(text).not.toContain('MYMARINI')
    expect(text).not.toContain('Provision')
    expect(text).not.toContain('Lizenz')
    expect(text).toContain('Die Werbung für das neue Stadion')
  })

  it('removes log-in prompts and blocked-embed placeholders, keeps prose about logging in', () => {
    const text = clean(
      prose('the bridge') +
        '<p>Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.</p>' +
        '<p>Inhalt laden</p>' +
        '<p>Viele Nutzer waren nicht angemeldet, als der Dienst ausfiel, sagte die Sprecherin.</p>' +
        prose('the harbour') +
        '<p class="strong">Sie sind aktuell nicht eingeloggt.</p>'
    )
    expect(text).not.toContain('komoot')
    expect(text).not.toContain('Inhalt laden')
    expect(text).not.toContain('eingeloggt')
    expect(text).toContain('Viele Nutzer waren nicht angemeldet')
  })

  it('removes "read more" lead-ins the read-also rule does not know, in Polish, German and French', () => {
    const text = clean(
      prose('the bridge') +
        '<p><strong>Dowiedz się więcej: <a href="/x">Kto jak głosował ws. unijnych funduszy?</a></strong></p>' +
        '<p>Lesen Sie hier: <a href="/y">Spielabbruch in der Kreisliga</a></p>' +
        '<p><strong>À lire aussi »</strong> <a href="/z">Quel est votre profil digestif ?</a></p>' +
        prose('the harbour')
    )
    expect(text).not.toContain('Dowiedz')
    expect(text).not.toContain('Spielabbruch')
    expect(text).not.toContain('profil digestif')
    expect(text).toContain('discuss the harbour')
  })

  it('removes pipe-separated meta bars, keeps a bar of product facts', () => {
    const text = clean(
      prose('the bridge') +
        '<p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS</p>' +
        '<p>22,9 kg in Größe L | 11.499 € | Hersteller-Website</p>' +
        prose('the harbour') +
        '<p>Kommentarfeed | Kommentare geschlossen | Trackback-URL</p>'
    )
    expect(text).not.toContain('Sina Giebel')
    expect(text).not.toContain('Trackback')
    expect(text).toContain('22,9 kg in Größe L')
  })
})

describe('post-processing on real pages', () => {
  it('drops the related-content lists under a Chinese game news article and keeps its text', () => {
    const html = gunzipSync(
      readFileSync(join(corpus, 'zh-gne/html/gamersky/gamersky.html.gz'))
    ).toString('utf8')
    const article = extractArticle({
      html,
      url: 'https://www.gamersky.com/news/201909/1212222.shtml'
    })
    expect(article.text).toContain('逆水寒在追热点方面不仅追的巧，还追的快')
    expect(article.text).not.toContain('相关内容')
    expect(article.text).not.toContain('此地无银奇遇触发方法与全流程攻略')
    expect(article.text).not.toContain('APP精彩推荐')
  })
})
