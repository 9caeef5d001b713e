import type { Database } from 'better-sqlite3'
import { openDatabase } from '../../../src/main/core/db/open'
import { insertArticle } from '../../helpers/articles'

/** A 64-hex-digit asset name made of one repeated digit. */
export const assetName = (digit: string): string => digit.repeat(64)

/**
 * A small library as capture leaves one, with what exports must carry: CJK and RTL titles, LaTeX
 * and CSV specials, a byline of two people, a site without a byline, hierarchical tags, an image.
 */
export function seedLibrary(dir: string): { ids: number[] } {
  const db = openDatabase(dir)
  try {
    return { ids: seed(db) }
  } finally {
    db.close()
  }
}

function seed(db: Database): number[] {
  const saved = Date.UTC(2025, 0, 2, 9, 30)
  const first = insertArticle(db, {
    url: 'https://example.com/a?x=1&y=2',
    title: 'Large models, "quoted" & 大模型 50% $5 #1 a_b',
    text: 'alpha beta',
    savedAt: saved
  })
  const second = insertArticle(db, {
    url: 'https://www.greenpeace.org/b',
    title: 'مرحبا بالعالم',
    text: 'gamma',
    savedAt: saved + 1000
  })
  const third = insertArticle(db, {
    url: 'https://blog.example.net/c',
    title: 'Plain',
    text: 'delta'
  })
  db.prepare(
    `UPDATE articles SET byline = 'Jane Doe and John Roe', site_name = 'Example Site', lang = 'zh',
       published_at = ?, excerpt = 'An excerpt, with "quotes"
and a line break.' WHERE id = ?`
  ).run(Date.UTC(2024, 2, 5), first)
  db.prepare(
    `UPDATE articles SET site_name = 'Greenpeace', lang = 'ar', dir = 'rtl' WHERE id = ?`
  ).run(second)
  db.exec(
    `INSERT INTO tags (name, created_at) VALUES ('research', 0), ('research/llm', 0), ('日本語', 0)`
  )
  const tag = (article: number, name: string): void => {
    db.prepare('INSERT INTO article_tags SELECT ?, id FROM tags WHERE name = ?').run(article, name)
  }
  tag(first, 'research/llm')
  tag(first, '日本語')
  tag(second, 'research')
  db.prepare(`INSERT INTO assets VALUES (?, 'image/png', 1, x'00', 0)`).run(assetName('a'))
  db.prepare(`INSERT INTO article_assets VALUES (?, 'https://example.com/i.png', ?, NULL)`).run(
    first,
    assetName('a')
  )
  db.prepare(`UPDATE article_contents SET content_html = ? WHERE article_id = ?`).run(
    `<p>alpha</p><img src="folio-asset://${assetName('a')}">`,
    first
  )
  return [first, second, third]
}
