import { openDatabase } from '../../../../src/main/core/db/open'
import { lookupFromEnvironment, openEngine } from '../../../../src/main/core/engine'
import type { ImportOptions } from '../../../../src/main/core/io/import/run'
import type { Article, Highlight, ImportReport, JobInfo } from '../../../../src/shared/types'

export interface Imported {
  job: JobInfo
  report: ImportReport | undefined
}

/** Runs one import through the engine, as the CLI does, on a real library in `dir`. */
export async function runImport(
  dir: string,
  path: string,
  input: { tags?: string[]; fetch?: boolean } = {},
  options: ImportOptions = {}
): Promise<Imported> {
  // Captures the import queues never reach the web: every name resolves to this machine.
  const lookup = lookupFromEnvironment({ FOLIO_NETWORK: 'loopback' })
  const engine = openEngine(dir, { import: options, capture: { lookup }, log: () => undefined })
  try {
    engine.start()
    const started = await engine.call('library.import', { path, fetch: false, ...input })
    if (!started.ok) throw new Error(started.error.message)
    const [job] = await engine.waitForJobs([started.value.jobId])
    return { job, report: job.result?.import }
  } finally {
    await engine.close()
  }
}

export interface StoredArticle extends Article {
  highlights: Highlight[]
}

/** Every article, oldest save first, with its highlights. */
export async function libraryArticles(dir: string): Promise<StoredArticle[]> {
  const engine = openEngine(dir, { log: () => undefined })
  try {
    const page = await engine.call('articles.list', { limit: 1000, sort: 'saved', order: 'asc' })
    if (!page.ok) throw new Error(page.error.message)
    const articles: StoredArticle[] = []
    for (const summary of page.value.items) {
      const article = await engine.call('articles.get', { id: summary.id })
      const highlights = await engine.call('highlights.list', { articleId: summary.id })
      if (!article.ok || !highlights.ok) throw new Error('article vanished')
      articles.push({ ...article.value, highlights: highlights.value.items })
    }
    return articles
  } finally {
    await engine.close()
  }
}

/** Every row a user could see change: articles, tags, links, highlights and capture jobs. */
export function dumpLibrary(dir: string): Record<string, unknown[]> {
  const db = openDatabase(dir)
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all()
    return {
      articles: all('SELECT * FROM articles ORDER BY id'),
      tags: all('SELECT id, name FROM tags ORDER BY id'),
      articleTags: all('SELECT * FROM article_tags ORDER BY article_id, tag_id'),
      highlights: all('SELECT * FROM highlights ORDER BY id'),
      captures: all("SELECT id, article_id, payload FROM jobs WHERE kind = 'capture' ORDER BY id")
    }
  } finally {
    db.close()
  }
}

/** The kept fields of an article, as an import round trip compares them. */
export function keptFields(article: StoredArticle): Record<string, unknown> {
  return {
    url: article.url,
    title: article.title,
    savedAt: article.savedAt,
    tags: [...article.tags].sort(),
    state: article.state,
    favorite: article.favorite,
    note: article.note,
    highlights: article.highlights.map((highlight) => ({
      quote: highlight.quote,
      status: highlight.status,
      createdAt: highlight.createdAt
    }))
  }
}
