import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../helpers/temp'
import {
  instapaperCsv,
  netscapeHtml,
  pocketAnnotations,
  pocketCsv,
  pocketHtml,
  pocketRows,
  writeZip
} from './fixtures'
import { keptFields, libraryArticles, runImport } from './harness'

const second = 1000

/** What Pocket's three sample rows become, oldest first (the list follows the saved time). */
const expectedPocket = [
  {
    url: 'http://old.example.net/page',
    title: '',
    savedAt: 1300000000 * second,
    tags: ['research/llm'],
    state: 'unread',
    favorite: false,
    note: null,
    highlights: []
  },
  {
    url: 'https://www.example.org/caf%C3%A9',
    title: 'Café society',
    savedAt: 1500000000 * second,
    tags: [],
    state: 'archived',
    favorite: false,
    note: null,
    highlights: []
  },
  {
    url: 'https://example.com/llm?id=7',
    title: 'Large models, "quoted" & 大模型',
    savedAt: 1698568488 * second,
    tags: ['opensource', 'with space', 'withÄumlaut', '日本語'],
    state: 'unread',
    favorite: false,
    note: null,
    highlights: [
      {
        quote: 'Attention is all you need, "mostly".',
        status: 'orphaned',
        createdAt: 1698569000 * second
      },
      { quote: '大規模言語モデル', status: 'orphaned', createdAt: Date.UTC(2023, 9, 29, 10) }
    ]
  }
]

describe('import formats', () => {
  const tempDir = useTempDirs()

  it("imports Pocket's multi-part ZIP with its highlights as orphaned quotes", async () => {
    const dir = tempDir()
    const zip = join(tempDir(), 'pocket.zip')
    await writeZip(zip, {
      'part_000000.csv': pocketCsv(pocketRows.slice(0, 2)),
      'part_000001.csv': pocketCsv(pocketRows.slice(2), { cursor: false }),
      'annotations/part_000000.json': JSON.stringify(pocketAnnotations)
    })
    const { job, report } = await runImport(dir, zip)
    expect(job.status).toBe('done')
    expect(report).toMatchObject({
      format: 'pocket-zip',
      counts: { imported: 3, merged: 0, skipped: 0, failed: 0 }
    })
    expect(report?.rows.map((row) => row.row)).toEqual([1, 2, 3])
    expect((await libraryArticles(dir)).map(keptFields)).toEqual(expectedPocket)
  })

  it("imports Pocket's CSV without a cursor column, with a BOM and CRLF line ends", async () => {
    const dir = tempDir()
    const csv = join(tempDir(), 'export.txt')
    writeFileSync(csv, '\ufeff' + pocketCsv(pocketRows, { cursor: false, eol: '\r\n' }))
    const { report } = await runImport(dir, csv)
    expect(report?.format).toBe('pocket-csv')
    const articles = (await libraryArticles(dir)).map(keptFields)
    expect(articles).toEqual(expectedPocket.map((article) => ({ ...article, highlights: [] })))
  })

  it('decodes a Windows-1252 CSV and a UTF-16 list of URLs', async () => {
    const dir = tempDir()
    const csv = join(tempDir(), 'cp1252.csv')
    writeFileSync(
      csv,
      iconv.encode(pocketCsv([{ ...pocketRows[1], title: 'Café, naïve “quotes”' }]), 'windows-1252')
    )
    const list = join(tempDir(), 'urls')
    writeFileSync(list, iconv.encode('https://example.com/ü\r\n', 'utf-16le', { addBOM: true }))
    expect((await runImport(dir, csv)).report?.format).toBe('pocket-csv')
    expect((await runImport(dir, list)).report?.format).toBe('url-list')
    const articles = await libraryArticles(dir)
    expect(articles.map((article) => [article.url, article.title])).toEqual([
      ['https://www.example.org/caf%C3%A9', 'Café, naïve “quotes”'],
      ['https://example.com/%C3%BC', '']
    ])
  })

  it("imports Pocket's legacy HTML: unread and archived lists, comma-separated tags", async () => {
    const dir = tempDir()
    const html = join(tempDir(), 'ril_export.html')
    writeFileSync(
      html,
      pocketHtml(
        [
          {
            url: 'https://example.com/a?x=1&y=2',
            title: 'Fish & chips <3',
            timeAdded: 1698568488,
            tags: 'food,uk travel'
          }
        ],
        [{ url: 'https://例え.jp/記事', title: '日本の記事', timeAdded: 1600000000, tags: '' }]
      )
    )
    const { report } = await runImport(dir, html)
    expect(report?.format).toBe('pocket-html')
    expect((await libraryArticles(dir)).map(keptFields)).toEqual([
      {
        url: 'https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B',
        title: '日本の記事',
        savedAt: 1600000000 * second,
        tags: [],
        state: 'archived',
        favorite: false,
        note: null,
        highlights: []
      },
      {
        url: 'https://example.com/a?x=1&y=2',
        title: 'Fish & chips <3',
        savedAt: 1698568488 * second,
        tags: ['food', 'uk travel'],
        state: 'unread',
        favorite: false,
        note: null,
        highlights: []
      }
    ])
  })

  it("imports Instapaper's CSV with the new header: folders, starred, JSON tags, selections", async () => {
    const dir = tempDir()
    const csv = join(tempDir(), 'instapaper-export.csv')
    writeFileSync(
      csv,
      instapaperCsv(
        [
          {
            url: 'https://example.com/go',
            title: 'Go, "generics"',
            selection: 'A selected, "quoted" line',
            folder: 'Starred',
            timestamp: 1700000000,
            tags: ['programming', 'go']
          },
          {
            url: 'https://example.com/zh',
            title: '中文标题',
            selection: '',
            folder: '读书 Club',
            timestamp: 1690000000,
            tags: []
          },
          {
            url: 'https://example.com/old',
            title: 'Old',
            selection: '',
            folder: 'Archive',
            timestamp: 1680000000
          }
        ],
        true
      )
    )
    const { report } = await runImport(dir, csv)
    expect(report?.format).toBe('instapaper-csv')
    const articles = (await libraryArticles(dir)).map(keptFields)
    expect(articles).toEqual([
      {
        url: 'https://example.com/old',
        title: 'Old',
        savedAt: 1680000000 * second,
        tags: [],
        state: 'archived',
        favorite: false,
        note: null,
        highlights: []
      },
      {
        url: 'https://example.com/zh',
        title: '中文标题',
        savedAt: 1690000000 * second,
        tags: ['读书 Club'],
        state: 'unread',
        favorite: false,
        note: null,
        highlights: []
      },
      {
        url: 'https://example.com/go',
        title: 'Go, "generics"',
        savedAt: 1700000000 * second,
        tags: ['go', 'programming'],
        state: 'unread',
        favorite: true,
        note: 'A selected, "quoted" line',
        highlights: []
      }
    ])
  })

  it("imports Instapaper's old header, keeping the file's newest-first order", async () => {
    const dir = tempDir()
    const csv = join(tempDir(), 'instapaper.csv')
    writeFileSync(
      csv,
      instapaperCsv(
        [
          { url: 'https://example.com/new', title: 'Newest', selection: '', folder: 'Unread' },
          { url: 'https://example.com/older', title: 'Older', selection: '', folder: 'Unread' }
        ],
        false
      )
    )
    await runImport(dir, csv)
    const articles = await libraryArticles(dir)
    expect(articles.map((article) => article.title)).toEqual(['Older', 'Newest'])
  })

  it('imports Netscape bookmarks: folder paths as hierarchical tags, TAGS kept, ADD_DATE', async () => {
    const dir = tempDir()
    const html = join(tempDir(), 'bookmarks.html')
    writeFileSync(
      html,
      netscapeHtml([
        {
          name: 'Bookmarks bar',
          children: [
            {
              name: 'Dev',
              children: [
                {
                  name: '日本語 tools',
                  children: [
                    {
                      url: 'https://example.jp/t',
                      title: 'ツール & more',
                      addDate: 1650000000,
                      tags: 'cjk,tools'
                    }
                  ]
                }
              ]
            },
            { url: 'https://example.com/top', title: 'Top "level"', addDate: 1640000000 }
          ]
        },
        { url: 'javascript:alert(1)', title: 'A bookmarklet', addDate: 1630000000 },
        { url: 'https://example.com/root', title: 'Root', addDate: 1630000000 }
      ])
    )
    const { report } = await runImport(dir, html)
    expect(report).toMatchObject({ format: 'netscape', counts: { imported: 3, failed: 1 } })
    expect(report?.rows[2]).toMatchObject({
      row: 3,
      outcome: 'failed',
      reason: expect.stringContaining('A bookmarklet')
    })
    expect(
      (await libraryArticles(dir)).map((article) => [
        article.title,
        article.savedAt,
        [...article.tags].sort()
      ])
    ).toEqual([
      ['Root', 1630000000 * second, []],
      ['Top "level"', 1640000000 * second, ['Bookmarks bar']],
      ['ツール & more', 1650000000 * second, ['Bookmarks bar/Dev/日本語 tools', 'cjk', 'tools']]
    ])
  })

  it('imports a plain list of URLs, passing over blank lines and comments', async () => {
    const dir = tempDir()
    const list = join(tempDir(), 'links.txt')
    writeFileSync(
      list,
      '# my reading list\nhttps://example.com/1\n\nexample.org/2\nnot a url at all\n'
    )
    const { report } = await runImport(dir, list, { tags: ['from list'] })
    expect(report?.rows).toEqual([
      { row: 1, url: 'https://example.com/1', outcome: 'imported', reason: null },
      { row: 2, url: 'example.org/2', outcome: 'imported', reason: null },
      {
        row: 3,
        url: 'not a url at all',
        outcome: 'failed',
        reason: expect.stringContaining('not a web address')
      }
    ])
    const articles = await libraryArticles(dir)
    expect(articles.map((article) => [article.url, article.tags])).toEqual([
      ['https://example.org/2', ['from list']],
      ['https://example.com/1', ['from list']]
    ])
  })

  it('imports a Pocket API dump: favourites, status, tag objects, annotations; bad items fail alone', async () => {
    const dir = tempDir()
    const path = join(tempDir(), 'pocket.json')
    writeFileSync(
      path,
      JSON.stringify({
        status: 1,
        list: {
          '101': {
            item_id: '101',
            given_url: 'https://example.com/fav',
            given_title: 'Favourite, "starred" 收藏',
            resolved_title: 'Resolved',
            favorite: '1',
            status: '1',
            time_added: '1600000000',
            tags: {
              'deep learning': { item_id: '101', tag: 'deep learning' },
              ñandú: { item_id: '101', tag: 'ñandú' }
            },
            annotations: [
              {
                annotation_id: 'a',
                quote: 'A quote.',
                patch: '',
                created_at: '2020-09-13 12:26:40'
              }
            ]
          },
          '102': {
            item_id: '102',
            given_url: 'https://example.com/gone',
            status: '2',
            time_added: '1600000001'
          },
          '103': { item_id: '103', given_url: 'https://example.com/bad', tags: 'not-an-object' },
          '104': {
            item_id: '104',
            given_url: '',
            resolved_url: 'https://example.com/resolved',
            status: '0',
            time_added: 1500000000
          }
        }
      })
    )
    const { report } = await runImport(dir, path)
    expect(report?.format).toBe('pocket-json')
    expect(report?.rows.map((row) => [row.row, row.outcome, row.reason])).toEqual([
      [1, 'imported', null],
      [2, 'failed', 'pocket.json item 102 was deleted in Pocket'],
      [3, 'failed', 'pocket.json item 103: tags: Invalid input: expected record, received string'],
      [4, 'imported', null]
    ])
    expect((await libraryArticles(dir)).map(keptFields)).toEqual([
      {
        url: 'https://example.com/resolved',
        title: '',
        savedAt: 1500000000 * second,
        tags: [],
        state: 'unread',
        favorite: false,
        note: null,
        highlights: []
      },
      {
        url: 'https://example.com/fav',
        title: 'Favourite, "starred" 收藏',
        savedAt: 1600000000 * second,
        tags: ['deep learning', 'ñandú'],
        state: 'archived',
        favorite: true,
        note: null,
        highlights: [
          { quote: 'A quote.', status: 'orphaned', createdAt: Date.UTC(2020, 8, 13, 12, 26, 40) }
        ]
      }
    ])
  })
})
