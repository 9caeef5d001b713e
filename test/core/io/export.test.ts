import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runFolio } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp'
import { seedLibrary } from './library-fixture'
import { parseCsv, parseNetscape } from './parsers'

const saved = Date.UTC(2025, 0, 2, 9, 30)

/** The fields a citation of the fixture's first two articles must carry, in CSL terms. */
const expectedCitations = [
  {
    title: 'Large models, "quoted" & 大模型 50% $5 #1 a_b',
    author: [
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Roe' }
    ],
    issued: { 'date-parts': [[2024, 3, 5]] },
    accessed: { 'date-parts': [[2025, 1, 2]] },
    URL: 'https://example.com/a?x=1&y=2',
    site: 'Example Site'
  },
  {
    title: 'مرحبا بالعالم',
    // No byline: the site is the author, as an organisation.
    author: [{ family: 'Greenpeace' }],
    accessed: { 'date-parts': [[2025, 1, 2]] },
    URL: 'https://www.greenpeace.org/b',
    site: 'Greenpeace'
  }
]

describe('folio export', () => {
  const tempDir = useTempDirs()

  async function exported(format: string, ...args: string[]): Promise<string> {
    const dir = tempDir()
    seedLibrary(dir)
    const out = join(tempDir(), `out.${format}`)
    const run = await runFolio([
      '--library',
      dir,
      'export',
      '--format',
      format,
      ...args,
      out,
      '--json'
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed).toMatchObject({ format, path: out })
    expect(printed.bytes).toBe(readFileSync(out).length)
    return readFileSync(out, 'utf8')
  }

  /** Parsed citations, in the order written, with only the fields compared. */
  function citationFields(text: string, siteField: string): Record<string, unknown>[] {
    return new Cite(text).data.slice(0, 2).map((item) => ({
      title: item.title,
      author: item.author,
      ...(item.issued ? { issued: item.issued } : {}),
      accessed: item.accessed,
      URL: item.URL,
      site: item[siteField]
    }))
  }

  it('writes BibLaTeX that citation-js parses back to the same fields', async () => {
    const text = await exported('bibtex', '1', '2')
    expect(text).toMatch(/^@online\{doe2024folio1,/)
    expect(citationFields(text, 'container-title')).toEqual(expectedCitations)
  })

  it('writes RIS that citation-js parses back to the same fields', async () => {
    const text = await exported('ris', '1', '2')
    expect(text).toMatch(/^TY {2}- ELEC/)
    expect(citationFields(text, 'publisher')).toEqual(expectedCitations)
  })

  it('writes CSL-JSON webpages with author or site, container, dates and URL', async () => {
    const items = JSON.parse(await exported('csl-json'))
    expect(items).toHaveLength(3)
    const { site, ...fields } = expectedCitations[0]
    expect(items[0]).toMatchObject({
      type: 'webpage',
      'container-title': site,
      language: 'zh',
      ...fields
    })
    expect(items[1].author).toEqual([{ literal: 'Greenpeace' }])
    expect(items[2]).toMatchObject({ author: [{ literal: 'blog.example.net' }] })
  })

  it('writes CSV that parses back to the documented columns', async () => {
    const text = await exported('csv')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header).toEqual([
      'id',
      'url',
      'title',
      'byline',
      'site',
      'site_name',
      'lang',
      'published_at',
      'saved_at',
      'read_at',
      'state',
      'favorite',
      'word_count',
      'reading_minutes',
      'reading_progress',
      'tags',
      'excerpt',
      'capture_status'
    ])
    expect(rows).toHaveLength(3)
    const first = Object.fromEntries(header.map((name, index) => [name, rows[0][index]]))
    expect(first).toMatchObject({
      id: '1',
      url: 'https://example.com/a?x=1&y=2',
      title: expectedCitations[0].title,
      byline: 'Jane Doe and John Roe',
      published_at: '2024-03-05T00:00:00.000Z',
      saved_at: new Date(saved).toISOString(),
      tags: 'research/llm; 日本語',
      excerpt: 'An excerpt, with "quotes"\nand a line break.'
    })
  })

  it('writes JSON with every article and its tags', async () => {
    const parsed = JSON.parse(await exported('json', '--tag', 'research'))
    expect(parsed.format).toBe('folio-articles')
    expect(parsed.articles.map((article: { id: number }) => article.id)).toEqual([1, 2])
    expect(parsed.articles[1]).toMatchObject({ dir: 'rtl', lang: 'ar', tags: ['research'] })
  })

  it('writes Netscape bookmarks with tags as nested folders, which parse back', async () => {
    const bookmarks = parseNetscape(await exported('netscape'))
    expect(bookmarks.map(({ folder, href }) => `${folder} ${href}`).sort()).toEqual([
      ' https://blog.example.net/c',
      'research https://www.greenpeace.org/b',
      'research/llm https://example.com/a?x=1&y=2',
      '日本語 https://example.com/a?x=1&y=2'
    ])
    const first = bookmarks.find((bookmark) => bookmark.folder === 'research/llm')!
    expect(first).toMatchObject({
      title: expectedCitations[0].title,
      addDate: Math.floor(saved / 1000),
      tags: 'research/llm,日本語'
    })
  })

  it('refuses to replace a file unless --force', async () => {
    const dir = tempDir()
    seedLibrary(dir)
    const out = join(tempDir(), 'out.json')
    writeFileSync(out, 'precious')
    const refused = await runFolio(['--library', dir, 'export', '--format', 'json', out])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('exists already; choose another name, or --force')
    expect(readFileSync(out, 'utf8')).toBe('precious')
    const forced = await runFolio(['--library', dir, 'export', '--format', 'json', out, '--force'])
    expect(forced.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).articles).toHaveLength(3)
  })

  it('says why it cannot write into a folder that is not one, and leaves nothing behind', async () => {
    const dir = tempDir()
    seedLibrary(dir)
    const folder = tempDir()
    writeFileSync(join(folder, 'file'), '')
    const out = join(folder, 'file', 'out.json')
    const run = await runFolio(['--library', dir, 'export', '--format', 'json', out, '--json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`Folio could not write ${out}: its folder does not exist`)
    expect(readdirSync(folder)).toEqual(['file'])
  })
})
