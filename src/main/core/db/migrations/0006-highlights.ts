import type { Migration } from '../migrate'

/**
 * Highlights and notes (issue 14, DESIGN.md §2), frozen as text with this migration.
 *
 * - `highlights`: one row per highlight, anchored W3C Web Annotation style: the quoted text with
 *   about 32 characters of prefix and suffix (TextQuoteSelector) and its UTF-16 offsets in the
 *   article's plain text (TextPositionSelector). A highlight re-extraction cannot place again is
 *   kept as `orphaned` with its quote; its offsets then say where it was last placed, if ever.
 * - `articles.note`: one free Markdown note per article. A column, not a table: an article has
 *   at most one, it is read with the article, and adding a column with no default rewrites
 *   nothing (an O(1) schema change on a 100k-article library).
 * - `search_notes`: a third full-text table, one row per article that has highlights or a note
 *   (rowid = article id), holding the quotes and the notes in their own columns. Apart from the
 *   body's and the metadata's rows, so editing a note rewrites one small row and a tag rename
 *   never touches it; `in:highlights` searches it alone. The `*_chars` columns carry the same
 *   names as in the other tables, so the one MATCH expression fits all three.
 */
const highlightsSchema = `
      ALTER TABLE articles ADD COLUMN note TEXT;

      CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        color TEXT NOT NULL DEFAULT 'yellow'
          CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
        note TEXT,
        quote TEXT NOT NULL CHECK (length(quote) > 0),
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start_offset INTEGER,
        end_offset INTEGER,
        status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (status = 'orphaned' OR (start_offset IS NOT NULL AND end_offset IS NOT NULL
          AND start_offset >= 0 AND end_offset > start_offset))
      );
      CREATE INDEX highlights_by_article ON highlights (article_id, start_offset);
      CREATE INDEX highlights_by_created ON highlights (created_at DESC, id DESC);

      -- Even on a connection without foreign keys, a deleted article takes its highlights along.
      CREATE TRIGGER articles_delete_highlights BEFORE DELETE ON articles BEGIN
        DELETE FROM highlights WHERE article_id = OLD.id;
      END;

      CREATE VIRTUAL TABLE search_notes USING fts5(
        quotes, notes, title_chars, body_chars,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '.,'"
      );
`

export const migration0006: Migration = {
  version: 6,
  name: 'highlights',
  up(db) {
    db.exec(highlightsSchema)
  }
}
