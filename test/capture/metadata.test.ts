import { describe, expect, it } from 'vitest'
import { decodeHtmlBytes } from '../../src/main/core/capture/decode'
import { cleanByline } from '../../src/main/core/capture/extract/metadata/byline-clean'
import { creditedByline } from '../../src/main/core/capture/extract/metadata/byline-credits'
import { bylinesFromLines } from '../../src/main/core/capture/extract/metadata/byline-lines'
import {
  dateFromUrl,
  findDateInText,
  parseDate
} from '../../src/main/core/capture/extract/metadata/dates'
import { parseDocument } from '../../src/main/core/capture/extract/dom'
import { chooseByline } from '../../src/main/core/capture/extract/metadata/byline'
import { readMetadata } from '../../src/main/core/capture/extract/metadata/metadata'
import { corpusPage } from '../helpers/corpus'

const day = (epoch: number | null): string | null =>
  epoch === null ? null : new Date(epoch).toISOString().slice(0, 10)

const url = 'https://example.com/news/story'

function metadataOf(head: string, body: string, lang = 'en'): ReturnType<typeof readMetadata> {
  const html = `<!doctype html><html lang="${lang}"><head><title>A long enough headline here</title>${head}</head><body>${body}</body></html>`
  return readMetadata(parseDocument(html), url)
}

const paragraph = `<p>${'The story itself goes on for a while, as stories do. '.repeat(8)}</p>`

function corpusMetadata(
  corpus: string,
  file: string,
  pageUrl: string
): ReturnType<typeof readMetadata> {
  const { html } = decodeHtmlBytes(corpusPage(`${corpus}/${file}`))
  return readMetadata(parseDocument(html), pageUrl)
}

describe('parseDate', () => {
  it('reads month names in Russian, Italian, Portuguese and Dutch', () => {
    expect(day(parseDate('15 августа 2016, 13:43'))).toBe('2016-08-15')
    expect(day(parseDate('( Pescasseroli, 14 Gennaio 2020 )'))).toBe('2020-01-14')
    expect(day(parseDate('3 de maio de 2022'))).toBe('2022-05-03')
    expect(day(parseDate('12 maart 2021'))).toBe('2021-03-12')
  })

  it('rejects days a month does not have', () => {
    expect(parseDate('31.02.2020')).toBeNull()
  })

  it("keeps the publisher's wall-clock time of a date with a time zone, the day it printed", () => {
    expect(parseDate('2019-09-08T00:20:15+08:00')).toBe(Date.parse('2019-09-08T00:20:15Z'))
    expect(day(parseDate('2022-01-28T00:00:00+01:00'))).toBe('2022-01-28')
  })
})

describe('dateFromUrl', () => {
  it('reads year-first and day-first dates in the path', () => {
    expect(day(dateFromUrl('https://example.com/2019/09/07/story/'))).toBe('2019-09-07')
    expect(day(dateFromUrl('https://example.de/media-news/meldungen/29-10-2021'))).toBe(
      '2021-10-29'
    )
    expect(dateFromUrl('https://example.de/meldungen/29-10-2021-fans')).toBeNull()
  })
})

describe('findDateInText', () => {
  it('finds dates glued to the words around them by block text', () => {
    expect(day(findDateInText('Tanja Karrasch3.11.2023Für 2023 rechnet'))).toBe('2023-11-03')
    expect(day(findDateInText('Thema des Tages // 02.11.2021Grüner Wasserstoff'))).toBe(
      '2021-11-02'
    )
  })

  it('passes over a change date for the publication date, but takes it when it is the only one', () => {
    expect(
      day(findDateInText('Letzte Änderung: 31.10.2023 - 14:49:39Erschienen am: 01.11.2023'))
    ).toBe('2023-11-01')
    expect(day(findDateInText('By Betty Crocker Kitchens Updated Jun 13, 2019'))).toBe('2019-06-13')
  })

  it('reads two-digit years and slashed dates only when asked (by the headline)', () => {
    expect(findDateInText('LVMH mit Wachstum 28.01.22 / 0 Kommentare')).toBeNull()
    expect(day(findDateInText('28.01.22 / 0 Kommentare', { shortForms: true }))).toBe('2022-01-28')
  })

  it('reads slashed dates day first, except in American English', () => {
    const text = 'Ariel Melgar Cabrera 3/5/2022 22:41'
    expect(day(findDateInText(text, { shortForms: true, lang: 'es' }))).toBe('2022-05-03')
    expect(day(findDateInText(text, { shortForms: true, lang: 'en-US' }))).toBe('2022-03-05')
    expect(day(findDateInText('on 12/10/2020', { shortForms: true, lang: 'en' }))).toBe(
      '2020-12-10'
    )
    expect(day(findDateInText('on 25/10/2020', { shortForms: true, lang: 'en' }))).toBe(
      '2020-10-25'
    )
  })
})

describe('readMetadata: publication date', () => {
  it('takes the day printed by the headline when the declared instant is a day off in UTC', () => {
    const metadata = metadataOf(
      '<meta property="article:published_time" content="2020-02-25T02:25:54+00:00">',
      `<h1>A long enough headline here</h1><p class="byline">By Ian Mohr</p><p>February 24, 2020 | 9:25pm</p>${paragraph}`
    )
    expect(day(metadata.publishedAt)).toBe('2020-02-24')
  })

  it('keeps the declared time when the page prints the same day', () => {
    const metadata = metadataOf(
      '<meta property="article:published_time" content="2019-09-07T13:43:45+08:00">',
      `<h1>A long enough headline here</h1><div>2019-09-07 13:43:45 来源: 网易</div>${paragraph}`
    )
    expect(metadata.publishedAt).toBe(Date.parse('2019-09-07T13:43:45Z'))
  })

  it('trusts the declared date over a printed date weeks away (an update or another story)', () => {
    const metadata = metadataOf(
      '<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">',
      `<h1>A long enough headline here</h1><p>12.01.2022</p>${paragraph}`
    )
    expect(day(metadata.publishedAt)).toBe('2021-11-29')
  })

  it('reads the date under the headline, not dates in the headline or the story', () => {
    const metadata = metadataOf(
      '',
      `<nav><p>Archiv 17.11.2021</p><p>Sport</p><p>Kultur</p><p>Wetter</p></nav>
       <h1>Protokoll der Vorstandssitzung vom 10. Oktober 2019</h1>
       <p>26.12.2019 von Webteam</p>${paragraph}<p>Nächste Sitzung am 5.8.2020.</p>`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2019-12-26')
  })

  it("reads the date by the post's <h3> title when the <h1> is the blog's name", () => {
    const metadata = metadataOf(
      '<meta property="og:site_name" content="Krimiblog-Archiv">',
      `<h1>Krimiblog-Archiv</h1><ul><li>Archiv</li><li>Neu seit 03.03.2020</li></ul>
       <h3>A long enough headline here</h3><p>vom Krimiblogger, 05.08.2009</p>${paragraph}`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2009-08-05')
  })

  it('takes the date right above the headline over one further down the header block', () => {
    const metadata = metadataOf(
      '',
      `<p>Samstag, 9. September 2017</p><h1>A long enough headline here</h1>
       <p>Buchinfos:</p><p>ISBN: 9783453580565</p><p>Seiten: 448</p><p>Format: Broschur</p>
       <p>Verlag: Heyne</p><p>Erscheinungsdatum: 14.08.2017</p>${paragraph}`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2017-09-09')
  })

  it('ignores <time> elements in sidebars and comments', () => {
    const metadata = metadataOf(
      '',
      `<aside class="widget"><time datetime="2009-04-11 18:06:36">11. April 2009</time></aside>
       <h1>Professionell entlöten: alte Geräte</h1><p>von Limespacer · 22. Oktober 2019</p>${paragraph}`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2019-10-22')
  })

  it('reads <time dateTime> as React writes it', () => {
    const metadata = metadataOf(
      '',
      `<h1>A long enough headline here</h1>${paragraph}<time dateTime="2022-05-04T07:59:48-04:00">07:59</time>`
    )
    expect(day(metadata.publishedAt)).toBe('2022-05-04')
  })

  it('reads a date anywhere in the text when the <h1> stands after the article (a sidebar box)', () => {
    const metadata = metadataOf(
      '',
      `<div><b>Synchronschwimmen</b> <span>01.02.2022</span>${paragraph}</div><div><h1>Quicklinks</h1><p>Termine</p></div>`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2022-02-01')
  })

  it('reads the hAtom published or updated date from its title', () => {
    const metadata = metadataOf(
      '',
      `<h1>A long enough headline here</h1><span class="updated" title="2013-04-04T18:52:11+00:00"></span>${paragraph}`
    )
    expect(day(metadata.publishedAt)).toBe('2013-04-04')
  })

  it("takes the declared date the page prints when JSON-LD's and the <meta>'s disagree", () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'A long enough headline here',
      datePublished: '2021-12-06T10:00:00Z'
    })
    const metadata = metadataOf(
      `<script type="application/ld+json">${jsonLd}</script><meta property="article:published_time" content="2022-12-15T09:13:00">`,
      `<h1>A long enough headline here</h1><p>Tina Klostermeier</p><p>15.12.2022</p>${paragraph}`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2022-12-15')
  })

  it('takes a <time> the text agrees with over a declared date the page never shows', () => {
    const metadata = metadataOf(
      '<meta property="article:published_time" content="2022-11-17T08:00:00+00:00">',
      `<h1>A long enough headline here</h1>${paragraph}<p><time datetime="2022-03-09">09.03.2022</time></p>`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2022-03-09')
  })

  it('reads <time> on pages whose <body> class names a sidebar', () => {
    const html = `<!doctype html><html lang="en"><head><title>A long enough headline here</title></head><body class="single has-sidebar"><h1>A long enough headline here</h1>${paragraph}<time datetime="2019-02-10T09:30:10+01:00"></time></body></html>`
    expect(day(readMetadata(parseDocument(html), url).publishedAt)).toBe('2019-02-10')
  })

  it('ignores <time> elements in embedded posts (blockquotes)', () => {
    const metadata = metadataOf(
      '',
      `<h1>A long enough headline here</h1><p>18.10.2019</p>${paragraph}<blockquote class="instagram-media"><time datetime="2019-04-21T23:47:18+00:00">Apr 21</time></blockquote>`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2019-10-18')
  })

  it('reads <time> in an article\'s own <aside class="meta"> box', () => {
    const metadata = metadataOf(
      '<meta name="date" content="2022-01-26T10:00:00+01:00">',
      `<article><h1>A long enough headline here</h1>${paragraph}<aside class="meta"><time datetime="2022-01-21">21.01.2022</time></aside>${paragraph}</article>`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2022-01-21')
  })

  it('prefers the day printed by the headline over a bare <meta name=date> (often the last change)', () => {
    const metadata = metadataOf(
      '<meta name="date" content="2021-12-20T11:02:44+01:00">',
      `<h1>A long enough headline here</h1><p>27.01.2022</p>${paragraph}`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2022-01-27')
  })

  it('keeps a bare <meta name=date> when the page prints the same day', () => {
    const metadata = metadataOf(
      '<meta name="dcterms.date" content="2021-10-28T13:21:30+01:00">',
      `<time datetime="2021-10-27T20:35:36+01:00"></time><h1>A long enough headline here</h1>
       <p>Berlin, 28.10.2021, 058/21</p>${paragraph}`,
      'de'
    )
    expect(day(metadata.publishedAt)).toBe('2021-10-28')
  })

  it("prefers the page's published_time over JSON-LD's dateCreated", () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'A long enough headline here',
      dateCreated: '2017-02-20T10:00:00Z'
    })
    const metadata = metadataOf(
      `<script type="application/ld+json">${jsonLd}</script><meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`,
      `<h1>A long enough headline here</h1>${paragraph}`
    )
    expect(metadata.publishedAt).toBe(Date.parse('2017-02-23T17:18:13Z'))
  })

  it('dates a 163.com story by the Beijing day it prints under the headline', () => {
    const metadata = corpusMetadata('zh-gne', 'html/163/3.html.gz', 'https://www.163.com/3.html')
    expect(day(metadata.publishedAt)).toBe('2019-09-08')
  })

  it('dates a Page Six story by its New York day, not the UTC day of its metadata', () => {
    const metadata = corpusMetadata(
      'trafilatura-eval',
      'html/pagesix.com.myers.html.gz',
      'https://pagesix.com/2020/02/24/former-wh-press-secretary-dee-dee-myers-exits-warner-bros-role/'
    )
    expect(day(metadata.publishedAt)).toBe('2020-02-24')
  })
})

describe('cleanByline', () => {
  it('decodes entities left by double escaping', () => {
    expect(cleanByline('Redacci&oacute;n Diario Pagina Siete')).toBe(
      'Redacción Diario Pagina Siete'
    )
  })

  it('drops a label before a colon, and a byline that is only a label and a date', () => {
    expect(cleanByline('Text und Interview: Harald Willenbrock')).toBe('Harald Willenbrock')
    expect(cleanByline('Zuletzt geändert am: 15.10.2021')).toBeNull()
  })

  it('drops links, prefixes and labels', () => {
    expect(cleanByline('Frank Bueltge - http://bueltge.de')).toBe('Frank Bueltge')
    expect(cleanByline('Von Lisa Borch')).toBe('Lisa Borch')
    expect(cleanByline('Posted on')).toBeNull()
    expect(cleanByline('Veröffentlicht am')).toBeNull()
    expect(cleanByline('Autor:')).toBeNull()
    expect(cleanByline('cipha[at]cipha.net')).toBeNull()
    expect(cleanByline('news@example.com')).toBeNull()
  })
})

describe('bylinesFromLines', () => {
  it('reads a prefixed byline and stops at the date', () => {
    expect(
      bylinesFromLines('Von Roland Brockmann und Sebastian Drescher · 13.02.2017').prefixed
    ).toBe('Roland Brockmann und Sebastian Drescher')
    expect(bylinesFromLines('By Laura June Topolsky July 13, 2015').prefixed).toBe(
      'Laura June Topolsky'
    )
    expect(bylinesFromLines('Veröffentlicht am 15/07/2014 von Guido Beyss').prefixed).toBe(
      'Guido Beyss'
    )
  })

  it('reads names on the lines after a lone "By"', () => {
    expect(bylinesFromLines('By\nDavid Brand and\nRamsey Khalifeh\nPublished Nov 8').prefixed).toBe(
      'David Brand and Ramsey Khalifeh'
    )
  })

  it('reads a "By" glued to the name, but not a word that starts like one', () => {
    expect(bylinesFromLines('ByAlex Bozarjian\nThursday').prefixed).toBe('Alex Bozarjian')
    expect(bylinesFromLines('PARA SUSCRIPTORES').prefixed).toBeNull()
  })

  it('does not take a capitalised noun after "von" in a sentence for a name', () => {
    expect(bylinesFromLines('Der Rückgang von Arbeitsplätzen in der Region').prefixed).toBeNull()
  })

  it('reads an account name only after an explicit "by", and only when no line names a person', () => {
    expect(bylinesFromLines('Verfasst von: mitundvoneinander | 31. Dezember 2008').prefixed).toBe(
      'mitundvoneinander'
    )
    expect(
      bylinesFromLines('Gespeichert von human am 7. Juli 2019\nBlog Beitrag von Margarita Koreneva')
        .prefixed
    ).toBe('Margarita Koreneva')
    expect(bylinesFromLines('Cowboyboots von Crocs – werden auch genannt').prefixed).toBeNull()
  })

  it('reads a byline after the time and stops at template words', () => {
    expect(bylinesFromLines('Stars (1 / 1) 06.11.2023 13:30 von Olga').prefixed).toBe('Olga')
    expect(bylinesFromLines('Posted by Henry In Aktuell').prefixed).toBe('Henry')
  })

  it('takes a bare name next to the date, but not a section name', () => {
    expect(bylinesFromLines('Leena Simon\nVeröffentlicht am 06.10.2023').bare).toBe('Leena Simon')
    expect(bylinesFromLines('Tanja Karrasch3.11.2023\nFür 2023 rechnet').bare).toBe(
      'Tanja Karrasch'
    )
    expect(bylinesFromLines('Energie & Umwelt\n26. Oktober 2023').bare).toBeNull()
  })
})

describe('creditedByline', () => {
  it('reads explicit credits anywhere in the text', () => {
    expect(creditedByline('Der Artikel.\nAutor: Peter Maahn/SP-X')).toBe('Peter Maahn')
    expect(creditedByline('Text.\nAutoren Jelko Djuren und Jutta Klaukien')).toBe(
      'Jelko Djuren und Jutta Klaukien'
    )
    expect(creditedByline('Autor\nNikolai Huke\nThemen')).toBe('Nikolai Huke')
    expect(creditedByline('Sport\nvon Andreas Kürten\nDie Saison')).toBe('Andreas Kürten')
  })

  it('needs a label and a first and last name', () => {
    expect(creditedByline('Von Montag an gilt die neue Regel.')).toBeNull()
    expect(creditedByline('Gespräch mit Angela Merkel')).toBeNull()
    expect(creditedByline('Autor: Benni')).toBeNull()
  })
})

describe('readMetadata: byline', () => {
  const byline = (head: string, body: string, readability: string | null = null): string | null =>
    chooseByline(metadataOf(head, body), readability)

  it('prefers the name by the headline to a <meta> author that is the site', () => {
    expect(
      byline(
        '<meta name="author" content="Badische Zeitung"><meta property="og:site_name" content="Badische Zeitung">',
        `<h1>A long enough headline here</h1><p>Von Lisa Petrich</p><p>Mo, 11. Okt 2021</p>${paragraph}`
      )
    ).toBe('Lisa Petrich')
  })

  it('finds the headline in an <h2> on templates without an <h1>', () => {
    expect(
      byline(
        '',
        `<header><h2>A long enough headline here</h2><p>Von Daniela Obers</p></header>${paragraph}`
      )
    ).toBe('Daniela Obers')
  })

  it('reads a credit at the end of the article when nothing by the headline names the author', () => {
    expect(
      byline('', `<h1>A long enough headline here</h1>${paragraph}<p>Text von Christian Seiler</p>`)
    ).toBe('Christian Seiler')
  })

  it('does not take a share button\'s "Text: <title>" for a credit', () => {
    expect(
      byline(
        '',
        `<h1>A long enough headline here</h1>${paragraph}<p>Text: A long enough headline here @example.com</p>`
      )
    ).toBeNull()
  })

  it('does not take a commenter for the author', () => {
    expect(
      byline(
        '',
        `<h1>A long enough headline here</h1>${paragraph}
         <ol class="comment-list"><li><div class="comment-author vcard"><span class="fn">Margit Heumann</span></div></li></ol>`
      )
    ).toBeNull()
  })

  it("takes the site's initials or a name holding its host name for the site, not a person", () => {
    expect(
      byline(
        '<meta property="og:site_name" content="JUNGE FREIHEIT">',
        `<h1>A long enough headline here</h1><p class="author">JF</p><p>19. Oktober 2019</p><p>Boris T. Kaiser</p>${paragraph}`
      )
    ).toBe('Boris T. Kaiser')
    const bembel = readMetadata(
      parseDocument(
        '<html><head><meta name="author" content="EFC Bayrische Bembel"></head><body><p>Text</p></body></html>'
      ),
      'http://bayrische-bembel.de/news/article.php?storyid=504'
    )
    expect(bembel.byline).toBeNull()
  })

  it('prefers a person credited on the page to a company or association in the metadata', () => {
    expect(
      byline(
        '<meta name="author" content="Bund der Energieverbraucher e.V.">',
        `<h2>Energiepreiskrise</h2><p>Von Leonora Holling</p>${paragraph}`
      )
    ).toBe('Leonora Holling')
  })

  it("ignores the authors of a cited paper's microdata", () => {
    expect(
      byline(
        '<meta name="dc.creator" content="Marwan H. Adwan">',
        `<h1>A long enough headline here</h1>${paragraph}<ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle"><meta itemprop="author" content="NH. Shear, SP. Spielberg"></li></ol>`
      )
    ).toBe('Marwan H. Adwan')
  })

  it('reads long lists of authors and "Text & Fotos" credits by the headline', () => {
    expect(
      byline(
        '',
        `<h1>A long enough headline here</h1><p>Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>${paragraph}`
      )
    ).toBe('Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR')
    expect(
      byline(
        '',
        `<p>Text &amp; Fotos: Ivan Valetny</p><h1>A long enough headline here</h1>${paragraph}`
      )
    ).toBe('Ivan Valetny')
  })

  it('passes over the site named as author to a credit further down', () => {
    expect(
      byline(
        '<meta property="og:site_name" content="The Planetary Press">',
        `<h1>A long enough headline here</h1><p>By The Planetary Press</p>${paragraph}<p>Written by: Julie Mollins</p>`
      )
    ).toBe('Julie Mollins')
  })

  it('prefers a credited person to an institution in the metadata', () => {
    expect(
      byline(
        '<meta name="author" content="Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF">',
        `<h1>A long enough headline here</h1>${paragraph}<p>Autoren</p><p>Joachim Hamberger</p>`
      )
    ).toBe('Joachim Hamberger')
  })

  it('reads a name after the date and time on the same line before a section name nearby', () => {
    expect(
      byline(
        '',
        `<p>Aktuelle Meldungen</p><p>Zucht</p><p>04.02.2022 | 13:10 Uhr | Uta Helkenberg</p><h1>A long enough headline here</h1>${paragraph}`
      )
    ).toBe('Uta Helkenberg')
  })

  it('spells out an account name the way the page prints it', () => {
    expect(
      byline(
        '<meta name="author" content="edilson.la.rosa">',
        `<h1>A long enough headline here</h1><div class="author__name"><a href="/autor/edilson-la-rosa">Edilson La Rosa</a></div>${paragraph}`
      )
    ).toBe('Edilson La Rosa')
  })

  it('reads two authors on lines of their own under a "By" label', () => {
    expect(
      byline(
        '',
        `<h1>A long enough headline here</h1><p>By</p><p>April Roach<a href="#">@aprilroach28</a></p><p>Daniel O'Mahony</p><p>01 October 2020</p>${paragraph}`
      )
    ).toBe("April Roach, Daniel O'Mahony")
  })

  it('keeps the metadata spelling of the same name', () => {
    expect(
      byline(
        '<meta name="author" content="Jeffrey Gettleman">',
        `<h1>A long enough headline here</h1><p>By JEFFREY GETTLEMAN</p>${paragraph}`
      )
    ).toBe('Jeffrey Gettleman')
  })

  it('falls back to a site-named author when nothing names a person', () => {
    expect(
      byline(
        '<meta name="author" content="Example News"><meta property="og:site_name" content="Example News">',
        `<h1>A long enough headline here</h1>${paragraph}`
      )
    ).toBe('Example News')
  })

  it("drops Readability's label bylines in favour of the name in the markup", () => {
    expect(
      byline(
        '',
        `<h1>A long enough headline here</h1><div class="entry-meta">Posted on <span class="byline"><a rel="author" href="/author/realiberry">Realiberry</a></span></div>${paragraph}`,
        'Posted on'
      )
    ).toBe('Realiberry')
  })

  it('reads Chinese bylines: a role before the name, and no label taken for a name', () => {
    const chinese = (body: string): string | null =>
      metadataOf(
        '<title>中美贸易持久战中国人的斗志被激发</title>',
        `<h1>中美贸易持久战中国人的斗志被激发</h1>${body}${paragraph}`,
        'zh'
      ).byline
    expect(chinese('<p>【文/观察者网专栏作者 王文】</p>')).toBe('王文')
    expect(chinese('<p>王文：中美贸易“持久战”</p><p>责任编辑: 小婷</p>')).toBe('小婷')
    expect(chinese('<span>作者：</span><span>责任编辑：肖春芳</span>')).toBe('肖春芳')
  })

  it('names the source of a Chinese story when no journalist or editor is named', () => {
    const html = `<html lang="zh"><head><title>他放弃百万年薪来到这里</title></head><body>
      <h1>他放弃百万年薪来到这里</h1><p><span>2019年09月09日 18:13:22</span> <span>来源：</span><a href="#">新华网</a></p>${paragraph}</body></html>`
    const metadata = readMetadata(parseDocument(html), url)
    expect(chooseByline(metadata, null)).toBe('新华网')
  })

  it.each([
    ['html/abc13.com-Copperfield.html.gz', 'https://abc13.com/x/14030671/', 'Alex Bozarjian'],
    [
      'html/badische-zeitung.de-Wohnungssuche.html.gz',
      'https://www.badische-zeitung.de/viele-studierende',
      'Lisa Petrich'
    ],
    [
      'html/ad-magazin.de.wellness.html.gz',
      'https://www.ad-magazin.de/artikel/wellness-hotels',
      'Fiona Bornhöft und Mariam Hofbeck'
    ]
  ])('names the author of the trafilatura-eval page %s', (file, pageUrl, author) => {
    expect(chooseByline(corpusMetadata('trafilatura-eval', file, pageUrl), null)).toBe(author)
  })
})

describe('readMetadata: authors named away from the headline', () => {
  const byline = (
    head: string,
    body: string,
    pageUrl = url,
    title = 'A long enough headline here'
  ): string | null => {
    const html = `<!doctype html><html lang="de"><head><title>${title}</title>${head}</head><body>${body}</body></html>`
    return chooseByline(readMetadata(parseDocument(html), pageUrl), null)
  }
  const headline = '<h1>A long enough headline here</h1>'

  it('follows a JSON-LD author given by reference to a Person of the graph', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Article', headline: 'A long enough headline here', author: { '@id': '#p1' } },
        { '@type': ['Person'], '@id': '#p1', name: 'Harald Bauer' }
      ]
    })
    expect(
      byline(`<script type="application/ld+json">${graph}</script>`, `${headline}${paragraph}`)
    ).toBe('Harald Bauer')
  })

  it("reads Yoast's labelled author card and Shareaholic's author meta", () => {
    expect(
      byline(
        '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">',
        `${headline}${paragraph}`
      )
    ).toBe('Karoline Herr')
    expect(
      byline(
        '<meta name="shareaholic:article_author_name" content="Wolfgang Michal">',
        `${headline}${paragraph}`
      )
    ).toBe('Wolfgang Michal')
  })

  it("passes over a <meta> author that is a phrase or a theme's credit to the page's name", () => {
    expect(
      byline(
        '<meta name="author" content="Peter Amende und Fuchsy designed">',
        `${headline}<span class="author_meta_name"><a href="/author/vinpei/" rel="author">Harald Bauer</a></span>${paragraph}`
      )
    ).toBe('Harald Bauer')
    expect(
      byline('<meta name="author" content="deinen Hochzeitsbloggern">', `${headline}${paragraph}`)
    ).toBeNull()
    // A lower-case surname is still a name.
    expect(byline('<meta name="author" content="Mobasir hassan">', `${headline}${paragraph}`)).toBe(
      'Mobasir hassan'
    )
  })

  it("takes the post's hCard author, not the blog's name its header marks up as author", () => {
    expect(
      byline(
        '',
        `<h1 class="vcard author"><a href="http://blog.example.com/" class="fn">Krimiblog-Archiv</a></h1>
         <div class="post"><h3>A long enough headline here</h3><h4 class="vcard author">vom <span class="fn">Krimiblogger</span></h4>${paragraph}</div>`,
        'http://blog.example.com/?p=2895'
      )
    ).toBe('Krimiblogger')
  })

  it('reads a profile link on forums and recipe sites, but not account menus', () => {
    expect(
      byline(
        '',
        `<div class="menu"><a href="/user/register">Registrieren</a> <a href="/profile/edit">Mein Profil</a></div>${headline}${paragraph}<div class="userbox">von <a href="https://www.example.com/user/Marianne1.html">Marianne1</a></div>`
      )
    ).toBe('Marianne1')
    expect(
      byline(
        '',
        `${headline}<a href="/staff/uriel-gadessaud/" class="text-red">Uriel Gadessaud</a>${paragraph}`
      )
    ).toBe('Uriel Gadessaud')
  })

  it('reads labels and dated credits of CMS templates anywhere on the page', () => {
    expect(
      byline(
        '',
        `${headline}${paragraph}<div>Auteur(s) :</div><div>Les Membres du Choeur de Radio France</div>`
      )
    ).toBe('Les Membres du Choeur de Radio France')
    expect(
      byline(
        '',
        `${headline}${paragraph}<div class="submitted">Gespeichert von <span>rasos</span> am 24. Juli 2017 - 18:55</div>`
      )
    ).toBe('rasos')
    expect(
      byline(
        '',
        `${headline}<div class="news-single-timedata">05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div>${paragraph}`
      )
    ).toBe('Eberhard Fuhr')
  })

  it('takes initials for a name when the page prints no more ("Von R. R. am …")', () => {
    expect(
      byline(
        '',
        `${headline}${paragraph}<p class="postmetadata">Von R. R. am <a href="/2013/08/07/">07.08.2013</a> um 09:07 Uhr gespeichert unter <a href="/k/">Kommunizieren</a></p>`
      )
    ).toBe('R. R.')
    expect(cleanByline('R.')).toBeNull()
  })

  it('spells out a first.last account as the text prints the name, middle initial included', () => {
    expect(
      byline(
        '<meta name="author" content="christian.stadtfeld">',
        `${headline}${paragraph}<p>Die Gemeindepolitik bleibt spannend. (Christian P. Stadtfeld) +++</p>`
      )
    ).toBe('Christian P. Stadtfeld')
  })

  it("knows the site's name inside an og:site_name that carries the page's title", () => {
    expect(
      byline(
        '<meta property="og:site_name" content="Achtsam durch die Krise | Die FURCHE"><meta name="author" content="Die FURCHE">',
        `${headline}<a href="/autor/ursula-baatz-1270" rel="author"><h2 class="author__name"> Ursula Baatz </h2></a>${paragraph}`,
        'https://www.furche.at/gesellschaft/achtsam-durch-die-krise-2497954'
      )
    ).toBe('Ursula Baatz')
  })

  it('does not take the headline for the byline', () => {
    expect(
      byline('', `${headline}<div class="author">A long enough headline here</div>${paragraph}`)
    ).toBeNull()
  })

  it("credits a page that names no author to the site, when the site's name matches its address", () => {
    const organisation = (body: string): string | null =>
      byline(
        '',
        `${headline}${body}${paragraph}`,
        'https://www.greenpeace.de/engagieren/leben',
        'A long enough headline here | Greenpeace'
      )
    expect(organisation('')).toBe('Greenpeace')
    // A page with author markup has an author we did not find; the site is not it.
    expect(organisation('<span class="post-author">Posted by</span>')).toBeNull()
    // A newspaper or a forum publishes what others wrote.
    expect(
      byline(
        '<meta property="og:site_name" content="Eishockey NEWS">',
        `${headline}${paragraph}`,
        'https://www.eishockeynews.de/artikel/1'
      )
    ).toBeNull()
    // A site that does not match its address is not its own author.
    expect(
      byline(
        '<meta property="og:site_name" content="Sprachpunkt">',
        `${headline}${paragraph}`,
        'https://alexanderlasch.wordpress.com/2019/x/'
      )
    ).toBeNull()
    expect(
      byline(
        '<meta property="og:site_name" content="C.Habermueller">',
        `${headline}${paragraph}`,
        'https://chabermu.wordpress.com/2015/09/02/x/'
      )
    ).toBe('C.Habermueller')
  })
})

describe('readMetadata: dates by the headline', () => {
  const published = (
    body: string,
    title = 'Kolumne: Queer Royal – Über Dragqueens und Dragkings'
  ): string | null =>
    day(
      readMetadata(
        parseDocument(
          `<!doctype html><html lang="de"><head><title>${title}</title></head><body>${body}</body></html>`
        ),
        url
      ).publishedAt
    )

  it("finds a headline spelt with another dash, and takes a navigation bar's <time> for today's", () => {
    expect(
      published(
        `<div class="navtop"><time datetime="2023-11-01T13:56:20+01:00">Mittwoch, 01. November 2023</time></div>
         <h2>Kolumne: Queer Royal - Über Dragqueens und Dragkings</h2><p>Im Schlepptau</p><p><span class="text_datum">31. Oktober 2023.</span> Dragqueens sind Kunstfiguren.</p>${paragraph}`
      )
    ).toBe('2023-10-31')
  })

  it('reads a date whose year runs into the time set beside it', () => {
    expect(
      findDateInText('Convocó a una sesión.\n3 de mayo de 202221:25\nLA NACION')
    ).not.toBeNull()
    expect(day(findDateInText('3 de mayo de 202221:25'))).toBe('2022-05-03')
    expect(findDateInText('3 de mayo de 20223')).toBeNull()
  })
})
