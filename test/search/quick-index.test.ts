import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { indexArticle, removeArticleFromIndex } from '../../src/main/core/search/fts'
import { createFlexSearchQuickIndex } from '../../bench/search/flexsearch-quick-index'
import { createQuickIndex } from '../../src/main/core/search/quick-index'
import type { FlexQuickIndex } from '../../bench/search/flexsearch-quick-index'
import { metadataTable } from '../../src/main/core/search/fts'
import { searchArticles } from '../../src/main/core/search/search'
import { deleteArticle, insertArticle, openTemporaryLibrary } from './fixtures'
import type { TemporaryLibrary } from './fixtures'

let library: TemporaryLibrary

beforeEach(() => {
  library = openTemporaryLibrary()
})

afterEach(() => library.close())

function save(title: string, extra = {}): number {
  const id = insertArticle(library.db, { title, text: 'body text', ...extra })
  indexArticle(library.db, id)
  return id
}

/** The FTS5 index lives in library.db: loading, saving and following changes cost nothing. */
function ftsQuickIndex(db: typeof library.db): FlexQuickIndex {
  const nothing = (): void => undefined
  return {
    ...createQuickIndex(db),
    add: nothing,
    update: nothing,
    remove: nothing,
    save: nothing,
    load: nothing,
    size: () => db.prepare(`SELECT count(*) FROM ${metadataTable}_docsize`).pluck().get() as number
  }
}

const implementations: [string, (db: typeof library.db) => FlexQuickIndex][] = [
  ['FTS5 on search_meta', ftsQuickIndex],
  ['FlexSearch', createFlexSearchQuickIndex]
]

describe.each(implementations)('quick index (%s)', (_name, createQuickIndex) => {
  it('finds titles by the prefix being typed', () => {
    const id = save('Machine learning at scale')
    const quick = createQuickIndex(library.db)
    quick.load()
    expect(quick.search('mach')).toEqual([id])
    expect(quick.search('learning sca')).toEqual([id])
    expect(quick.search('xyz')).toEqual([])
  })

  it('finds CJK titles, bylines, sites and tags', () => {
    const id = save('大模型训练', {
      byline: 'Zoë Brown',
      tags: ['research/llm'],
      url: 'https://arxiv.org/abs/1'
    })
    const quick = createQuickIndex(library.db)
    quick.load()
    expect(quick.search('大模')).toEqual([id])
    expect(quick.search('zoe')).toEqual([id])
    expect(quick.search('arxi')).toEqual([id])
    expect(quick.search('llm')).toEqual([id])
  })

  it('follows adds, updates and removals', () => {
    const quick = createQuickIndex(library.db)
    quick.load()
    const id = save('Original title')
    quick.add(id)
    expect(quick.search('orig')).toEqual([id])
    library.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Renamed entry', id)
    indexArticle(library.db, id)
    quick.update(id)
    expect(quick.search('orig')).toEqual([])
    expect(quick.search('renam')).toEqual([id])
    deleteArticle(library.db, id)
    removeArticleFromIndex(library.db, id)
    quick.remove(id)
    expect(quick.search('renam')).toEqual([])
  })

  it('saves into the library and loads back without re-reading the articles', () => {
    const id = save('Persistent quick index')
    const first = createQuickIndex(library.db)
    first.load()
    first.save()
    const second = createQuickIndex(library.db)
    second.load()
    expect(second.size()).toBe(1)
    expect(second.search('persist')).toEqual([id])
  })

  it('rebuilds on load when the articles changed since it was saved', () => {
    save('First article')
    const first = createQuickIndex(library.db)
    first.load()
    first.save()
    const later = save('Second article')
    const second = createQuickIndex(library.db)
    second.load()
    expect(second.search('secon')).toEqual([later])
  })

  it('puts prefix title hits first in search-as-you-type', () => {
    const titled = save('Kubernetes operators')
    const bodyOnly = insertArticle(library.db, { title: 'Notes', text: 'about kubernetes' })
    indexArticle(library.db, bodyOnly)
    const quick = createQuickIndex(library.db)
    quick.load()
    const typing = searchArticles(library.db, quick, 'kuber', { asYouType: true })
    expect(typing.items.map((item) => item.id)).toEqual([titled])
    const typed = searchArticles(library.db, quick, 'kubernetes', { asYouType: true })
    expect(typed.items.map((item) => item.id)).toEqual([titled, bodyOnly])
  })

  it('applies filters to quick-index hits too', () => {
    save('Kubernetes operators', { state: 'archived' })
    const quick = createQuickIndex(library.db)
    quick.load()
    expect(searchArticles(library.db, quick, 'kuber is:unread', { asYouType: true }).items).toEqual(
      []
    )
  })
})
