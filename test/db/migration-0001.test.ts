import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolioError } from '../../src/shared/errors'
import { openDatabase } from '../../src/main/core/db/open'
import { migrations } from '../../src/main/core/db/migrations'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

describe('migration 0001 and opening a library', () => {
  const tempDir = useTempDirs()

  it('creates library.db with every table of the design and the right pragmas', () => {
    const dir = join(tempDir(), 'new-library')
    const db = openDatabase(dir, { migrations: migrations.slice(0, 1) })
    expect(existsSync(join(dir, 'library.db'))).toBe(true)
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((row) => row.name)
    expect(tables).toEqual(
      expect.arrayContaining([
        'articles',
        'article_contents',
        'assets',
        'article_assets',
        'tags',
        'article_tags',
        'jobs',
        'search_state',
        'settings'
      ])
    )
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('keeps saved articles when the library is opened again', () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    const id = insertArticle(db, { url: 'https://example.com/a', title: 'Kept', text: 'body' })
    db.close()
    const reopened = openDatabase(dir)
    expect(reopened.prepare('SELECT title FROM articles WHERE id = ?').get(id)).toEqual({
      title: 'Kept'
    })
    reopened.close()
  })

  it('deletes an article’s contents and tags with it (foreign keys cascade)', () => {
    const db = openDatabase(tempDir())
    const id = insertArticle(db, { url: 'https://example.com/a' })
    db.prepare("INSERT INTO tags (name, created_at) VALUES ('research', 0)").run()
    db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, 1)').run(id)
    db.prepare('DELETE FROM articles WHERE id = ?').run(id)
    expect(db.prepare('SELECT count(*) AS n FROM article_contents').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM article_tags').get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses a library from a newer Folio, naming both versions, and leaves it untouched', () => {
    const dir = tempDir()
    const raw = new Database(join(dir, 'library.db'))
    raw.pragma('user_version = 999')
    raw.close()
    let caught: unknown
    try {
      openDatabase(dir)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(FolioError)
    expect((caught as FolioError).code).toBe('library_too_new')
    expect((caught as FolioError).message).toContain('schema version 999')
    expect((caught as FolioError).message).toContain(`up to ${migrations.length}`)
    const after = new Database(join(dir, 'library.db'))
    expect(after.pragma('user_version', { simple: true })).toBe(999)
    after.close()
  })

  it('rolls back every step of a failing migration', () => {
    const dir = tempDir()
    const broken = [
      ...migrations.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half_done (id INTEGER)')
          throw new Error('disk on fire')
        }
      }
    ]
    expect(() => openDatabase(dir, { migrations: broken })).toThrow(/disk on fire/)
    const after = new Database(join(dir, 'library.db'))
    expect(after.pragma('user_version', { simple: true })).toBe(0)
    expect(
      after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()
    ).toEqual({ n: 0 })
    after.close()
  })
})
