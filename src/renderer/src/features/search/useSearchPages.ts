import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorInfo } from '../../../../shared/errors'
import type { SearchHit } from '../../../../shared/types'
import { api } from '../../api'

/** Hits fetched per request (the operation allows 200). */
const pageSize = 100
/** The deepest offset `search.query` accepts; nobody pages further through one search. */
const maxOffset = 10_000
/** Typing pauses shorter than this do not start a search. */
const typingDelayMs = 120

export interface SearchPages {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ErrorInfo | null
  count: number
  /** "1,000+" when the engine stopped counting. */
  totalLabel: string
  ignored: string[]
  hitAt(index: number): SearchHit | undefined
  requestRange(start: number, end: number): void
}

interface Results {
  text: string
  total: number
  more: boolean
  ignored: string[]
  pages: Map<number, SearchHit[]>
  error: ErrorInfo | null
}

/** Search-as-you-type over the whole library, paged like the list as it scrolls. */
export function useSearchPages(text: string): SearchPages {
  const query = text.trim()
  const [results, setResults] = useState<Results | null>(null)
  const requested = useRef({ text: '', pages: new Set<number>() })

  const load = useCallback((forText: string, page: number) => {
    void api['search.query']({
      query: forText,
      limit: pageSize,
      offset: page * pageSize,
      asYouType: true
    }).then((result) => {
      if (requested.current.text !== forText) return
      setResults((previous) => {
        const base = previous?.text === forText ? previous : null
        if (!result.ok) {
          return {
            text: forText,
            total: 0,
            more: false,
            ignored: [],
            pages: new Map(),
            error: result.error
          }
        }
        const pages = new Map(base?.pages)
        pages.set(page, result.value.items)
        return {
          text: forText,
          total: result.value.total,
          more: result.value.totalIsLowerBound,
          ignored: result.value.ignored,
          pages,
          error: null
        }
      })
    })
  }, [])

  useEffect(() => {
    requested.current = { text: query, pages: new Set([0]) }
    if (!query) return
    const timer = setTimeout(() => load(query, 0), typingDelayMs)
    return () => clearTimeout(timer)
  }, [query, load])

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'articles.changed' || !requested.current.text) return
        requested.current.pages = new Set([0])
        load(requested.current.text, 0)
      }),
    [load]
  )

  const current = results?.text === query ? results : null
  const pages = current?.pages
  const count = Math.min(current?.total ?? 0, maxOffset)

  return {
    status: !query ? 'idle' : current?.error ? 'error' : current ? 'ready' : 'loading',
    error: current?.error ?? null,
    count,
    totalLabel: current?.more ? `${count.toLocaleString()}+` : count.toLocaleString(),
    ignored: current?.ignored ?? [],
    hitAt: (index) => pages?.get(Math.floor(index / pageSize))?.[index % pageSize],
    requestRange: (start, end) => {
      const state = requested.current
      for (let page = Math.floor(start / pageSize); page * pageSize < end; page++) {
        if (state.pages.has(page) || page * pageSize >= maxOffset) continue
        state.pages.add(page)
        load(state.text, page)
      }
    }
  }
}
