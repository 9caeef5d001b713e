import type { Migration } from '../migrate'

/** The full-text table as this migration made it (frozen: never the live search code's SQL). */
const createFtsTableSql = `
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, byline, site, body, title_chars, body_chars,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '.,'"
  )`

/**
 * The SQL that lists `name` and the name of every tag above it (`a/b/c` → `a/b/c`, `a/b`, `a`):
 * the `/` positions come from `tag_name_positions`, because a trigger cannot use a recursive CTE.
 */
function namesAbove(name: string): string {
  return `SELECT ${name} UNION SELECT substr(${name}, 1, n - 1) FROM tag_name_positions
    WHERE n <= length(${name}) AND substr(${name}, n, 1) = '/'`
}

/** Ids of the nodes of `name` and of the names above it. */
const nodesOfName = (name: string): string =>
  `SELECT id FROM tag_nodes WHERE name IN (${namesAbove(name)})`

/** Ids of the nodes a tag's stored closure reaches. */
const nodesOfTag = (tagId: string): string =>
  `SELECT node_id FROM tag_ancestors WHERE tag_id = ${tagId}`

/** Articles linked to the tag with this id. */
const articlesOf = (tagId: string): string =>
  `SELECT article_id FROM article_tags WHERE tag_id = ${tagId}`

/** Each of `articles` reaches each of `nodes` through one more tag. */
function addLinks(nodes: string, articles: string): string {
  return `INSERT INTO article_nodes (node_id, article_id, links)
    SELECT node.id, linked.article_id, 1 FROM tag_nodes node, (${articles}) linked
    WHERE node.id IN (${nodes})
    ON CONFLICT DO UPDATE SET links = links + 1;`
}

/** The reverse of addLinks; a node an article no longer reaches loses it. */
function removeLinks(nodes: string, articles: string): string {
  const scope = `node_id IN (${nodes}) AND article_id IN (${articles})`
  return `UPDATE article_nodes SET links = links - 1 WHERE ${scope};
    DELETE FROM article_nodes WHERE links = 0 AND ${scope};`
}

/** Gives a tag the closure of its name, creating the nodes missing. */
const addClosure = (tag: string): string => `
  INSERT OR IGNORE INTO tag_nodes (name) ${namesAbove(`${tag}.name`)};
  INSERT INTO tag_ancestors (tag_id, node_id)
    SELECT ${tag}.id, id FROM (${nodesOfName(`${tag}.name`)});`

/** Deletes the nodes of `name` and the names above it that no tag reaches any more. */
const dropUnusedNodes = (name: string): string => `
  DELETE FROM tag_nodes WHERE name IN (${namesAbove(name)})
    AND NOT EXISTS (SELECT 1 FROM tag_ancestors WHERE node_id = tag_nodes.id);`

const linkAdded = (link: string): string => `
  UPDATE tags SET article_count = article_count + 1 WHERE id = ${link}.tag_id;
  ${addLinks(nodesOfTag(`${link}.tag_id`), `SELECT ${link}.article_id AS article_id`)}`

const linkRemoved = (link: string): string => `
  UPDATE tags SET article_count = article_count - 1 WHERE id = ${link}.tag_id;
  ${removeLinks(nodesOfTag(`${link}.tag_id`), `SELECT ${link}.article_id`)}`

/**
 * A renamed tag's articles leave the nodes only its old name reached and join those only its new
 * name reaches; the nodes both share (the parents of a tag moved within them, or the nodes a
 * subtree's move renamed in place, see moveTagNodes) keep their rows untouched.
 */
const tagRenamed = `
  INSERT OR IGNORE INTO tag_nodes (name) ${namesAbove('NEW.name')};
  ${removeLinks(
    `${nodesOfTag('OLD.id')} AND node_id NOT IN (${nodesOfName('NEW.name')})`,
    articlesOf('OLD.id')
  )}
  ${addLinks(
    `${nodesOfName('NEW.name')} AND id NOT IN (${nodesOfTag('OLD.id')})`,
    articlesOf('NEW.id')
  )}
  DELETE FROM tag_ancestors WHERE tag_id = OLD.id;
  ${addClosure('NEW')}
  ${dropUnusedNodes('OLD.name')}`

/**
 * Stored tag counts, kept by triggers in the same transaction as every change to `tags`,
 * `article_tags` and `articles`, whoever makes it (the tag operations, capture, article deletion,
 * another process), so listing the tree never recounts links:
 *
 * - `tags.article_count`: the tag's own links.
 * - `tag_nodes`: every node of the tree (each tag's name and the names above it, which need not be
 *   tags) with `total`, the articles carrying a tag at or beneath it.
 * - `tag_ancestors`: each tag with the nodes of its name and the names above it.
 * - `article_nodes`: for each node, the articles that reach it and through how many of their tags,
 *   so an article tagged `a/b` and `a/c` counts once for `a`, and still once after losing `a/b`.
 *
 * Also takes the tags out of the body's full-text table: a tag change rewrote whole bodies there.
 * Tags stay in the small `search_meta` table; `search_fts` is made again without them and empty,
 * and the missing index version makes the first search rebuild it with progress
 * (ensureIndexCurrent, `index.progress` events), as after a tokenizer change.
 */
/** The tables and triggers that keep the counts, as text (frozen with this migration). */
const countsSchema = `
      CREATE TABLE tag_name_positions (n INTEGER PRIMARY KEY);
      ALTER TABLE tags ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE tag_nodes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        total INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE tag_ancestors (
        tag_id INTEGER NOT NULL,
        node_id INTEGER NOT NULL,
        PRIMARY KEY (tag_id, node_id)
      ) WITHOUT ROWID;
      CREATE INDEX tag_ancestors_by_node ON tag_ancestors (node_id);
      CREATE TABLE article_nodes (
        node_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        links INTEGER NOT NULL,
        PRIMARY KEY (node_id, article_id)
      ) WITHOUT ROWID;
`

/** Fills the counts from the tags and links there are, then keeps them with triggers. */
const countsFilledAndKept = `
      INSERT OR IGNORE INTO tag_nodes (name)
        SELECT name FROM tags
        UNION SELECT substr(t.name, 1, p.n - 1) FROM tags t JOIN tag_name_positions p
          ON p.n <= length(t.name) AND substr(t.name, p.n, 1) = '/';
      INSERT OR IGNORE INTO tag_ancestors (tag_id, node_id)
        SELECT above.id, node.id FROM (
          SELECT id, name FROM tags
          UNION ALL SELECT t.id, substr(t.name, 1, p.n - 1) FROM tags t JOIN tag_name_positions p
            ON p.n <= length(t.name) AND substr(t.name, p.n, 1) = '/'
        ) above JOIN tag_nodes node ON node.name = above.name COLLATE NOCASE;
      UPDATE tags SET article_count = (SELECT count(*) FROM article_tags WHERE tag_id = tags.id);
      INSERT INTO article_nodes (node_id, article_id, links)
        SELECT closure.node_id, link.article_id, count(*)
        FROM article_tags link JOIN tag_ancestors closure ON closure.tag_id = link.tag_id
        GROUP BY closure.node_id, link.article_id;
      UPDATE tag_nodes SET total = (SELECT count(*) FROM article_nodes WHERE node_id = tag_nodes.id);

      CREATE TRIGGER article_nodes_insert AFTER INSERT ON article_nodes BEGIN
        UPDATE tag_nodes SET total = total + 1 WHERE id = NEW.node_id;
      END;
      CREATE TRIGGER article_nodes_delete AFTER DELETE ON article_nodes BEGIN
        UPDATE tag_nodes SET total = total - 1 WHERE id = OLD.node_id;
      END;

      CREATE TRIGGER article_tags_insert AFTER INSERT ON article_tags BEGIN
        ${linkAdded('NEW')}
      END;
      CREATE TRIGGER article_tags_delete AFTER DELETE ON article_tags BEGIN
        ${linkRemoved('OLD')}
      END;
      CREATE TRIGGER article_tags_update AFTER UPDATE ON article_tags BEGIN
        ${linkRemoved('OLD')}
        ${linkAdded('NEW')}
      END;

      CREATE TRIGGER tags_insert AFTER INSERT ON tags BEGIN
        ${addClosure('NEW')}
      END;
      -- Links first, while the tag's closure still says which nodes they reach.
      CREATE TRIGGER tags_delete BEFORE DELETE ON tags BEGIN
        DELETE FROM article_tags WHERE tag_id = OLD.id;
        DELETE FROM tag_ancestors WHERE tag_id = OLD.id;
        ${dropUnusedNodes('OLD.name')}
      END;
      CREATE TRIGGER tags_rename AFTER UPDATE OF name ON tags
        WHEN OLD.name <> NEW.name COLLATE NOCASE BEGIN
        ${tagRenamed}
      END;

      -- Even on a connection without foreign keys, a deleted article takes its links along.
      CREATE TRIGGER articles_delete_tags BEFORE DELETE ON articles BEGIN
        DELETE FROM article_tags WHERE article_id = OLD.id;
      END;
`

export const migration0004: Migration = {
  version: 4,
  name: 'tag-counts',
  up(db) {
    db.exec(countsSchema)
    // Names have up to 200 characters (maxTagNameLength); the rest is room to spare.
    const position = db.prepare('INSERT INTO tag_name_positions (n) VALUES (?)')
    for (let n = 1; n <= 1000; n += 1) position.run(n)

    db.exec(countsFilledAndKept)
    // Migration 0002 makes the table without tags, so only a library that ran a development
    // version of 0002 has the tags column to drop.
    const hasTags = db
      .prepare(`SELECT 1 FROM pragma_table_info('search_fts') WHERE name = 'tags'`)
      .get()
    if (hasTags) {
      db.exec(`
        DROP TABLE search_fts;
        ${createFtsTableSql};
        DELETE FROM search_state WHERE key = 'fts_index_version';
      `)
    }
  }
}
