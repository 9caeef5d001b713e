import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { corpusPage } from '../helpers/corpus'
import { decodeHtmlBytes } from '../../src/main/core/capture/decode'

/** Real sentences, one per script, long enough for a detector to have something to read. */
const sentences = {
  chinese:
    '北京时间今天上午，国家统计局发布了最新的经济数据，显示居民消费价格指数同比上涨百分之二。专家认为，这一结果符合市场预期。',
  traditionalChinese:
    '台北市政府今天宣布，明年起將全面推動公共運輸優惠方案，市民搭乘捷運與公車可享有更多折扣。',
  japanese:
    '東京都は今日、新しい交通計画を発表しました。この計画では、自転車専用道路を大幅に増やすことが予定されています。',
  korean:
    '서울시는 오늘 새로운 교통 계획을 발표했습니다. 이 계획에 따르면 자전거 전용 도로가 크게 늘어날 예정입니다.',
  russian:
    'Правительство Москвы сегодня объявило о новом плане развития общественного транспорта в городе.'
}

function pageWith(text: string, head = ''): string {
  return `<!DOCTYPE html><html><head>${head}<title>${text.slice(0, 8)}</title></head><body><article><p>${text}</p><p>${text}</p></article></body></html>`
}

function encoded(text: string, charset: string): Buffer {
  return iconv.encode(text, charset)
}

describe('decodeHtmlBytes with a declared charset', () => {
  it('decodes GBK declared as gb2312 in <meta charset>', () => {
    const bytes = encoded(pageWith(sentences.chinese, '<meta charset="gb2312">'), 'gbk')
    const result = decodeHtmlBytes(bytes, 'text/html')
    expect(result).toMatchObject({ charset: 'gbk', source: 'meta' })
    expect(result.html).toContain(sentences.chinese)
  })

  it('decodes GB18030 four-byte characters even when labelled gbk', () => {
    const text = `${sentences.chinese}𠀀€`
    const bytes = encoded(pageWith(text), 'gb18030')
    const result = decodeHtmlBytes(bytes, 'text/html; charset=GBK')
    expect(result).toMatchObject({ charset: 'gbk', source: 'http' })
    expect(result.html).toContain(text)
  })

  it('decodes Big5 declared in the HTTP header, quoted', () => {
    const bytes = encoded(pageWith(sentences.traditionalChinese), 'big5')
    const result = decodeHtmlBytes(bytes, 'text/html; charset="Big5"')
    expect(result).toMatchObject({ charset: 'big5', source: 'http' })
    expect(result.html).toContain(sentences.traditionalChinese)
  })

  it('decodes Shift_JIS declared by <meta http-equiv content-type>', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
    const result = decodeHtmlBytes(encoded(pageWith(sentences.japanese, head), 'shift_jis'))
    expect(result).toMatchObject({ charset: 'shift_jis', source: 'meta' })
    expect(result.html).toContain(sentences.japanese)
  })

  it('decodes EUC-JP declared with the x-euc-jp label', () => {
    const bytes = encoded(pageWith(sentences.japanese, "<meta charset='x-euc-jp'>"), 'euc-jp')
    const result = decodeHtmlBytes(bytes)
    expect(result.charset).toBe('euc-jp')
    expect(result.html).toContain(sentences.japanese)
  })

  it('decodes EUC-KR declared as ks_c_5601-1987', () => {
    const bytes = encoded(pageWith(sentences.korean), 'euc-kr')
    const result = decodeHtmlBytes(bytes, 'text/html;charset=ks_c_5601-1987')
    expect(result.charset).toBe('euc-kr')
    expect(result.html).toContain(sentences.korean)
  })

  it('decodes windows-1251 declared as cp1251', () => {
    const bytes = encoded(pageWith(sentences.russian, '<meta charset=cp1251>'), 'windows-1251')
    const result = decodeHtmlBytes(bytes)
    expect(result.charset).toBe('windows-1251')
    expect(result.html).toContain(sentences.russian)
  })

  it('maps latin1 and iso-8859-1 to windows-1252, as browsers do', () => {
    const bytes = Buffer.from([...Buffer.from('<p>'), 0x80, 0xe9, ...Buffer.from('</p>')])
    const result = decodeHtmlBytes(bytes, 'text/html; charset=latin1')
    expect(result).toEqual({ html: '<p>€é</p>', charset: 'windows-1252', source: 'http' })
  })

  it('lets the HTTP charset win over <meta>', () => {
    const bytes = encoded(pageWith(sentences.russian, '<meta charset="koi8-r">'), 'windows-1251')
    const result = decodeHtmlBytes(bytes, 'text/html; charset=windows-1251')
    expect(result.source).toBe('http')
    expect(result.html).toContain(sentences.russian)
  })

  it('ignores an unknown HTTP charset and reads <meta> instead', () => {
    const bytes = encoded(pageWith(sentences.korean, '<meta charset="euc-kr">'), 'euc-kr')
    const result = decodeHtmlBytes(bytes, 'text/html; charset=klingon')
    expect(result).toMatchObject({ charset: 'euc-kr', source: 'meta' })
  })

  it('lets a byte order mark win over every label', () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(pageWith(sentences.korean, '<meta charset="euc-kr">'))
    ])
    const result = decodeHtmlBytes(utf8, 'text/html; charset=windows-1252')
    expect(result).toMatchObject({ charset: 'utf-8', source: 'bom' })
    expect(result.html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(result.html).toContain(sentences.korean)

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(pageWith(sentences.japanese), 'utf16le')
    ])
    expect(decodeHtmlBytes(utf16)).toMatchObject({ charset: 'utf-16le', source: 'bom' })
    expect(decodeHtmlBytes(utf16).html).toContain(sentences.japanese)
  })

  it('reads a UTF-16 label in <meta> as UTF-8, per WHATWG', () => {
    const bytes = Buffer.from(pageWith(sentences.russian, '<meta charset="utf-16">'))
    expect(decodeHtmlBytes(bytes)).toMatchObject({ charset: 'utf-8', source: 'meta' })
  })

  it('decodes x-user-defined from HTTP, and reads it as windows-1252 in <meta>', () => {
    const bytes = Buffer.from([0x41, 0x80, 0xff])
    expect(decodeHtmlBytes(bytes, 'text/html; charset=x-user-defined').html).toBe('A\uf780\uf7ff')
    const withMeta = Buffer.concat([
      Buffer.from('<meta charset="x-user-defined">'),
      Buffer.from([0x80])
    ])
    expect(decodeHtmlBytes(withMeta)).toMatchObject({
      html: '<meta charset="x-user-defined">€',
      charset: 'windows-1252'
    })
  })
})

describe('decodeHtmlBytes <meta> prescan', () => {
  it('ignores a <meta> inside a comment', () => {
    const head = '<!-- <meta charset="big5"> --><meta charset="gbk">'
    const result = decodeHtmlBytes(encoded(pageWith(sentences.chinese, head), 'gbk'))
    expect(result.charset).toBe('gbk')
    expect(result.html).toContain(sentences.chinese)
  })

  it('reads attributes whose quoted values contain ">"', () => {
    const head = '<meta name="x" content="a > b" charset="shift_jis">'
    expect(decodeHtmlBytes(encoded(pageWith(sentences.japanese, head), 'shift_jis')).charset).toBe(
      'shift_jis'
    )
  })

  it('skips an unknown label and takes the next declaration', () => {
    const head = '<meta charset="no-such-charset"><meta charset="euc-kr">'
    const result = decodeHtmlBytes(encoded(pageWith(sentences.korean, head), 'euc-kr'))
    expect(result).toMatchObject({ charset: 'euc-kr', source: 'meta' })
  })

  it('finds a declaration after the first 1024 bytes (real page, charset at byte 15 413)', () => {
    const bytes = corpusPage('trafilatura-eval/html/nmb-media.de.ebay.html.gz')
    const result = decodeHtmlBytes(bytes)
    expect(result).toMatchObject({ charset: 'windows-1252', source: 'meta' })
    expect(result.html).toContain('Alle Auswählen')
  })

  it('reads the encoding of an XML declaration', () => {
    const xhtml = `<?xml version="1.0" encoding="windows-1251"?><html><body>${sentences.russian}</body></html>`
    const result = decodeHtmlBytes(encoded(xhtml, 'windows-1251'), 'application/xhtml+xml')
    expect(result).toMatchObject({ charset: 'windows-1251', source: 'meta' })
  })
})

describe('decodeHtmlBytes detection of unlabelled bytes', () => {
  it.each([
    ['gbk', 'gb18030', sentences.chinese],
    ['big5', 'big5', sentences.traditionalChinese],
    ['shift_jis', 'shift_jis', sentences.japanese],
    ['euc-jp', 'euc-jp', sentences.japanese],
    ['euc-kr', 'euc-kr', sentences.korean],
    ['windows-1251', 'windows-1251', sentences.russian]
  ])('detects %s', (charset, expected, text) => {
    const result = decodeHtmlBytes(encoded(pageWith(text), charset), 'text/html')
    expect(result).toMatchObject({ charset: expected, source: 'detected' })
    expect(result.html).toContain(text)
  })

  it('detects UTF-8 (a real Chinese page without any declaration)', () => {
    const result = decodeHtmlBytes(corpusPage('zh-gne/html/163/1.html.gz'), null)
    expect(result).toMatchObject({ charset: 'utf-8', source: 'detected' })
    expect(result.html).toContain('多地项目连环爆雷')
  })

  it('detects GBK in a real xinhuanet page whose declaration was removed', () => {
    const original = corpusPage(
      'trafilatura-eval/html/archive.org.he.xinhuanet.com.25340717.html.gz'
    )
    const bytes = Buffer.from(
      original.toString('latin1').replaceAll('charset=gb2312', ''),
      'latin1'
    )
    const result = decodeHtmlBytes(bytes)
    expect(result.source).toBe('detected')
    expect(result.html).toContain('只要二老在世一天，我们就管一天，我们的约定没有期限')
  })

  it('calls pure ASCII UTF-8 by default', () => {
    expect(decodeHtmlBytes(Buffer.from('<p>plain</p>'))).toEqual({
      html: '<p>plain</p>',
      charset: 'utf-8',
      source: 'default'
    })
  })
})

describe('decodeHtmlBytes repairs of wrong labels', () => {
  it('decodes a real GBK page served as UTF-8 with its <meta gb2312>', () => {
    const bytes = corpusPage('trafilatura-eval/html/archive.org.he.xinhuanet.com.25340717.html.gz')
    const result = decodeHtmlBytes(bytes, 'text/html; charset=UTF-8')
    expect(result).toMatchObject({ charset: 'gbk', source: 'meta' })
    expect(result.html).toContain('<title>话剧《约定无期限》河北各市巡演结束</title>')
  })

  it('detects Shift_JIS bytes labelled UTF-8 with no other declaration', () => {
    const bytes = encoded(pageWith(sentences.japanese, '<meta charset="utf-8">'), 'shift_jis')
    const result = decodeHtmlBytes(bytes, 'text/html; charset=utf-8')
    expect(result).toMatchObject({ charset: 'shift_jis', source: 'detected' })
    expect(result.html).toContain(sentences.japanese)
  })

  it('keeps UTF-8 for a real UTF-8 page with a single stray byte', () => {
    const bytes = corpusPage(
      'trafilatura-eval/html/Sprzeciw_wobec_atakow_na_Fundacje_Lux_Veritatis_RadioMaryja.pl.html.gz'
    )
    const result = decodeHtmlBytes(bytes, 'text/html; charset=utf-8')
    expect(result).toMatchObject({ charset: 'utf-8', source: 'http' })
    expect(result.html).toContain('Sprzeciw wobec ataków na Fundację Lux Veritatis')
  })

  it('decodes UTF-8 labelled windows-1252 as UTF-8', () => {
    const bytes = Buffer.from(
      pageWith('Größere Städte – “quoted” café', '<meta charset="iso-8859-1">')
    )
    const result = decodeHtmlBytes(bytes)
    expect(result).toMatchObject({ charset: 'utf-8', source: 'detected' })
    expect(result.html).toContain('Größere Städte – “quoted” café')
  })

  it('decodes UTF-8 Chinese labelled gb2312 as UTF-8', () => {
    const bytes = Buffer.from(pageWith(sentences.chinese, '<meta charset="gb2312">'))
    const result = decodeHtmlBytes(bytes, 'text/html')
    expect(result).toMatchObject({ charset: 'utf-8', source: 'detected' })
    expect(result.html).toContain(sentences.chinese)
  })

  it('trusts a multi-byte label when only a few characters happen to be well-formed UTF-8', () => {
    // 蕡 is CA 88 in GBK, which is also well-formed UTF-8 (U+0288).
    const bytes = encoded('<meta charset="gbk"><p>蕡</p>', 'gbk')
    expect(decodeHtmlBytes(bytes).html).toBe('<meta charset="gbk"><p>蕡</p>')
  })

  it('decodes a real ISO-8859-2 Polish page', () => {
    const name =
      '_Ziemniaki_na_szostej_surowka_na_dziesiatej_._Jak_pomagac_zeby_nie_zaszkodzic__PORADNIK_W_PIGUCE_.html.gz'
    const result = decodeHtmlBytes(corpusPage(`trafilatura-eval/html/${name}`), 'text/html')
    expect(result.charset).toBe('iso-8859-2')
    expect(result.html).toContain('Ziemniaki na szóstej, surówka na dziesiątej')
  })
})
