import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db/open'
import { insertArticle } from '../helpers/articles'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

describe('the folio CLI', () => {
  const tempDir = useTempDirs()

  it('prints the stats of a new library as JSON only, and exits 0', async () => {
    const dir = join(tempDir(), 'x')
    const run = await runFolio(['--library', dir, 'stats', '--json'])
    expect(run.code).toBe(0)
    const stats = JSON.parse(run.stdout)
    expect(stats).toMatchObject({ articles: 0, unread: 0, tags: 0 })
    expect(Object.keys(stats)[0]).toBe('articles')
  })

  it('finds the library through FOLIO_LIBRARY', async () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    insertArticle(db, { url: 'https://example.com/env', title: 'From the environment' })
    db.close()
    const run = await runFolio(['list', '--json'], { FOLIO_LIBRARY: dir })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).map((article: { title: string }) => article.title)).toEqual([
      'From the environment'
    ])
  })

  it('lists, shows and deletes articles', async () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    const first = insertArticle(db, {
      url: 'https://example.com/1',
      title: 'First',
      text: 'Body of the first.',
      savedAt: 1
    })
    const second = insertArticle(db, { url: 'https://example.com/2', title: 'Second', savedAt: 2 })
    db.close()

    const list = await runFolio(['--library', dir, 'list', '--limit', '1'])
    expect(list.stdout).toContain('Second')
    expect(list.stdout).toContain('1 more')

    const text = await runFolio(['--library', dir, 'show', String(first)])
    expect(text.stdout).toContain('First')
    expect(text.stdout).toContain('Body of the first.')

    const json = await runFolio(['--library', dir, 'show', String(first), '--format', 'json'])
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: first,
      title: 'First',
      text: 'Body of the first.'
    })

    const html = await runFolio(['--library', dir, 'show', String(first), '--format', 'html'])
    expect(html.stdout.trim()).toBe('<p>Body of the first.</p>')

    const deleted = await runFolio(['--library', dir, 'delete', String(second), '--json'])
    expect(deleted.code).toBe(0)
    expect(JSON.parse(deleted.stdout)).toEqual({ deleted: [second], notFound: [] })
    const after = await runFolio(['--library', dir, 'stats', '--json'])
    expect(JSON.parse(after.stdout).articles).toBe(1)
  })

  it('exits 1 with a message when an operation fails', async () => {
    const dir = tempDir()
    const missing = await runFolio(['--library', dir, 'show', '99'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no article with id 99')
    const gone = await runFolio(['--library', dir, 'delete', '5'])
    expect(gone.code).toBe(1)
  })

  it('exits 2 on usage errors and explains them', async () => {
    const dir = tempDir()
    const unknown = await runFolio(['--library', dir, 'frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('"frobnicate" is not a folio command')
    const badId = await runFolio(['--library', dir, 'show', 'abc'])
    expect(badId.code).toBe(2)
    const badFlag = await runFolio(['--library', dir, 'list', '--colour'])
    expect(badFlag.code).toBe(2)
    const none = await runFolio([])
    expect(none.code).toBe(2)
    expect(none.stdout).toContain('Usage: folio')
  })

  it('has --help for folio and for each command', async () => {
    const main = await runFolio(['--help'])
    expect(main.code).toBe(0)
    for (const command of ['stats', 'list', 'show', 'delete', 'serve'])
      expect(main.stdout).toContain(command)
    const show = await runFolio(['show', '--help'])
    expect(show.code).toBe(0)
    expect(show.stdout).toContain('Usage: folio show <id>')
  })
})
