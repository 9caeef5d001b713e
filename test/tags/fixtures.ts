import { afterEach } from 'vitest'
import { createCore } from '../../src/main/core/api'
import type { FolioCore } from '../../src/main/core/api'
import { openLibrary } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import type { FolioEvent } from '../../src/shared/events'
import type { ArticlePage, TagInfo } from '../../src/shared/types'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

export interface TagLibrary {
  core: FolioCore
  events: FolioEvent[]
  /** Inserts ready articles (indexed for search), one per title, and returns their ids. */
  articles(...titles: string[]): number[]
  call(name: string, input: unknown): Promise<unknown>
  tree(): Promise<TagInfo[]>
  /** Ids of the articles `articles.list` shows for a tag filter. */
  listed(tag: string): Promise<number[]>
  tagsOf(id: number): string[]
}

/** A real library in a temp dir, closed after each test. */
export function useTagLibrary(): () => TagLibrary {
  const tempDir = useTempDirs()
  const open: FolioCore[] = []
  afterEach(async () => {
    for (const core of open.splice(0)) {
      await core.close()
      core.library.close()
    }
  })
  return () => {
    const core = createCore(openLibrary(tempDir()), { log: () => {} })
    open.push(core)
    const events: FolioEvent[] = []
    core.library.onEvent((event) => events.push(event))
    let next = 0
    const call = async (name: string, input: unknown): Promise<unknown> =>
      unwrap(await core.invoke(name, input))
    return {
      core,
      events,
      call,
      articles: (...titles) =>
        titles.map((title) => {
          next += 1
          return insertArticle(core.library.db, {
            url: `https://example.com/${next}`,
            title,
            text: `${title} body`,
            savedAt: next
          })
        }),
      tree: async () => (await call('tags.list', {})) as TagInfo[],
      listed: async (tag) =>
        (
          (await call('articles.list', { tag, sort: 'saved', order: 'asc' })) as ArticlePage
        ).items.map((item) => item.id),
      tagsOf: (id) =>
        (
          core.library.db
            .prepare(
              `SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
               WHERE at.article_id = ? ORDER BY t.name`
            )
            .all(id) as { name: string }[]
        ).map((row) => row.name)
    }
  }
}

/** `name count/total` for each node, a compact picture of the tree for assertions. */
export function treeLines(tree: TagInfo[]): string[] {
  return tree.map((node) => `${'  '.repeat(node.depth)}${node.label} ${node.count}/${node.total}`)
}
