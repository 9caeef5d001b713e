import type { Database } from 'better-sqlite3'
import { FolioError } from '../../../shared/errors'
import type { TagEditResult } from '../../../shared/types'
import {
  articleIdsOfTags,
  deleteTagsById,
  findTag,
  mergeTagInto,
  moveTagNodes,
  normalizeTagName,
  setTagName,
  tagSubtree
} from './queries'
import type { TagRow } from './queries'
import { isWithin, tagKey } from '../../../shared/tags'
import { movedName, normalizeTagNames } from './names'
import { snapshotTags } from './undo'

/*
 * Writes to the tag tables. Each function expects to run inside one transaction (see index.ts,
 * which also re-indexes the articles they return and announces the change).
 */

type TagMoves = Omit<TagEditResult, 'undo'>

function noSuchTag(name: string): FolioError {
  return new FolioError('not_found', `There is no tag called "${name}" in this library.`)
}

export function createTag(
  db: Database,
  input: string
): { id: number; name: string; created: boolean } {
  const name = normalizeTagName(input)
  const existing = findTag(db, name)
  if (existing) return { id: existing.id, name: existing.name, created: false }
  const { lastInsertRowid } = db
    .prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)')
    .run(name, Date.now())
  return { id: Number(lastInsertRowid), name, created: true }
}

/**
 * Moves the tag `from` and everything beneath it to `to`: `a/x` becomes `b/x`. Where a moved
 * name is already taken by a tag outside the move, the two merge (its articles join that tag).
 * Case-only renames (`llm` → `LLM`) rename in place.
 */
function moveSubtree(db: Database, from: string, to: string): TagMoves {
  const moving = tagSubtree(db, from)
  if (moving.length === 0) throw noSuchTag(from)
  const movingIds = new Set(moving.map((row) => row.id))
  const targets = new Map(
    tagSubtree(db, to)
      .filter((row) => !movingIds.has(row.id))
      .map((row) => [tagKey(row.name), row])
  )
  // Merging into `ai/ml` from `AI/ML` keeps the spelling the library already has.
  const prefix = targets.get(tagKey(to))?.name ?? to
  const articles = articleIdsOfTags(db, [...movingIds])
  const plan = moving.map((row) => {
    const name = movedName(row.name, from, prefix)
    return { row, name, target: targets.get(tagKey(name)) }
  })
  for (const { row, target } of plan) if (target) mergeTagInto(db, row.id, target.id)
  if (targets.size === 0 && !isWithin(to, from) && !isWithin(from, to)) moveTagNodes(db, from, to)
  const renames = plan.filter((step) => !step.target)
  // Out of the way first: moving `a` to `a/b` renames `a/b` too, and names are unique. A leading
  // space marks a parked name: normalised names never start with one. Only a tag whose name
  // another takes is parked: each rename moves the tag's links in the stored counts.
  const takenBy = new Map(renames.map(({ row, name }) => [tagKey(name), row.id]))
  for (const { row } of renames) {
    const taker = takenBy.get(tagKey(row.name))
    if (taker !== undefined && taker !== row.id) setTagName(db, row.id, ` moving ${row.id}`)
  }
  for (const { row, name } of renames) setTagName(db, row.id, name)
  return {
    tags: plan.map(({ row, name, target }) => ({ from: row.name, to: target?.name ?? name })),
    articles
  }
}

export function renameTag(db: Database, fromInput: string, toInput: string): TagEditResult {
  const from = normalizeTagName(fromInput)
  const to = normalizeTagName(toInput)
  const undo = snapshotTags(db, [...tagSubtree(db, from), ...tagSubtree(db, to)])
  if (from === to) {
    if (undo.tags.length === 0) throw noSuchTag(from)
    return { tags: [], articles: [], undo }
  }
  return { ...moveSubtree(db, from, to), undo }
}

/** Merges each tag of `sources` (with what lies beneath it) into `into`, created when missing. */
export function mergeTags(db: Database, sourceInputs: string[], intoInput: string): TagEditResult {
  const into = normalizeTagName(intoInput)
  const named = normalizeTagNames(sourceInputs).filter((name) => tagKey(name) !== tagKey(into))
  // A source beneath another source moves with it.
  const sources = named.filter(
    (name) => !named.some((other) => other !== name && isWithin(name, other))
  )
  if (sources.length === 0) {
    throw new FolioError('invalid_input', `Name at least one tag to merge into "${into}".`)
  }
  const parentOfTarget = sources.find((source) => isWithin(into, source))
  if (parentOfTarget !== undefined) {
    throw new FolioError(
      'invalid_input',
      `"${into}" lies beneath "${parentOfTarget}", so "${parentOfTarget}" cannot merge into it.`
    )
  }
  const rows: TagRow[] = [...sources, into].flatMap((name) => tagSubtree(db, name))
  const undo = snapshotTags(db, rows)
  const moves = sources.map((source) => moveSubtree(db, source, into))
  const articles = [...new Set(moves.flatMap((move) => move.articles))].sort((a, b) => a - b)
  return { tags: moves.flatMap((move) => move.tags), articles, undo }
}

/**
 * Deletes a tag; the articles stay. With `withDescendants` everything beneath it goes too;
 * without, its children stay and the name lives on as their implicit parent.
 */
export function deleteTag(db: Database, input: string, withDescendants: boolean): TagEditResult {
  const name = normalizeTagName(input)
  const own = findTag(db, name)
  const rows = withDescendants ? tagSubtree(db, name) : own ? [own] : []
  if (rows.length === 0) throw noSuchTag(name)
  const undo = snapshotTags(db, rows)
  const ids = rows.map((row) => row.id)
  const articles = articleIdsOfTags(db, ids)
  deleteTagsById(db, ids)
  return { tags: rows.map((row) => ({ from: row.name, to: null })), articles, undo }
}
