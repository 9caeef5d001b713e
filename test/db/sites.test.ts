import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import { insertArticle } from '../helpers/articles'
import { useTempDirs } from '../helpers/temp'

describe('sites.list', () => {
  const tempDir = useTempDirs()

  it('lists the sites articles came from, most articles first, up to the limit', async () => {
    const library = openLibrary(tempDir())
    const core = createEngine(library)
    try {
      for (const url of [
        'https://a.example/1',
        'https://b.example/1',
        'https://b.example/2',
        'https://c.example/1',
        'https://c.example/2',
        'https://c.example/3'
      ]) {
        insertArticle(library.db, { url })
      }
      const all = await core.call('sites.list', {})
      expect(all).toEqual({
        ok: true,
        value: [
          { site: 'c.example', siteName: null, count: 3 },
          { site: 'b.example', siteName: null, count: 2 },
          { site: 'a.example', siteName: null, count: 1 }
        ]
      })
      const top = await core.call('sites.list', { limit: 1 })
      expect(top.ok && top.value.length).toBe(1)
    } finally {
      library.db.close()
    }
  })
})
