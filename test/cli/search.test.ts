import { afterEach, describe, expect, it } from 'vitest'
import { runFolio } from '../helpers/cli'
import { corpusPage } from '../helpers/corpus'
import { startFixtureServer } from '../helpers/http-server'
import type { FixtureServer } from '../helpers/http-server'
import { useTempDirs } from '../helpers/temp'

interface Hit {
  id: number
  title: string
  snippet: string
  highlights: [number, number][]
}

describe('folio search', () => {
  const tempDir = useTempDirs()
  let server: FixtureServer

  afterEach(async () => {
    await server?.close()
  })

  it('finds saved Chinese and English pages by words of two characters, phrases and filters, and forgets deleted ones', async () => {
    server = await startFixtureServer({
      '/zh': {
        headers: { 'content-type': 'text/html' },
        body: corpusPage('zh-gne/html/163/3.html.gz')
      },
      '/en': {
        headers: { 'content-type': 'text/html' },
        body: corpusPage('readability-testpages/pages/001/source.html.gz')
      }
    })
    const dir = tempDir()
    const saved = await runFolio([
      '--library',
      dir,
      'save',
      server.url('/zh'),
      server.url('/en'),
      '--json'
    ])
    expect(saved.code).toBe(0)
    const [chinese, english] = JSON.parse(saved.stdout) as { id: number; title: string }[]

    // Two characters of the Chinese title, as a reader would remember them.
    const run = /\p{Script=Han}{2,}/u.exec(chinese.title)![0]
    const word = [...run].slice(0, 2).join('')
    const found = await runFolio(['--library', dir, 'search', word, '--json'])
    expect(found.code).toBe(0)
    expect((JSON.parse(found.stdout) as Hit[]).map((hit) => hit.id)).toContain(chinese.id)

    const phrase = await runFolio(['--library', dir, 'search', '"code coverage"', '--json'])
    const hits = JSON.parse(phrase.stdout) as Hit[]
    expect(hits.map((hit) => hit.id)).toEqual([english.id])
    const [start, end] = hits[0].highlights[0]
    expect(hits[0].snippet.slice(start, end).toLowerCase()).toMatch(/code|coverage/)

    const filtered = await runFolio(['--library', dir, 'search', 'code', 'is:archived', '--json'])
    expect(JSON.parse(filtered.stdout)).toEqual([])

    await runFolio(['--library', dir, 'delete', String(english.id)])
    const gone = await runFolio(['--library', dir, 'search', '"code coverage"', '--json'])
    expect(JSON.parse(gone.stdout)).toEqual([])
  })

  it('explains a missing query with exit code 2', async () => {
    const run = await runFolio(['--library', tempDir(), 'search'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('search takes a query')
  })
})
