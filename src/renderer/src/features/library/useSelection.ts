import { useCallback, useState } from 'react'
import { api } from '../../api'
import type { Target } from './articleActions'
import type { ArticlePages } from './useArticlePages'
import type { ListQuery } from './query'

/** The most `articles.list` returns at once; selecting a whole view reads it in these pages. */
const listLimit = 1000

export interface Selection {
  selected: ReadonlyMap<number, Target>
  toggle(index: number): void
  /** Selects from the last toggled row to this one (shift-click). */
  extend(index: number): void
  selectAll(): Promise<void>
  clear(): void
}

/** Only what actions need: a selection of thousands stays small. */
export function targetOf(article: Target): Target {
  const { id, state, favorite, tags, title } = article
  return { id, state, favorite, tags, title }
}

/** Multi-select by row index, keeping what each action needs to undo itself. */
export function useSelection(pages: ArticlePages, query: ListQuery): Selection {
  const [selected, setSelected] = useState<ReadonlyMap<number, Target>>(() => new Map())
  const [anchor, setAnchor] = useState(0)

  const toggle = useCallback(
    (index: number) => {
      const article = pages.itemAt(index)
      if (!article) return
      setAnchor(index)
      setSelected((previous) => {
        const next = new Map(previous)
        if (next.has(article.id)) next.delete(article.id)
        else next.set(article.id, targetOf(article))
        return next
      })
    },
    [pages]
  )

  const extend = useCallback(
    (index: number) => {
      const [from, to] = anchor <= index ? [anchor, index] : [index, anchor]
      setSelected((previous) => {
        const next = new Map(previous)
        for (let row = from; row <= to; row++) {
          const article = pages.itemAt(row)
          if (article) next.set(article.id, targetOf(article))
        }
        return next
      })
    },
    [anchor, pages]
  )

  const selectAll = useCallback(async () => {
    const next = new Map<number, Target>()
    for (let offset = 0; ; offset += listLimit) {
      const result = await api['articles.list']({
        ...query.filter,
        sort: query.sort,
        order: query.order,
        limit: listLimit,
        offset
      })
      if (!result.ok) break
      for (const article of result.value.items) next.set(article.id, targetOf(article))
      if (result.value.items.length < listLimit) break
    }
    setSelected(next)
  }, [query])

  const clear = useCallback(() => setSelected(new Map()), [])

  return { selected, toggle, extend, selectAll, clear }
}
