import type { Database } from 'better-sqlite3'
import { siteOf } from '../../../shared/web'
import { deleteUnusedAssets } from '../assets/queries'
import { addTagsToArticle } from '../tags/queries'
import type { ExtractedArticle } from './extract/extract'

/**
 * Everything a finished capture writes about one article: the extracted record (declared once,
 * in extract/), where its images went, and the page as fetched.
 */
export interface CapturedArticle extends Omit<ExtractedArticle, 'leadImageUrl' | 'images'> {
  /** The host without `www.`, from the page's final address. */
  site: string | null
  leadImageSha256: string | null
  extractorVersion: number
  /** The page as fetched, compressed, for re-extraction without the network. */
  original: { bytes: Uint8Array; encoding: 'br'; charset: string } | null
  /** The article's images; null keeps the ones stored before (re-extraction, no network). */
  images: {
    assets: { sha256: string; mime: string; size: number; bytes: Uint8Array; sourceUrl: string }[]
    failures: { sourceUrl: string; error: string }[]
  } | null
}

/**
 * The article row a capture fills in later, so the list shows the save at once. Saving a URL
 * the library has already refreshes that article: the same id, never a duplicate.
 */
export function upsertPendingArticle(
  db: Database,
  input: { url: string; urlKey: string; title?: string; tags?: string[] },
  now = Date.now()
): number {
  return db.transaction(() => {
    const site = siteOf(input.url)
    const row = db
      .prepare(
        `INSERT INTO articles (url, url_key, title, site, saved_at, updated_at, capture_status)
         VALUES (@url, @urlKey, @title, @site, @now, @now, 'pending')
         ON CONFLICT (url_key) DO UPDATE SET
           updated_at = @now,
           capture_status = CASE WHEN capture_status = 'ready' THEN 'ready' ELSE 'pending' END,
           error_code = NULL,
           error_message = NULL
         RETURNING id`
      )
      .get({ url: input.url, urlKey: input.urlKey, title: input.title ?? '', site, now }) as {
      id: number
    }
    if (input.tags && input.tags.length > 0) addTagsToArticle(db, row.id, input.tags)
    return row.id
  })()
}

/** Writes the article, its contents and its images in one transaction (write() indexes it). */
export function storeCapturedArticle(
  db: Database,
  articleId: number,
  article: CapturedArticle,
  now = Date.now()
): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE articles SET
         canonical_url = @canonicalUrl, title = @title, byline = @byline,
         site = coalesce(@site, site), site_name = @siteName, lang = @lang, dir = @dir,
         excerpt = @excerpt, published_at = @publishedAt, keywords = @keywords,
         word_count = @wordCount, reading_minutes = @readingMinutes,
         lead_image_sha256 = @leadImageSha256, updated_at = @now,
         capture_status = 'ready', error_code = NULL, error_message = NULL
       WHERE id = @id`
    ).run({
      id: articleId,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      byline: article.byline,
      site: article.site,
      siteName: article.siteName,
      lang: article.lang,
      dir: article.dir,
      excerpt: article.excerpt,
      publishedAt: article.publishedAt,
      keywords: JSON.stringify(article.keywords),
      wordCount: article.wordCount,
      readingMinutes: article.readingMinutes,
      leadImageSha256: article.leadImageSha256,
      now
    })
    writeContents(db, articleId, article, now)
    if (article.images) writeImages(db, articleId, article.images, now)
  })()
}

function writeContents(
  db: Database,
  articleId: number,
  article: CapturedArticle,
  now: number
): void {
  const original = article.original
  db.prepare(
    `INSERT INTO article_contents
       (article_id, original_html, original_encoding, original_charset, content_html, text, extractor_version, extracted_at)
     VALUES (@id, @originalHtml, @originalEncoding, @originalCharset, @contentHtml, @text, @version, @now)
     ON CONFLICT (article_id) DO UPDATE SET
       original_html = coalesce(excluded.original_html, original_html),
       original_encoding = coalesce(excluded.original_encoding, original_encoding),
       original_charset = coalesce(excluded.original_charset, original_charset),
       content_html = excluded.content_html, text = excluded.text,
       extractor_version = excluded.extractor_version, extracted_at = excluded.extracted_at`
  ).run({
    id: articleId,
    originalHtml: original ? Buffer.from(original.bytes) : null,
    originalEncoding: original?.encoding ?? null,
    originalCharset: original?.charset ?? null,
    contentHtml: article.contentHtml,
    text: article.text,
    version: article.extractorVersion,
    now
  })
}

function writeImages(
  db: Database,
  articleId: number,
  images: NonNullable<CapturedArticle['images']>,
  now: number
): void {
  db.prepare('DELETE FROM article_assets WHERE article_id = ?').run(articleId)
  const insertAsset = db.prepare(
    'INSERT OR IGNORE INTO assets (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const link = db.prepare(
    'INSERT OR REPLACE INTO article_assets (article_id, source_url, sha256, error) VALUES (?, ?, ?, ?)'
  )
  for (const asset of images.assets) {
    insertAsset.run(asset.sha256, asset.mime, asset.size, Buffer.from(asset.bytes), now)
    link.run(articleId, asset.sourceUrl, asset.sha256, null)
  }
  for (const failure of images.failures) link.run(articleId, failure.sourceUrl, null, failure.error)
  deleteUnusedAssets(db)
}

/**
 * Records why a capture failed. An article that already has a good copy keeps it (a failed
 * refresh loses nothing); a new one is marked failed so the list can show the reason.
 */
export function markCaptureFailed(
  db: Database,
  articleId: number,
  code: string,
  message: string,
  now = Date.now()
): void {
  db.prepare(
    `UPDATE articles SET
       capture_status = CASE WHEN capture_status = 'ready' THEN 'ready' ELSE 'failed' END,
       error_code = @code, error_message = @message, updated_at = @now
     WHERE id = @id`
  ).run({ id: articleId, code, message, now })
}

export interface StoredOriginal {
  url: string
  bytes: Buffer
  encoding: string | null
  charset: string | null
}

export function readOriginal(db: Database, articleId: number): StoredOriginal | null {
  const row = db
    .prepare(
      `SELECT a.url AS url, c.original_html AS bytes, c.original_encoding AS encoding, c.original_charset AS charset
       FROM articles a JOIN article_contents c ON c.article_id = a.id WHERE a.id = ?`
    )
    .get(articleId) as StoredOriginal | undefined
  return row && row.bytes ? row : null
}

/** True when the article has its original page stored (a capture that succeeded once). */
export function hasStoredPage(db: Database, articleId: number): boolean {
  return (
    db
      .prepare('SELECT original_html IS NOT NULL FROM article_contents WHERE article_id = ?')
      .pluck()
      .get(articleId) === 1
  )
}

/** Source URL → sha256 of the images an article has stored, for re-extraction offline. */
export function storedImages(db: Database, articleId: number): Map<string, string> {
  const rows = db
    .prepare(
      'SELECT source_url, sha256 FROM article_assets WHERE article_id = ? AND sha256 IS NOT NULL'
    )
    .all(articleId) as { source_url: string; sha256: string }[]
  return new Map(rows.map((row) => [row.source_url, row.sha256]))
}
