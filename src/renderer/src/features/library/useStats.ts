import { useEffect, useState } from 'react'
import type { LibraryStats } from '../../../../shared/types'
import { api } from '../../api'
import type { Loadable } from '../../ui/loadable'

/** The library's counts, refreshed after changes. */
export function useStats(): Loadable<LibraryStats> {
  const [stats, setStats] = useState<Loadable<LibraryStats>>({ status: 'loading' })
  useEffect(() => {
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = (): void => {
      void api['library.stats']({}).then((result) => {
        if (!current) return
        setStats(
          result.ok
            ? { status: 'ready', value: result.value }
            : { status: 'error', error: result.error }
        )
      })
    }
    load()
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'job.progress' && event.job.status === 'running') return
      clearTimeout(timer)
      timer = setTimeout(load, 200)
    })
    return () => {
      current = false
      clearTimeout(timer)
      unsubscribe()
    }
  }, [])
  return stats
}
