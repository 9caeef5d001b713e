import { FolioError } from '../../../shared/errors'
import { maxTagNameLength, normalizeTagName } from '../db/queries/tags'

/** The separator that makes a hierarchy: `research/llm` lies beneath `research`. */
export const tagSeparator = '/'

/**
 * The key under which names compare: ASCII letters lower-cased and nothing else, exactly as
 * SQLite's NOCASE collation (and LIKE) compare them, so the tree groups what the database unites.
 */
export function tagKey(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
}

/** `research/llm/rag` → `['research', 'research/llm']`. */
export function ancestorNames(name: string): string[] {
  const parts = name.split(tagSeparator)
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join(tagSeparator))
}

/** True when `name` is `parent` or lies beneath it (any ASCII case). */
export function isWithin(name: string, parent: string): boolean {
  const key = tagKey(name)
  const parentKey = tagKey(parent)
  return key === parentKey || key.startsWith(parentKey + tagSeparator)
}

/** The name `name` takes when the subtree at `from` moves to `to`. */
export function movedName(name: string, from: string, to: string): string {
  const moved = to + name.slice(from.length)
  if (moved.length > maxTagNameLength) {
    throw new FolioError(
      'invalid_input',
      `Renaming "${from}" to "${to}" would make "${name}" ${moved.length} characters long; ` +
        `names can have up to ${maxTagNameLength}. Choose a shorter name.`
    )
  }
  return moved
}

/** Normalises many names, dropping repeats that differ only in ASCII case. */
export function normalizeTagNames(names: string[]): string[] {
  const seen = new Map<string, string>()
  for (const name of names.map(normalizeTagName)) {
    if (!seen.has(tagKey(name))) seen.set(tagKey(name), name)
  }
  return [...seen.values()]
}
