import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEngine } from '../../../../src/main/core/engine'
import { useTempDirs } from '../../../helpers/temp'
import { pocketCsv, pocketRows, writeZip } from './fixtures'
import { libraryArticles, runImport } from './harness'

describe('import of bad input', () => {
  const tempDir = useTempDirs()

  async function failedImport(
    path: string,
    options = {}
  ): Promise<{ dir: string; message: string; rows: number }> {
    const dir = tempDir()
    const { job, report } = await runImport(dir, path, {}, options)
    expect(job.status).toBe('failed')
    expect(job.error?.code).toBe('invalid_input')
    return { dir, message: job.error?.message ?? '', rows: report?.rows.length ?? 0 }
  }

  it('stops at unbalanced quotes, naming the file and line, and keeps the rows before', async () => {
    const path = join(tempDir(), 'broken.csv')
    writeFileSync(
      path,
      pocketCsv(pocketRows.slice(0, 2)) +
        '"Never closed,https://example.com/x,1600000000,9,,unread\nmore\n'
    )
    const { dir, message, rows } = await failedImport(path)
    expect(message).toMatch(
      /^broken\.csv is not valid CSV at line \d+: a quoted cell is never closed/
    )
    expect(rows).toBe(2)
    expect(await libraryArticles(dir)).toHaveLength(2)
  })

  it('refuses a truncated ZIP, telling to download it again', async () => {
    const path = join(tempDir(), 'pocket.zip')
    await writeZip(path, { 'part_000000.csv': pocketCsv(pocketRows) })
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const { message } = await failedImport(path)
    expect(message).toMatch(/^pocket\.zip is not a readable ZIP file .*download the export again/)
  })

  it('stops a ZIP bomb at the expansion cap', async () => {
    const path = join(tempDir(), 'bomb.zip')
    const row = 'x,https://example.com/x,1600000000,1,,unread\n'
    await writeZip(path, {
      'part_000000.csv': 'title,url,time_added,cursor,tags,status\n' + row.repeat(200_000)
    })
    const { message } = await failedImport(path, { maxExpandedBytes: 1024 * 1024 })
    expect(message).toMatch(/^bomb\.zip expands to more than 1 MiB/)
  })

  it('reports annotations of the wrong types as failed rows, importing the rest', async () => {
    const dir = tempDir()
    const path = join(tempDir(), 'pocket.zip')
    await writeZip(path, {
      'part_000000.csv': pocketCsv(pocketRows.slice(0, 1)),
      'annotations/part_000000.json': JSON.stringify([
        { url: 'https://example.com/z', title: 'Z', highlights: [{ quote: 5, created_at: 1 }] },
        {
          url: pocketRows[0].url,
          title: 't',
          highlights: [{ quote: 'Kept.', created_at: 1698569000 }]
        }
      ])
    })
    const { job, report } = await runImport(dir, path)
    expect(job.status).toBe('done')
    expect(report?.rows).toEqual([
      {
        row: 1,
        url: 'https://example.com/llm?utm_source=pocket_saves&id=7',
        outcome: 'imported',
        reason: null
      },
      {
        row: 2,
        url: 'https://example.com/z',
        outcome: 'failed',
        reason:
          'pocket.zip: annotations/part_000000.json item 1: highlights.0.quote: Invalid input: expected string, received number'
      }
    ])
    const [article] = await libraryArticles(dir)
    expect(article.highlights.map((h) => h.quote)).toEqual(['Kept.'])
  })

  it('refuses annotations that are not a list', async () => {
    const path = join(tempDir(), 'pocket.zip')
    await writeZip(path, {
      'part_000000.csv': pocketCsv(pocketRows),
      'annotations/part_000000.json': '{"url": 1}'
    })
    const { message } = await failedImport(path)
    expect(message).toBe(
      'pocket.zip: annotations/part_000000.json should hold a JSON list of annotated articles, not object.'
    )
  })

  it('names what a file of an unknown format looks like', async () => {
    const json = join(tempDir(), 'export.csv')
    writeFileSync(json, '[{"id": 1, "url": "https://example.com", "is_archived": 0}]')
    expect((await failedImport(json)).message).toMatch(
      /^Folio does not recognise the format of export\.csv\. It holds JSON/
    )
    const prose = join(tempDir(), 'notes.txt')
    writeFileSync(prose, 'Dear diary,\ntoday I read things.\n')
    expect((await failedImport(prose)).message).toMatch(
      /^Folio does not recognise the format of notes\.txt\. Folio reads Pocket/
    )
    const otherZip = join(tempDir(), 'omnivore.zip')
    await writeZip(otherZip, { 'metadata_0_to_20.json': '[]' })
    expect((await failedImport(otherZip)).message).toMatch(/is a ZIP file but not Pocket's export/)
  })

  it('says an empty file is empty', async () => {
    const path = join(tempDir(), 'empty.csv')
    writeFileSync(path, '')
    expect((await failedImport(path)).message).toBe(
      'empty.csv is empty: there is nothing to import.'
    )
    writeFileSync(path, '\ufeff \n\n')
    expect((await failedImport(path)).message).toBe(
      'empty.csv is empty: there is nothing to import.'
    )
  })

  it('refuses a missing file before queueing anything', async () => {
    await expect(runImport(tempDir(), join(tempDir(), 'nope.zip'))).rejects.toThrow(
      /There is no file .*nope\.zip/
    )
  })

  it('refuses library.import from the interface and the extension: it reads a path on this machine', async () => {
    const engine = openEngine(tempDir(), { log: () => undefined })
    try {
      for (const caller of ['ui', 'extension', 'bookmarklet'] as const) {
        const result = await engine.invoke('library.import', { path: '/etc/passwd' }, caller)
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
    } finally {
      await engine.close()
    }
  })
})
