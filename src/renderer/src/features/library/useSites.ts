import { useEffect, useState } from 'react'
import type { SiteInfo } from '../../../../shared/types'
import { api } from '../../api'

/** The sites articles came from, most first, reloaded when articles change. */
export function useSites(): SiteInfo[] {
  const [sites, setSites] = useState<SiteInfo[]>([])
  useEffect(() => {
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = (): void => {
      void api['sites.list']({ limit: 200 }).then((result) => {
        if (current && result.ok) setSites(result.value)
      })
    }
    load()
    const unsubscribe = api.onEvent((event) => {
      if (event.type !== 'articles.changed') return
      clearTimeout(timer)
      timer = setTimeout(load, 500)
    })
    return () => {
      current = false
      clearTimeout(timer)
      unsubscribe()
    }
  }, [])
  return sites
}
