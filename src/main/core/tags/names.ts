import { FolioError } from '../../../shared/errors'
import { tagKey, tagSeparator } from '../../../shared/tags'
import { maxTagNameLength, normalizeTagName } from './queries'

/** `research/llm/rag` → `['research', 'research/llm']`. */
export function ancestorNames(name: string): string[] {
  const parts = name.split(tagSeparator)
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join(tagSeparator))
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
