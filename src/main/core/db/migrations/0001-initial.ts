import type { Migration } from '../migrate'

/** The first schema: the tables of DESIGN.md §2. Times are milliseconds since the epoch. */
const initialSchema = `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        url_key TEXT NOT NULL UNIQUE,
        canonical_url TEXT,
        title TEXT NOT NULL DEFAULT '',
        byline TEXT,
        site TEXT,
        site_name TEXT,
        lang TEXT,
        dir TEXT CHECK (dir IN ('ltr', 'rtl')),
        excerpt TEXT,
        lead_image_sha256 TEXT,
        keywords TEXT NOT NULL DEFAULT '[]',
        published_at INTEGER,
        saved_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        read_at INTEGER,
        state TEXT NOT NULL DEFAULT 'unread' CHECK (state IN ('unread', 'read', 'archived')),
        favorite INTEGER NOT NULL DEFAULT 0 CHECK (favorite IN (0, 1)),
        word_count INTEGER NOT NULL DEFAULT 0,
        reading_minutes INTEGER NOT NULL DEFAULT 0,
        reading_progress REAL NOT NULL DEFAULT 0,
        capture_status TEXT NOT NULL DEFAULT 'pending'
          CHECK (capture_status IN ('pending', 'ready', 'failed')),
        error_code TEXT,
        error_message TEXT
      );
      CREATE INDEX articles_by_saved ON articles (saved_at DESC, id DESC);
      CREATE INDEX articles_by_state ON articles (state, saved_at DESC);
      CREATE INDEX articles_by_site ON articles (site);

      CREATE TABLE article_contents (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        original_html BLOB,
        original_encoding TEXT,
        original_charset TEXT,
        content_html TEXT,
        text TEXT,
        extractor_version INTEGER,
        extracted_at INTEGER
      );

      CREATE TABLE assets (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE article_assets (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        source_url TEXT NOT NULL,
        sha256 TEXT REFERENCES assets (sha256),
        error TEXT,
        PRIMARY KEY (article_id, source_url)
      );
      CREATE INDEX article_assets_by_sha256 ON article_assets (sha256);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        stage TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        error_code TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_by_status ON jobs (status, next_attempt_at);

      CREATE TABLE search_state (
        key TEXT PRIMARY KEY,
        value BLOB
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
`

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(initialSchema)
  }
}
