import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import { useTempDirs } from '../helpers/temp'

const secret = 'Account 4711 of Ada Lovelace, seen only when signed in'

function renderedPage(title: string): string {
  const text = `${secret}. This page was rendered by the browser and sent to Folio as it was shown.`
  return `<html><head><title>${title}</title></head><body><article>${`<p>${text} ${text}</p>`.repeat(5)}</article></body></html>`
}

/** Job payloads that still hold the page's private text. */
function payloadsHolding(library: Library, text: string): number {
  return library.db
    .prepare('SELECT count(*) FROM jobs WHERE instr(payload, ?) > 0')
    .pluck()
    .get(text) as number
}

describe('what the job queue keeps of a saved page', () => {
  const tempDir = useTempDirs()
  let library: Library
  let engine: Engine

  function open(): void {
    library = openLibrary(join(tempDir(), 'library'))
    engine = createEngine(library, { log: () => {}, capture: { workers: 1 } })
  }

  afterEach(async () => {
    await engine?.close()
    library?.close()
  })

  it('drops a rendered page and a dropped file from their jobs once they are saved, keeping the labels', async () => {
    open()
    engine.start()
    const page = unwrap(
      await engine.call('capture.saveHtml', {
        url: 'https://bank.example/statement',
        html: renderedPage('Statement'),
        tags: []
      })
    )
    const file = unwrap(
      await engine.call('capture.saveFile', {
        name: 'statement.html',
        contentBase64: Buffer.from(renderedPage('Saved statement')).toString('base64'),
        tags: []
      })
    )
    const jobs = await engine.waitForJobs([page.jobId!, file.jobId!])
    expect(jobs.map((job) => [job.status, job.input])).toEqual([
      ['done', 'https://bank.example/statement'],
      ['done', 'statement.html']
    ])
    expect(payloadsHolding(library, secret)).toBe(0)
    expect(
      payloadsHolding(library, Buffer.from(renderedPage('Saved statement')).toString('base64'))
    ).toBe(0)
  })

  it('forgets the page a deleted article was waiting to save, and cancels its capture', async () => {
    open()
    const page = unwrap(
      await engine.call('capture.saveHtml', {
        url: 'https://bank.example/pending',
        html: renderedPage('Pending'),
        tags: []
      })
    )
    expect(payloadsHolding(library, secret)).toBe(1)
    unwrap(await engine.call('articles.delete', { ids: [page.articleId!] }))
    expect(payloadsHolding(library, secret)).toBe(0)
    const [job] = unwrap(await engine.call('jobs.list', {}))
    expect(job).toMatchObject({ status: 'cancelled', input: 'https://bank.example/pending' })
  })
})
