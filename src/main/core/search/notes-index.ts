import type { Database } from 'better-sqlite3'
import { cachedStatement } from '../db/statements'
import { indexForms } from './tokenize'

/**
 * The third full-text table (migration 0006): per article, the quotes of its highlights and the
 * notes (its own and its highlights'), rowid = article id. Only articles with a highlight or a
 * note have a row. Apart from the body's row so a note edit rewrites this small row only, and a
 * tag rename never touches it; `in:highlights` searches it alone.
 */
export const notesTable = 'search_notes'

export const notesColumnWeights = [4, 2, 1, 1] as const

interface NotesSource {
  note: string | null
  quotes: string | null
  notes: string | null
}

/** The text of an article's row, or null when it has no highlight and no note. */
export function notesSource(db: Database, id: number): NotesSource | null {
  const row = cachedStatement(
    db,
    `SELECT a.note,
         (SELECT group_concat(quote, char(10)) FROM highlights WHERE article_id = a.id) AS quotes,
         (SELECT group_concat(note, char(10)) FROM highlights
           WHERE article_id = a.id AND note IS NOT NULL) AS notes
       FROM articles a WHERE a.id = ?`
  ).get(id) as NotesSource | undefined
  if (!row) return null
  if (!row.quotes && !row.notes && !row.note?.trim()) return null
  return row
}

/**
 * Removes an article's notes row if it has one. Most articles have none, and deleting a rowid
 * a contentless FTS5 table does not hold is not free (it is looked up in every segment), so the
 * row's size entry is asked first: one primary-key lookup.
 */
export function removeNotesRow(db: Database, id: number): void {
  const exists = cachedStatement(db, `SELECT 1 FROM ${notesTable}_docsize WHERE id = ?`).get(id)
  if (exists) cachedStatement(db, `DELETE FROM ${notesTable} WHERE rowid = ?`).run(id)
}

/** (Re)writes the notes row of one article, or removes it when there is nothing to hold. */
export function indexArticleNotes(db: Database, id: number): void {
  const source = notesSource(db, id)
  if (!source) {
    removeNotesRow(db, id)
    return
  }
  const quotes = indexForms(source.quotes)
  const notes = indexForms([source.note, source.notes].filter(Boolean).join('\n'))
  const characters = [quotes.characters, notes.characters].filter(Boolean).join(' ')
  cachedStatement(
    db,
    `INSERT OR REPLACE INTO ${notesTable} (rowid, quotes, notes, title_chars, body_chars)
     VALUES (?, ?, ?, '', ?)`
  ).run(id, quotes.tokens, notes.tokens, characters)
}

/** The plain text of an article's quotes and notes, for snippets of `in:highlights` hits. */
export function notesText(db: Database, id: number): string {
  const source = notesSource(db, id)
  if (!source) return ''
  return [source.quotes, source.notes, source.note].filter(Boolean).join('\n')
}
