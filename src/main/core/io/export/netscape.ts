import type { Database } from 'better-sqlite3'
import type { Exporter, TextSink } from './format'
import type { ExportRecord, Selection } from './records'
import { recordPages } from './records'

/** Text escaped for HTML content and double-quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!
  )
}

const seconds = (time: number): number => Math.floor(time / 1000)

function bookmarkHtml(record: ExportRecord, indent: string): string {
  const tagsHtml = record.tags.length > 0 ? ` TAGS="${escapeHtml(record.tags.join(','))}"` : ''
  const line =
    `${indent}<DT><A HREF="${escapeHtml(record.url)}" ADD_DATE="${seconds(record.savedAt)}"` +
    ` LAST_MODIFIED="${seconds(record.updatedAt)}"${tagsHtml}>${escapeHtml(record.title || record.url)}</A>\n`
  return record.excerpt ? `${line}${indent}<DD>${escapeHtml(record.excerpt)}\n` : line
}

/** The tree's nodes some selected article reaches, parents before children, by name. */
function reachedNodes(db: Database, selection: Selection): string[][] {
  const names = db
    .prepare(
      `SELECT n.name FROM tag_nodes n WHERE EXISTS (SELECT 1 FROM article_nodes an
         JOIN ${selection.table} s ON s.id = an.article_id WHERE an.node_id = n.id)`
    )
    .pluck()
    .all() as string[]
  const paths = names.map((name) => name.split('/'))
  return paths.sort((left, right) => {
    for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
      const order = left[index].localeCompare(right[index], undefined, { sensitivity: 'base' })
      if (order !== 0) return order
    }
    return left.length - right.length
  })
}

function* writeBookmarks(
  db: Database,
  selection: Selection,
  out: TextSink,
  filter: { sql: string; params: unknown[] },
  indent: string
): Generator<number> {
  for (const page of recordPages(db, selection, filter)) {
    out.write(page.map((record) => bookmarkHtml(record, indent)).join(''))
    yield page.length
  }
}

/**
 * Netscape bookmarks, the file every browser imports: each tag a folder (`research/llm` is a
 * folder `llm` in `research`), an article in the folder of each of its tags, untagged articles
 * at the top. Tags also ride along in `TAGS`, which Firefox and Pinboard-style importers read.
 */
export const exportNetscape: Exporter = function* (db, selection, out) {
  out.write(
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n' +
      '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->\n' +
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n' +
      '<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n'
  )
  let written = 0
  const open: string[] = []
  const indentOf = (depth: number): string => '    '.repeat(depth + 1)
  for (const path of reachedNodes(db, selection)) {
    while (open.length >= path.length) {
      open.pop()
      out.write(`${indentOf(open.length)}</DL><p>\n`)
    }
    out.write(`${indentOf(open.length)}<DT><H3>${escapeHtml(path[path.length - 1])}</H3>\n`)
    out.write(`${indentOf(open.length)}<DL><p>\n`)
    open.push(path[path.length - 1])
    const own = {
      sql: 'a.id IN (SELECT article_id FROM article_tags WHERE tag_id = (SELECT id FROM tags WHERE name = ?))',
      params: [path.join('/')]
    }
    for (const count of writeBookmarks(db, selection, out, own, indentOf(open.length))) {
      written += count
      yield written
    }
  }
  while (open.length > 0) {
    open.pop()
    out.write(`${indentOf(open.length)}</DL><p>\n`)
  }
  const untagged = {
    sql: 'NOT EXISTS (SELECT 1 FROM article_tags l WHERE l.article_id = a.id)',
    params: []
  }
  for (const count of writeBookmarks(db, selection, out, untagged, indentOf(0))) {
    written += count
    yield written
  }
  out.write('</DL><p>\n')
}
