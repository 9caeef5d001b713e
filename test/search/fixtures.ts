import type { Database } from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { openDatabase } from '../../src/main/core/db/open'
import type { Migration } from '../../src/main/core/db/migrate'
import { corpusDir } from '../helpers/corpus'

export interface FixtureArticle {
  url?: string
  title?: string
  byline?: string | null
  site?: string | null
  lang?: string | null
  text?: string | null
  tags?: string[]
  state?: 'unread' | 'read' | 'archived'
  favorite?: boolean
  savedAt?: number
  publishedAt?: number | null
}

export interface TemporaryLibrary {
  db: Database
  dir: string
  close(): void
}

export function openTemporaryLibrary(migrations?: readonly Migration[]): TemporaryLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'folio-search-'))
  const db = openDatabase(dir, migrations ? { migrations } : {})
  return {
    db,
    dir,
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

let urlCounter = 0

/** Inserts an article with plain SQL, as capture would store it; returns its id. */
export function insertArticle(db: Database, article: FixtureArticle): number {
  urlCounter += 1
  const url = article.url ?? `https://example.com/article-${urlCounter}`
  const savedAt = article.savedAt ?? Date.UTC(2024, 5, 1) + urlCounter
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO articles (url, url_key, title, byline, site, lang, state, favorite,
           saved_at, updated_at, published_at, capture_status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready')`
      )
      .run(
        url,
        `${url}#${urlCounter}`,
        article.title ?? '',
        article.byline ?? null,
        article.site ?? new URL(url).hostname,
        article.lang ?? null,
        article.state ?? 'unread',
        article.favorite ? 1 : 0,
        savedAt,
        savedAt,
        article.publishedAt ?? null
      )
    const id = Number(lastInsertRowid)
    db.prepare('INSERT INTO article_contents (article_id, text) VALUES (?, ?)').run(
      id,
      article.text ?? ''
    )
    for (const tag of article.tags ?? []) setTag(db, id, tag)
    return id
  })()
}

export function setTag(db: Database, articleId: number, name: string): void {
  db.prepare('INSERT OR IGNORE INTO tags (name, created_at) VALUES (?, ?)').run(name, Date.now())
  const { id } = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: number }
  db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)').run(
    articleId,
    id
  )
}

export function updateArticleText(db: Database, id: number, text: string): void {
  db.prepare('UPDATE article_contents SET text = ? WHERE article_id = ?').run(text, id)
  db.prepare('UPDATE articles SET updated_at = updated_at + 1 WHERE id = ?').run(id)
}

export function deleteArticle(db: Database, id: number): void {
  db.prepare('DELETE FROM articles WHERE id = ?').run(id)
}

const zhCorpus = `${corpusDir}zh-gne/html`

/** Crude visible text of a page: scripts, styles and tags removed, entities for spaces only. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

export interface RealPage {
  name: string
  title: string
  text: string
}

/** The UTF-8 Chinese news pages of the zh-gne corpus (GBK pages are skipped). */
export function chinesePages(limit = 30): RealPage[] {
  const pages: RealPage[] = []
  for (const site of readdirSync(zhCorpus).sort()) {
    for (const file of readdirSync(join(zhCorpus, site)).sort()) {
      if (!file.endsWith('.html.gz')) continue
      const html = gunzipSync(readFileSync(join(zhCorpus, site, file))).toString('utf8')
      if (html.includes('\ufffd')) continue
      const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? ''
      const text = visibleText(html)
      if (/\p{Script=Han}{200}/u.test(text.replace(/[^\p{Script=Han}]/gu, ''))) {
        pages.push({ name: `${site}/${file}`, title: visibleText(title), text })
      }
      if (pages.length >= limit) return pages
    }
  }
  return pages
}

const readabilityGroundTruth = `${corpusDir}readability-testpages/ground-truth.json`

/** The article text of a Readability test page (its expected output), e.g. `yahoo-4` (ja). */
export function readabilityText(name: string): string {
  const truth = JSON.parse(readFileSync(readabilityGroundTruth, 'utf8')) as Record<
    string,
    { articleBody: string }
  >
  return truth[name].articleBody.replace(/\s+/g, ' ').trim()
}
