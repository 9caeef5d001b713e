import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { indexArticle, removeArticleFromIndex } from '../../src/main/core/search/fts'
import {
  ensureIndexCurrent,
  indexVersionKey,
  markNewIndexCurrent,
  rebuildIndex,
  repairIndex,
  storedIndexVersion,
  writeSearchState
} from '../../src/main/core/search/rebuild'
import type { RebuildProgress } from '../../src/main/core/search/rebuild'
import { searchArticles } from '../../src/main/core/search/search'
import { tokenizerVersion } from '../../src/main/core/search/tokenize'
import {
  deleteArticle,
  insertArticle,
  openTemporaryLibrary,
  setTag,
  updateArticleText
} from './fixtures'
import type { TemporaryLibrary } from './fixtures'

let library: TemporaryLibrary

const found = (text: string): number[] =>
  searchArticles(library.db, null, text).items.map((item) => item.id)

beforeEach(() => {
  library = openTemporaryLibrary()
})

afterEach(() => library.close())

describe('keeping the index up to date', () => {
  it('finds an article once it is indexed, inside the transaction that saves it', () => {
    const id = library.db.transaction(() => {
      const saved = insertArticle(library.db, { title: 'Tide tables', text: '潮汐表 for sailors' })
      indexArticle(library.db, saved)
      return saved
    })()
    expect(found('潮汐')).toEqual([id])
  })

  it('forgets a deleted article', () => {
    const id = insertArticle(library.db, { title: 'Ephemeral', text: 'gone tomorrow' })
    indexArticle(library.db, id)
    deleteArticle(library.db, id)
    removeArticleFromIndex(library.db, id)
    expect(found('ephemeral')).toEqual([])
    expect(found('gone')).toEqual([])
  })

  it('removes an article from the index when indexArticle finds it deleted', () => {
    const id = insertArticle(library.db, { title: 'Ephemeral', text: 'gone tomorrow' })
    indexArticle(library.db, id)
    deleteArticle(library.db, id)
    indexArticle(library.db, id)
    expect(found('tomorrow')).toEqual([])
  })

  it('finds a re-indexed article by its new text and no longer by the old', () => {
    const id = insertArticle(library.db, { title: 'Draft', text: 'old wording 旧文本' })
    indexArticle(library.db, id)
    updateArticleText(library.db, id, 'new wording 新文本')
    indexArticle(library.db, id)
    expect(found('新文本')).toEqual([id])
    expect(found('旧文本')).toEqual([])
    expect(found('old')).toEqual([])
    const [item] = searchArticles(library.db, null, 'wording').items
    expect(item.snippet).toContain('new wording')
  })

  it('finds an article by a tag added after it was first indexed', () => {
    const id = insertArticle(library.db, { title: 'Untagged', text: 'body' })
    indexArticle(library.db, id)
    setTag(library.db, id, 'gardening')
    indexArticle(library.db, id)
    expect(found('gardening')).toEqual([id])
    expect(found('tag:gardening')).toEqual([id])
  })
})

describe('rebuilding the index', () => {
  it('records the tokenizer version of a new library before anything is saved', () => {
    expect(storedIndexVersion(library.db)).toBeNull()
    markNewIndexCurrent(library.db)
    expect(storedIndexVersion(library.db)).toBe(tokenizerVersion)
    expect(ensureIndexCurrent(library.db)).toBe(false)
  })

  it('rebuilds after a tokenizer version change, with progress', () => {
    const first = insertArticle(library.db, { title: 'One', text: 'alpha 甲乙' })
    const second = insertArticle(library.db, { title: 'Two', text: 'beta 丙丁' })
    // Never indexed, as if written by an older Folio whose tokenizer differed.
    writeSearchState(library.db, indexVersionKey, tokenizerVersion - 1)
    const progress: RebuildProgress[] = []
    expect(ensureIndexCurrent(library.db, (step) => progress.push(step))).toBe(true)
    expect(found('alpha')).toEqual([first])
    expect(found('丙丁')).toEqual([second])
    expect(progress[0]).toEqual({ done: 0, total: 2 })
    expect(progress[progress.length - 1]).toEqual({ done: 2, total: 2 })
    expect(storedIndexVersion(library.db)).toBe(tokenizerVersion)
  })

  it('rebuilds when a previous rebuild never finished', () => {
    const id = insertArticle(library.db, { title: 'Lost', text: 'interrupted' })
    library.db.prepare('DELETE FROM search_state WHERE key = ?').run(indexVersionKey)
    expect(ensureIndexCurrent(library.db)).toBe(true)
    expect(found('interrupted')).toEqual([id])
  })

  it('drops articles that no longer exist', () => {
    const id = insertArticle(library.db, { title: 'Stale', text: 'stale entry' })
    indexArticle(library.db, id)
    library.db.prepare('DELETE FROM articles WHERE id = ?').run(id)
    rebuildIndex(library.db)
    expect(found('stale')).toEqual([])
  })
})

describe('checking the index against the articles', () => {
  it('indexes an article that was saved without being indexed', () => {
    const id = insertArticle(library.db, { title: 'Forgotten', text: 'never indexed' })
    expect(found('forgotten')).toEqual([])
    expect(repairIndex(library.db)).toEqual({ indexed: 1, removed: 0 })
    expect(found('forgotten')).toEqual([id])
  })

  it('drops index rows of articles deleted behind its back, on open', () => {
    markNewIndexCurrent(library.db)
    const id = insertArticle(library.db, { title: 'Ghost', text: 'deleted elsewhere' })
    indexArticle(library.db, id)
    library.db.prepare('DELETE FROM articles WHERE id = ?').run(id)
    expect(ensureIndexCurrent(library.db)).toBe(false)
    expect(repairIndex(library.db)).toEqual({ indexed: 0, removed: 0 })
    expect(found('ghost')).toEqual([])
  })
})

describe('libraries from before the metadata table', () => {
  it('creates the missing table on open and rebuilds', () => {
    const id = insertArticle(library.db, { title: 'Early adopter', text: 'made by a dev build' })
    library.db.exec('DROP TABLE search_meta')
    expect(ensureIndexCurrent(library.db)).toBe(true)
    expect(found('early')).toEqual([id])
  })
})
