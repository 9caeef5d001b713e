import type { Database } from 'better-sqlite3'

export interface ArticleFixture {
  url: string
  title?: string
  text?: string
  state?: 'unread' | 'read' | 'archived'
  favorite?: boolean
  savedAt?: number
}

/** Inserts a ready article with plain SQL, as a saved capture would leave it. */
export function insertArticle(db: Database, fixture: ArticleFixture): number {
  const now = fixture.savedAt ?? Date.now()
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO articles (url, url_key, title, site, saved_at, updated_at, state, favorite, capture_status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ready')`
    )
    .run(
      fixture.url,
      fixture.url,
      fixture.title ?? fixture.url,
      new URL(fixture.url).hostname,
      now,
      now,
      fixture.state ?? 'unread',
      fixture.favorite ? 1 : 0
    )
  const id = Number(lastInsertRowid)
  db.prepare('INSERT INTO article_contents (article_id, content_html, text) VALUES (?, ?, ?)').run(
    id,
    `<p>${fixture.text ?? ''}</p>`,
    fixture.text ?? ''
  )
  return id
}
