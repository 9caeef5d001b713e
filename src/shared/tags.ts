/**
 * How tag names compare, the same on every side: the library's rules (SQLite's NOCASE), so the
 * interface groups, merges and refuses exactly what the core will.
 */

/** The separator that makes a hierarchy: `research/llm` lies beneath `research`. */
export const tagSeparator = '/'

/**
 * The key under which names compare: ASCII letters lower-cased and nothing else, exactly as
 * SQLite's NOCASE collation (and LIKE) compare them, so the tree groups what the database unites.
 */
export function tagKey(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
}

/** True when `name` is `parent` or lies beneath it (any ASCII case). */
export function isWithin(name: string, parent: string): boolean {
  const key = tagKey(name)
  const parentKey = tagKey(parent)
  return key === parentKey || key.startsWith(parentKey + tagSeparator)
}
