import { afterEach, expect } from 'vitest'
import { decodeHtmlBytes } from '../../../src/main/core/capture/decode'
import { createEngine } from '../../../src/main/core/engine'
import type { Engine } from '../../../src/main/core/engine'
import { openLibrary } from '../../../src/main/core/library'
import type { Library } from '../../../src/main/core/library'
import type { OperationInput, OperationName, OperationOutput } from '../../../src/shared/contract'
import { unwrap } from '../../../src/shared/errors'
import type { Result } from '../../../src/shared/errors'
import { corpusPage } from '../../helpers/corpus'
import { useTempDirs } from '../../helpers/temp'

/** Real corpus pages: an English newspaper article and a Chinese news article. */
export const englishPage = {
  path: 'readability-testpages/pages/guardian-1/source.html.gz',
  url: 'https://www.theguardian.com/example/article'
}
export const chinesePage = { path: 'zh-gne/html/163/1.html.gz', url: 'https://news.163.com/a.html' }

export interface HighlightLibrary {
  engine: Engine
  library: Library
  /** Saves a corpus page as the browser would send it, waits for it, returns id and text. */
  save(page: { path: string; url: string }): Promise<{ id: number; text: string }>
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>>
  /** The error a call ends with (it must fail). */
  failure<K extends OperationName>(
    name: K,
    input: OperationInput<K>
  ): Promise<{ code: string; message: string }>
}

/** A real library in a temp dir with its engine running (one extraction worker). */
export function useHighlightLibrary(): () => HighlightLibrary {
  const tempDir = useTempDirs()
  const open: { engine: Engine; library: Library }[] = []
  afterEach(async () => {
    for (const { engine, library } of open.splice(0)) {
      await engine.close()
      library.close()
    }
  })
  return () => {
    const library = openLibrary(tempDir())
    const engine = createEngine(library, { log: () => {}, capture: { workers: 1 } })
    engine.start()
    open.push({ engine, library })
    const call = async <K extends OperationName>(name: K, input: OperationInput<K>) =>
      unwrap(await engine.call(name, input))
    return {
      engine,
      library,
      call,
      async failure(name, input) {
        const result = (await engine.call(name, input)) as Result<unknown>
        expect(result.ok).toBe(false)
        if (result.ok) throw new Error('expected a failure')
        return result.error
      },
      async save(page) {
        const html = decodeHtmlBytes(corpusPage(page.path)).html
        const saved = await call('capture.saveHtml', { url: page.url, html })
        const [job] = await engine.waitForJobs([saved.jobId!])
        expect(job.status).toBe('done')
        const article = await call('articles.get', { id: saved.articleId!, content: 'text' })
        return { id: article.id, text: article.text ?? '' }
      }
    }
  }
}
