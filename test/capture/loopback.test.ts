import { afterEach, describe, expect, it } from 'vitest'
import { fetchPage } from '../../src/main/core/capture/fetch'
import { loopbackLookup, lookupFromEnvironment } from '../../src/main/core/capture/loopback'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'

describe('FOLIO_NETWORK=loopback, which keeps tests and benchmarks on this machine', () => {
  let server: FixtureServer

  afterEach(async () => {
    await server?.close()
  })

  it('sends a request for any host name to 127.0.0.1 instead', async () => {
    server = await startFixtureServer({
      '/page': { headers: { 'content-type': 'text/html' }, body: '<html><body>here</body></html>' }
    })
    const port = new URL(server.origin).port
    const page = await fetchPage(`http://news.example.com:${port}/page`, { lookup: loopbackLookup })
    expect(new TextDecoder().decode(page.bytes)).toContain('here')
    expect(server.requests[0].headers.host).toBe(`news.example.com:${port}`)
  })

  it('is on only when the environment asks for it', () => {
    expect(lookupFromEnvironment({ FOLIO_NETWORK: 'loopback' })).toBe(loopbackLookup)
    expect(lookupFromEnvironment({})).toBeUndefined()
  })
})
