import { setImmediate as nextTurn } from 'node:timers/promises'
import { z } from 'zod'
import { FolioError } from '../../../shared/errors'
import type { JobInfo, JobResult, SearchPage } from '../../../shared/types'
import { jobKind } from '../jobs/kinds'
import type { JobQueue } from '../jobs/queue'
import { jobInfo, unfinishedJobOfKind } from '../jobs/queries'
import type { Library } from '../library'
import { createQuickIndex } from './quick-index'
import {
  isIndexCurrent,
  markNewIndexCurrent,
  rebuildIndex,
  rebuildSteps,
  repairIndex
} from './rebuild'
import { searchArticles } from './search'
import type { SearchOptions } from './search'

export interface SearchService {
  query(text: string, options: SearchOptions): SearchPage
  /** Queues a rebuild of the index from the stored articles (once: a queued one is reused). */
  reindex(): JobInfo
  /** On start: a stale index (an upgrade changed the tokenizer) is rebuilt by a job. */
  checkIndex(): void
}

/**
 * The search side of a library. Both indexes live in library.db and are kept current by the
 * writes themselves (write.ts), so there is nothing to load or save. When an upgrade makes the
 * index stale, a running engine rebuilds it as a `reindex` job with progress (searches meanwhile
 * answer from what is indexed); a one-shot command with no job runner rebuilds it before its
 * first search.
 */
export function createSearchService(library: Library, queue: JobQueue): SearchService {
  const { db } = library
  const quick = createQuickIndex(db)
  let checked = false
  markNewIndexCurrent(db)

  queue.register(
    jobKind({
      kind: 'reindex',
      payload: z.object({}),
      async run(_job, _payload, context): Promise<JobResult> {
        let indexed = 0
        for (const { done, total } of rebuildSteps(db)) {
          if (context.signal.aborted) throw new FolioError('cancelled', 'Cancelled.')
          context.progress(done, total)
          library.emit({ type: 'index.progress', done, total })
          indexed = done
          await nextTurn()
        }
        return { done: indexed, failed: [] }
      }
    })
  )

  function reindex(): JobInfo {
    const unfinished = unfinishedJobOfKind(db, 'reindex')
    if (unfinished) return jobInfo(unfinished)
    return queue.enqueue({
      kind: 'reindex',
      label: 'the search index',
      payload: {},
      articleId: null
    })
  }

  function checkIndex(): void {
    checked = true
    if (isIndexCurrent(db)) repairIndex(db)
    else if (queue.started) reindex()
    else
      rebuildIndex(db, ({ done, total }) => library.emit({ type: 'index.progress', done, total }))
  }

  return {
    query(text, options) {
      if (!checked) checkIndex()
      return searchArticles(db, quick, text, options)
    },
    reindex,
    checkIndex
  }
}
