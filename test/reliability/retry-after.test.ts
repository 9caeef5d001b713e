import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loopbackLookup } from '../../src/main/core/capture/loopback'
import { parseRetryAfter } from '../../src/main/core/capture/errors'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'
import { useTempDirs } from '../helpers/temp'

const page =
  '<html><head><title>Worth the wait</title></head><body><article>' +
  '<p>A page whose server asked Folio to come back a little later. </p>'.repeat(6) +
  '</article></body></html>'

describe('a server that answers 429 or 503 with Retry-After', () => {
  const tempDir = useTempDirs()
  let server: FixtureServer | undefined
  let library: Library | undefined
  let engine: Engine | undefined

  afterEach(async () => {
    await engine?.close()
    library?.close()
    await server?.close()
  })

  it.each([429, 503])(
    'is asked again only after the wait it gave (%i), then saved',
    async (status) => {
      const asked: number[] = []
      server = await startFixtureServer({
        '/busy': () => {
          asked.push(Date.now())
          return asked.length === 1
            ? { status, headers: { 'retry-after': '2' }, body: 'Come back later' }
            : { headers: { 'content-type': 'text/html' }, body: page }
        }
      })
      library = openLibrary(join(tempDir(), 'library'))
      // A backoff of 20 ms: only the server's Retry-After can make the second try wait.
      engine = createEngine(library, {
        log: () => {},
        queue: { retryBaseMs: 20 },
        capture: { lookup: loopbackLookup, workers: 1 }
      })
      engine.start()
      const { items } = unwrap(
        await engine.call('capture.save', { inputs: [server.url('/busy')], tags: [] })
      )
      const [job] = await engine.waitForJobs([items[0].jobId!])
      expect(job.status).toBe('done')
      expect(asked).toHaveLength(2)
      expect(asked[1] - asked[0]).toBeGreaterThanOrEqual(1900)
    }
  )

  it('reads Retry-After as seconds or a date, and waits at most 10 minutes', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('30', now)).toBe(30_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('86400', now)).toBe(600_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(undefined, now)).toBeNull()
  })
})
