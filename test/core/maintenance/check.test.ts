import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEngine } from '../../../src/main/core/engine'
import { runFolio } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp'
import { assetName, seedLibrary } from '../io/library-fixture'

/** Opens library.db as another tool would, without Folio's foreign keys, to damage it. */
function damage(dir: string, sql: string): void {
  const db = new Database(join(dir, 'library.db'))
  db.pragma('foreign_keys = OFF')
  db.exec(sql)
  db.close()
}

function userData(dir: string): unknown {
  const db = new Database(join(dir, 'library.db'), { readonly: true })
  const data = {
    articles: db.prepare('SELECT * FROM articles ORDER BY id').all(),
    contents: db.prepare('SELECT * FROM article_contents ORDER BY article_id').all(),
    tags: db.prepare('SELECT id, name FROM tags ORDER BY id').all(),
    links: db.prepare('SELECT * FROM article_tags ORDER BY article_id, tag_id').all()
  }
  db.close()
  return data
}

describe('folio check', () => {
  const tempDir = useTempDirs()

  async function libraryDir(): Promise<string> {
    const dir = tempDir()
    seedLibrary(dir)
    // A first search indexes the articles the fixture inserted with plain SQL.
    const engine = openEngine(dir, { log: () => undefined })
    await engine.call('search.query', { query: 'alpha' })
    await engine.close()
    return dir
  }

  it('finds nothing wrong in a healthy library and exits 0', async () => {
    const dir = await libraryDir()
    const run = await runFolio(['--library', dir, 'check', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ problems: [], repaired: [], remaining: [] })
  })

  it('reports a missing index row, a deleted image, an altered tag count and an unused image; --repair fixes the derived ones and leaves user data alone', async () => {
    const dir = await libraryDir()
    damage(
      dir,
      `DELETE FROM search_fts WHERE rowid = 2;
       DELETE FROM assets WHERE sha256 = '${assetName('a')}';
       UPDATE tags SET article_count = 7 WHERE name = 'research';
       INSERT INTO assets VALUES ('${assetName('b')}', 'image/png', 1, x'00', 0);`
    )
    const before = userData(dir)
    const checked = await runFolio(['--library', dir, 'check'])
    expect(checked.code).toBe(1)
    expect(checked.stdout).toContain('1 article is missing from the search index (2)')
    expect(checked.stdout).toMatch(/Article 1 \(".*"\) refers to 1 image the library does not hold/)
    expect(checked.stdout).toContain(
      'Tag "research (its own articles)" shows 7 articles but has 1.'
    )
    expect(checked.stdout).toContain('1 image is stored that no article uses')

    const repaired = await runFolio(['--library', dir, 'check', '--repair', '--json'])
    const report = JSON.parse(repaired.stdout)
    expect(report.problems).toHaveLength(4)
    expect(report.repaired.join(' ')).toMatch(/Indexed 1 missing article.*Counted.*Deleted 1 image/)
    // An image's bytes cannot be rebuilt: that problem stays, with what to do about it.
    expect(report.remaining.map((problem: { area: string }) => problem.area)).toEqual(['assets'])
    expect(report.remaining[0].message).toContain('folio save https://example.com/a?x=1&y=2')
    expect(repaired.code).toBe(1)
    expect(userData(dir)).toEqual(before)

    const search = await runFolio(['--library', dir, 'search', 'gamma', '--json'])
    expect(JSON.parse(search.stdout).map((hit: { id: number }) => hit.id)).toEqual([2])
  })

  it('finds an index entry and a job of an article that is gone, and clears both', async () => {
    const dir = await libraryDir()
    damage(
      dir,
      `INSERT INTO jobs (kind, label, payload, status, created_at, updated_at, article_id)
         VALUES ('capture', 'https://blog.example.net/c', '{}', 'done', 0, 0, 3);
       DELETE FROM article_contents WHERE article_id = 3;
       DELETE FROM articles WHERE id = 3;`
    )
    const run = await runFolio(['--library', dir, 'check', '--repair'])
    expect(run.stdout).toContain('The search index holds 1 entry for articles that are gone (3).')
    expect(run.stdout).toContain('The library holds 1 job pointing at an article that is gone.')
    expect(run.stdout).toContain('Everything found was repaired.')
    expect(run.code).toBe(0)
  })
})
