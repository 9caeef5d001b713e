import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import type { TagInfo } from '../../src/shared/types'
import { insertArticle } from '../helpers/articles'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

describe('folio tag and folio tags', () => {
  const tempDir = useTempDirs()

  function libraryWith(count: number): { dir: string; ids: number[] } {
    const dir = tempDir()
    const db = openDatabase(dir)
    const ids = Array.from({ length: count }, (_, index) =>
      insertArticle(db, { url: `https://example.com/${index}`, title: `Article ${index}` })
    )
    db.close()
    return { dir, ids }
  }

  it('tags articles, then lists the tree with own and total counts', async () => {
    const { dir, ids } = libraryWith(3)
    const tagged = await runFolio([
      '--library',
      dir,
      'tag',
      ...ids.map(String),
      '--add',
      'research/llm',
      '--add',
      'reading'
    ])
    expect(tagged.code).toBe(0)
    expect(tagged.stdout).toContain('3 articles changed: 6 tags added, 0 removed.')
    const untagged = await runFolio([
      '--library',
      dir,
      'tag',
      String(ids[0]),
      '--remove',
      'reading',
      '--json'
    ])
    expect(JSON.parse(untagged.stdout)).toEqual({ changed: [ids[0]], added: 0, removed: 1 })

    const tree = await runFolio(['--library', dir, 'tags'])
    expect(tree.code).toBe(0)
    expect(tree.stdout.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      'Tag Own Total',
      'reading 2 2',
      'research 0 3',
      'llm 3 3',
      ''
    ])
    const listed = await runFolio(['--library', dir, 'list', '--tag', 'research', '--json'])
    const listedIds = JSON.parse(listed.stdout).map((article: { id: number }) => article.id)
    expect(listedIds.sort((left: number, right: number) => left - right)).toEqual(ids)
    const json = await runFolio(['--library', dir, 'tags', '--json'])
    const list = JSON.parse(json.stdout) as TagInfo[]
    expect(list.map(({ name, count, total }) => ({ name, count, total }))).toEqual([
      { name: 'reading', count: 2, total: 2 },
      { name: 'research', count: 0, total: 3 },
      { name: 'research/llm', count: 3, total: 3 }
    ])
  })

  it('renames, merges and deletes tags', async () => {
    const { dir, ids } = libraryWith(2)
    await runFolio(['--library', dir, 'tag', String(ids[0]), '--add', 'ml', '--add', 'ml/vision'])
    await runFolio(['--library', dir, 'tag', String(ids[1]), '--add', 'AI', '--add', 'misc'])

    const renamed = await runFolio(['--library', dir, 'tags', 'rename', 'ml', 'ai/ml'])
    expect(renamed.code).toBe(0)
    expect(renamed.stdout).toContain('ml/vision → ai/ml/vision')

    const merged = await runFolio(['--library', dir, 'tags', 'merge', 'misc', 'AI', '--json'])
    expect(merged.code).toBe(0)
    expect(JSON.parse(merged.stdout)).toMatchObject({
      tags: [{ from: 'misc', to: 'AI' }],
      articles: [ids[1]]
    })

    const deleted = await runFolio(['--library', dir, 'tags', 'delete', 'ai/ml', '--keep-children'])
    expect(deleted.code).toBe(0)
    const list = JSON.parse(
      (await runFolio(['--library', dir, 'tags', '--json'])).stdout
    ) as TagInfo[]
    expect(list.map(({ name, count, total }) => `${name} ${count}/${total}`)).toEqual([
      'AI 1/2',
      'ai/ml 0/1',
      'ai/ml/vision 1/1'
    ])
  })

  it('exits 1 for a missing tag or article and 2 for a wrong command line', async () => {
    const { dir, ids } = libraryWith(1)
    const missingTag = await runFolio(['--library', dir, 'tags', 'delete', 'nothing'])
    expect(missingTag.code).toBe(1)
    expect(missingTag.stderr).toContain('There is no tag called "nothing"')
    const missingArticle = await runFolio(['--library', dir, 'tag', '99', '--add', 'x'])
    expect(missingArticle.code).toBe(1)
    expect(missingArticle.stderr).toContain('no article with id 99')

    const usage = [
      ['tag', String(ids[0])],
      ['tag', '--add', 'x'],
      ['tag', 'abc', '--add', 'x'],
      ['tag', String(ids[0]), '--add', '   '],
      ['tags', 'rename', 'only-one'],
      ['tags', 'frobnicate']
    ]
    for (const args of usage) {
      const run = await runFolio(['--library', dir, ...args])
      expect({ args, code: run.code }).toEqual({ args, code: 2 })
      expect(run.stderr).toMatch(/^folio: /)
    }
    const help = await runFolio(['tags', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('folio tags merge FROM... INTO')
  })
})
