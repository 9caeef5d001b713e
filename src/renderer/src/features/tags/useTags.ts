import { useEffect, useState } from 'react'
import type { TagInfo } from '../../../../shared/types'
import { api } from '../../api'

/** The tag tree with counts, reloaded when tags or articles change. */
export function useTags(): TagInfo[] {
  const [tags, setTags] = useState<TagInfo[]>([])
  useEffect(() => {
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = (): void => {
      void api['tags.list']({}).then((result) => {
        if (current && result.ok) setTags(result.value)
      })
    }
    load()
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'job.progress') return
      clearTimeout(timer)
      timer = setTimeout(load, 300)
    })
    return () => {
      current = false
      clearTimeout(timer)
      unsubscribe()
    }
  }, [])
  return tags
}
