import type { Migration } from '../migrate'

/*
 * The full-text index of DESIGN.md §4, as it was made when this migration was released: the SQL
 * is frozen here as text, never imported from the live search code, so a later change there can
 * never change what this step does. The articles already saved are indexed after the library
 * opens, by a re-index job (the index version is not set yet, which is what asks for it).
 */
const tokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '.,'`

export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, byline, site, body, title_chars, body_chars,
        content = '', contentless_delete = 1,
        tokenize = "${tokenizer}"
      );
      CREATE VIRTUAL TABLE search_meta USING fts5(
        title, byline, site, tags, title_chars, body_chars,
        content = '', contentless_delete = 1, prefix = '1 2 3',
        tokenize = "${tokenizer}"
      );
      DELETE FROM search_state WHERE key = 'fts_index_version';
    `)
  }
}
