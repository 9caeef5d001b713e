import Database from 'better-sqlite3'
import type { Database as SqliteDatabase } from 'better-sqlite3'
import FlexSearch from 'flexsearch'
import type { Index as FlexIndex } from 'flexsearch'
import { rmSync, statSync } from 'node:fs'
import type { CorpusDocument } from './corpus'
import type { BenchQuery } from './queries'

/** What every engine under test answers: ranked ids for a query. */
export type Engine = (query: BenchQuery, limit: number) => number[]

/** FTS5 with its own unicode61 tokenizer over the raw text: no bigrams, no folding of ours. */
export function buildPlainFts(
  file: string,
  documents: CorpusDocument[]
): { engine: Engine; db: SqliteDatabase; sizeMb: number } {
  rmSync(file, { force: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec(
    `CREATE VIRTUAL TABLE plain USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 2')`
  )
  const insert = db.prepare('INSERT INTO plain (rowid, title, body) VALUES (?, ?, ?)')
  db.transaction(() =>
    documents.forEach((document) => insert.run(document.id, document.title, document.body))
  )()
  db.exec(`INSERT INTO plain (plain) VALUES ('optimize')`)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const select = db.prepare(
    'SELECT rowid AS id FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT ?'
  )
  const engine: Engine = (query, limit) => {
    const expression = plainExpression(query)
    if (!expression) return []
    try {
      return (select.all(expression, limit) as { id: number }[]).map((row) => row.id)
    } catch {
      return []
    }
  }
  return { engine, db, sizeMb: statSync(file).size / 2 ** 20 }
}

function plainExpression(query: BenchQuery): string {
  const text = query.text.replace(/^"|"$/g, '')
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replace(/"/g, '')}"`)
  if (query.text.startsWith('"')) return `"${text.replace(/"/g, '')}"`
  if (query.category === 'prefix') return words.map((word) => `${word}*`).join(' AND ')
  return words.join(' AND ')
}

/** FlexSearch with its default encoder over title and body, the stack's first idea. */
export function buildPlainFlexSearch(documents: CorpusDocument[]): Engine {
  const index: FlexIndex = new FlexSearch.Index()
  for (const document of documents) index.add(document.id, `${document.title}\n${document.body}`)
  return (query, limit) => {
    const text = query.text.replace(/"/g, '')
    return (index.search(text, { limit }) as number[]).map(Number)
  }
}
