import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../src/main/core/db/open'
import { insertArticle } from '../../../helpers/articles'
import { useTempDirs } from '../../../helpers/temp'
import { pocketAnnotations, pocketCsv, pocketRows, writeZip } from './fixtures'
import { dumpLibrary, keptFields, libraryArticles, runImport } from './harness'

describe('import dedupe', () => {
  const tempDir = useTempDirs()

  it('changes nothing when the same file is imported twice', async () => {
    const dir = tempDir()
    const zip = join(tempDir(), 'pocket.zip')
    await writeZip(zip, {
      'part_000000.csv': pocketCsv(pocketRows.slice(0, 2)),
      'part_000001.csv': pocketCsv(pocketRows.slice(2)),
      'annotations/part_000000.json': JSON.stringify(pocketAnnotations)
    })
    const first = await runImport(dir, zip, { fetch: true, tags: ['pocket'] })
    expect(first.report?.captures).toBe(3)
    const before = dumpLibrary(dir)
    const second = await runImport(dir, zip, { fetch: true, tags: ['pocket'] })
    expect(second.report?.counts).toEqual({ imported: 0, merged: 0, skipped: 3, failed: 0 })
    expect(second.report?.captures).toBe(0)
    expect(dumpLibrary(dir)).toEqual(before)
  })

  it('merges duplicates within the file: tags joined, earliest time, archived if either is', async () => {
    const dir = tempDir()
    const csv = join(tempDir(), 'part.csv')
    writeFileSync(
      csv,
      pocketCsv([
        {
          title: 'First copy',
          url: 'https://example.com/same',
          timeAdded: 1600000000,
          tags: ['a'],
          status: 'unread'
        },
        {
          title: 'Second copy',
          url: 'https://example.com/same/?utm_medium=email#top',
          timeAdded: 1500000000,
          tags: ['b', 'A'],
          status: 'archive'
        }
      ])
    )
    const { report } = await runImport(dir, csv)
    expect(report?.rows[1]).toMatchObject({
      outcome: 'merged',
      reason: expect.stringContaining('an earlier save time, archived, tags b')
    })
    expect((await libraryArticles(dir)).map(keptFields)).toEqual([
      {
        url: 'https://example.com/same',
        title: 'First copy',
        savedAt: 1500000000 * 1000,
        tags: ['a', 'b'],
        state: 'archived',
        favorite: false,
        note: null,
        highlights: []
      }
    ])
  })

  it("keeps the library's title and highlights when merging into an article it has", async () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    const id = insertArticle(db, {
      url: 'https://example.com/llm?id=7',
      title: 'My own title',
      text: 'Intro. Attention is all you need, "mostly". The end.',
      savedAt: Date.UTC(2024, 0, 1)
    })
    db.prepare(
      `INSERT INTO highlights (article_id, color, quote, prefix, suffix, start_offset, end_offset, status, created_at, updated_at)
       VALUES (?, 'green', 'Intro.', '', '', 0, 6, 'anchored', 1, 1)`
    ).run(id)
    db.close()
    const zip = join(tempDir(), 'pocket.zip')
    await writeZip(zip, {
      'part_000000.csv': pocketCsv(pocketRows.slice(0, 1)),
      'annotations/part_000000.json': JSON.stringify(pocketAnnotations)
    })
    const { report } = await runImport(dir, zip)
    expect(report?.counts).toEqual({ imported: 0, merged: 1, skipped: 0, failed: 0 })
    const [article] = await libraryArticles(dir)
    expect(article.title).toBe('My own title')
    expect(article.savedAt).toBe(1698568488 * 1000)
    expect([...article.tags].sort()).toEqual(['opensource', 'with space', 'withÄumlaut', '日本語'])
    // The text is there, so the imported quote is placed; the one it lacks stays orphaned.
    expect(article.highlights.map((h) => [h.quote, h.status, h.color])).toEqual([
      ['Intro.', 'anchored', 'green'],
      ['Attention is all you need, "mostly".', 'anchored', 'yellow'],
      ['大規模言語モデル', 'orphaned', 'yellow']
    ])
  })
})
