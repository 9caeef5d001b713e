import { afterEach } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import type { OperationInput, OperationName, OperationOutput } from '../../src/shared/contract'
import { unwrap } from '../../src/shared/errors'
import type { FolioEvent } from '../../src/shared/events'
import type { TagInfo } from '../../src/shared/types'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

export interface TagLibrary {
  core: Engine
  library: Library
  events: FolioEvent[]
  /** Inserts ready articles (indexed for search), one per title, and returns their ids. */
  articles(...titles: string[]): number[]
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>>
  tree(): Promise<TagInfo[]>
  /** Ids of the articles `articles.list` shows for a tag filter. */
  listed(tag: string): Promise<number[]>
  tagsOf(id: number): string[]
}

/** A real library in a temp dir, closed after each test. */
export function useTagLibrary(): () => TagLibrary {
  const tempDir = useTempDirs()
  const open: { core: Engine; library: Library }[] = []
  afterEach(async () => {
    for (const { core, library } of open.splice(0)) {
      await core.close()
      library.close()
    }
  })
  return () => {
    const library = openLibrary(tempDir())
    const core = createEngine(library, { log: () => {} })
    open.push({ core, library })
    const events: FolioEvent[] = []
    core.onEvent((event) => events.push(event))
    let next = 0
    const call = async <K extends OperationName>(
      name: K,
      input: OperationInput<K>
    ): Promise<OperationOutput<K>> => unwrap(await core.call(name, input))
    return {
      core,
      library,
      events,
      call,
      articles: (...titles) =>
        titles.map((title) => {
          next += 1
          return insertArticle(library.db, {
            url: `https://example.com/${next}`,
            title,
            text: `${title} body`,
            savedAt: next
          })
        }),
      tree: () => call('tags.list', {}),
      listed: async (tag) =>
        (await call('articles.list', { tag, sort: 'saved', order: 'asc' })).items.map(
          (item) => item.id
        ),
      tagsOf: (id) =>
        (
          library.db
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
