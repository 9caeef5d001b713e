import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ErrorInfo } from '../../../../shared/errors'
import type { ArticleSummary } from '../../../../shared/types'
import { api } from '../../api'
import { queryKey } from './query'
import type { ListQuery } from './query'

/** Rows fetched per request: a screen is ~10 rows, so one page covers several screens of scroll. */
export const pageSize = 100
/** Library events arrive in bursts during captures; one refresh per burst is enough. */
const refreshDelayMs = 150

interface PageCache {
  key: string
  total: number | null
  pages: Map<number, ArticleSummary[]>
  error: ErrorInfo | null
}

export interface ArticlePages {
  status: 'loading' | 'ready' | 'error'
  error: ErrorInfo | null
  /** Rows shown: the view's total less the articles hidden while their delete can be undone. */
  count: number
  itemAt(index: number): ArticleSummary | undefined
  /** Asks for the rows in [start, end) to be loaded; pages already held are not fetched again. */
  requestRange(start: number, end: number): void
  /** Where an article sits among the shown rows, when its page is loaded. */
  indexOf(id: number): number
  /** Changes with the view or the order: the list then scrolls back to the top. */
  queryKey: string
}

const emptyPages = new Map<number, ArticleSummary[]>()

async function fetchPage(query: ListQuery, page: number) {
  return api['articles.list']({
    ...query.filter,
    sort: query.sort,
    order: query.order,
    limit: pageSize,
    offset: page * pageSize
  })
}

function pagesCovering(start: number, end: number): number[] {
  const pages: number[] = []
  for (let page = Math.floor(start / pageSize); page * pageSize < Math.max(end, 1); page++) {
    pages.push(page)
  }
  return pages
}

/**
 * The current view as a sparse array of pages fetched with limit/offset as the list scrolls; the
 * whole view is never loaded at once (100,000 rows would be ~40 MB of JSON).
 */
export function useArticlePages(query: ListQuery, hiddenIds: ReadonlySet<number>): ArticlePages {
  const key = queryKey(query)
  const { current, requestRange } = usePageCache(query, key)
  const rows = useShownRows(current?.pages ?? emptyPages, hiddenIds)
  const { rawIndex } = rows
  const requestShownRange = useCallback(
    (start: number, end: number) => requestRange(rawIndex(start), rawIndex(end)),
    [requestRange, rawIndex]
  )
  const total = current?.total ?? null
  return {
    status: current?.error ? 'error' : total === null ? 'loading' : 'ready',
    error: current?.error ?? null,
    count: Math.max(0, (total ?? 0) - rows.hiddenCount),
    itemAt: rows.itemAt,
    requestRange: requestShownRange,
    indexOf: rows.indexOf,
    queryKey: key
  }
}

/** The pages loaded for the query (by raw row range), reloaded when articles change. */
function usePageCache(
  query: ListQuery,
  key: string
): { current: PageCache | null; requestRange(start: number, end: number): void } {
  const [cache, setCache] = useState<PageCache>({
    key: '',
    total: null,
    pages: emptyPages,
    error: null
  })
  const requested = useRef({ key: '', pages: new Set<number>(), range: [0, pageSize] })
  const queryRef = useRef(query)
  useEffect(() => {
    queryRef.current = query
  })

  const load = useCallback((forKey: string, pages: number[], replace: boolean) => {
    const forQuery = queryRef.current
    void Promise.all(pages.map((page) => fetchPage(forQuery, page))).then((results) => {
      if (requested.current.key !== forKey) return
      setCache((previous) => withPages(previous, forKey, pages, results, replace))
    })
  }, [])

  useEffect(() => {
    requested.current = { key, pages: new Set([0]), range: [0, pageSize] }
    load(key, [0], true)
  }, [key, load])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = api.onEvent((event) => {
      if (event.type !== 'articles.changed') return
      clearTimeout(timer)
      timer = setTimeout(() => {
        const { key: currentKey, range } = requested.current
        const pages = pagesCovering(range[0], range[1])
        requested.current.pages = new Set(pages)
        load(currentKey, pages, true)
      }, refreshDelayMs)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [load])

  const requestRange = useCallback(
    (start: number, end: number) => {
      const state = requested.current
      state.range = [start, end]
      const missing = pagesCovering(start, end).filter((page) => !state.pages.has(page))
      if (missing.length === 0) return
      for (const page of missing) state.pages.add(page)
      load(state.key, missing, false)
    },
    [load]
  )

  return { current: cache.key === key ? cache : null, requestRange }
}

type PageResult = Awaited<ReturnType<typeof fetchPage>>

/** The cache with fetched pages added (or, with `replace`, instead of those it held). */
function withPages(
  previous: PageCache,
  forKey: string,
  pages: number[],
  results: PageResult[],
  replace: boolean
): PageCache {
  const base = previous.key === forKey && !replace ? previous.pages : emptyPages
  const next = new Map(base)
  let total = previous.key === forKey ? previous.total : null
  for (const [index, result] of results.entries()) {
    if (!result.ok) return { key: forKey, total, pages: next, error: result.error }
    next.set(pages[index], result.value.items)
    total = result.value.total
  }
  return { key: forKey, total, pages: next, error: null }
}

/** The rows shown: the loaded pages less the articles hidden while their delete can be undone. */
function useShownRows(
  pages: Map<number, ArticleSummary[]>,
  hiddenIds: ReadonlySet<number>
): Pick<ArticlePages, 'itemAt' | 'indexOf'> & {
  hiddenCount: number
  rawIndex(index: number): number
} {
  // Hidden rows are skipped by index: the sorted raw positions of hidden articles on loaded pages.
  const hiddenPositions = useMemo(() => {
    const positions: number[] = []
    if (hiddenIds.size === 0) return positions
    for (const [page, items] of pages) {
      items.forEach((item, index) => {
        if (hiddenIds.has(item.id)) positions.push(page * pageSize + index)
      })
    }
    return positions.sort((a, b) => a - b)
  }, [pages, hiddenIds])

  const rawIndex = useCallback(
    (index: number) => {
      let raw = index
      for (const position of hiddenPositions) if (position <= raw) raw++
      return raw
    },
    [hiddenPositions]
  )

  const itemAt = useCallback(
    (index: number) => {
      const raw = rawIndex(index)
      return pages.get(Math.floor(raw / pageSize))?.[raw % pageSize]
    },
    [pages, rawIndex]
  )

  const indexOf = useCallback(
    (id: number) => {
      for (const [page, items] of pages) {
        const found = items.findIndex((item) => item.id === id)
        if (found < 0 || hiddenIds.has(id)) continue
        const raw = page * pageSize + found
        return raw - hiddenPositions.filter((position) => position < raw).length
      }
      return -1
    },
    [pages, hiddenIds, hiddenPositions]
  )

  return { hiddenCount: hiddenPositions.length, rawIndex, itemAt, indexOf }
}
