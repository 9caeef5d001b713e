import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { schemaVersion } from '../../src/main/core/db/migrate'
import { migration0001 } from '../../src/main/core/db/migrations/0001-initial'
import { openDatabase } from '../../src/main/core/db/open'
import { storedIndexVersion } from '../../src/main/core/search/rebuild'
import { searchArticles } from '../../src/main/core/search/search'
import { tokenizerVersion } from '../../src/main/core/search/tokenize'
import { insertArticle, setTag } from '../search/fixtures'

const directories: string[] = []

afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function libraryWithVersionOneData(): { dir: string; ids: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-migration-0002-'))
  directories.push(dir)
  const db = openDatabase(dir, { migrations: [migration0001] })
  expect(schemaVersion(db)).toBe(1)
  const ids = [
    insertArticle(db, { title: 'Saved before search existed', text: 'a pre-existing article' }),
    insertArticle(db, { title: '旧的文章', text: '升级之前保存的中文文章', lang: 'zh' })
  ]
  setTag(db, ids[0], 'archive/old')
  db.close()
  return { dir, ids }
}

describe('migration 0002 (search)', () => {
  it('indexes the articles a version-1 library already holds', () => {
    const { dir, ids } = libraryWithVersionOneData()
    const db = openDatabase(dir)
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(2)
      expect(storedIndexVersion(db)).toBe(tokenizerVersion)
      const find = (text: string): number[] =>
        searchArticles(db, null, text).items.map((item) => item.id)
      expect(find('pre-existing')).toEqual([ids[0]])
      expect(find('中文')).toEqual([ids[1]])
      expect(find('tag:archive')).toEqual([ids[0]])
    } finally {
      db.close()
    }
  })

  it('leaves the articles themselves unchanged', () => {
    const { dir } = libraryWithVersionOneData()
    const db = openDatabase(dir)
    try {
      const titles = db.prepare('SELECT title FROM articles ORDER BY id').pluck().all()
      expect(titles).toEqual(['Saved before search existed', '旧的文章'])
    } finally {
      db.close()
    }
  })
})
