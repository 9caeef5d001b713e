import { z } from 'zod'
import { cleanTitle, emptyItem, ImportFileError, parseTime } from './item'
import type { ImportRow } from './item'

const numberOrText = z.union([z.string(), z.number()])

/**
 * One item of a Pocket API v3 dump (`{"list": {"<item_id>": {...}}}`, import-formats.md): the
 * only Pocket format that says which items were favourites. `annotations` appear in some dumps.
 */
const pocketItem = z.object({
  given_url: z.string().optional(),
  resolved_url: z.string().optional(),
  given_title: z.string().optional(),
  resolved_title: z.string().optional(),
  favorite: numberOrText.optional(),
  status: numberOrText.optional(),
  time_added: numberOrText.optional(),
  tags: z.record(z.string(), z.unknown()).optional(),
  annotations: z
    .array(z.object({ quote: z.string(), created_at: numberOrText.nullish() }))
    .optional()
})

/** True when the head of a JSON file looks like a Pocket API dump. */
export function looksLikePocketJson(head: string): boolean {
  return (
    /^\s*\{/.test(head) &&
    /"list"\s*:\s*[{[]/.test(head) &&
    /"(given|resolved)_url"|"list"\s*:\s*\[\s*\]/.test(head)
  )
}

function itemRow(id: string, value: unknown, row: number, label: string): ImportRow {
  const parsed = pocketItem.safeParse(value)
  const rawUrl = (value as { given_url?: unknown })?.given_url
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const url = typeof rawUrl === 'string' ? rawUrl : null
    return {
      row,
      url,
      error: `${label} item ${id}: ${issue.path.join('.') || 'the item'}: ${issue.message}`
    }
  }
  const entry = parsed.data
  const url = (entry.given_url || entry.resolved_url || '').trim()
  if (url === '') return { row, url: null, error: `${label} item ${id} has no URL` }
  // Status 2 is an item deleted in Pocket that the API still listed.
  if (String(entry.status) === '2')
    return { row, url, error: `${label} item ${id} was deleted in Pocket` }
  const item = emptyItem(url)
  item.title = cleanTitle(entry.given_title || entry.resolved_title, url)
  item.savedAt = parseTime(entry.time_added)
  item.state = String(entry.status) === '1' ? 'archived' : 'unread'
  item.favorite = String(entry.favorite) === '1'
  item.tags = Object.keys(entry.tags ?? {})
  item.highlights = (entry.annotations ?? []).map((annotation) => ({
    quote: annotation.quote,
    createdAt: parseTime(annotation.created_at)
  }))
  return { row, item }
}

/** The items of a Pocket API dump, in the dump's order, each checked on its own. */
export function* pocketJsonRows(text: string, label: string): Generator<ImportRow> {
  let dump: unknown
  try {
    dump = JSON.parse(text)
  } catch (error) {
    throw new ImportFileError(`${label} is not valid JSON (${(error as Error).message}).`)
  }
  const list = (dump as { list?: unknown })?.list
  if (Array.isArray(list) && list.length === 0) return
  if (typeof list !== 'object' || list === null || Array.isArray(list)) {
    throw new ImportFileError(
      `${label} has no "list" object of items: it is not a Pocket API dump.`
    )
  }
  let row = 0
  for (const [id, value] of Object.entries(list)) yield itemRow(id, value, (row += 1), label)
}
