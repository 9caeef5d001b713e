import { cleanTitle, emptyItem, parseTime, splitTags } from './item'
import type { ImportRow } from './item'
import { htmlTokens, textUntil } from './html-tokens'

/**
 * Pocket's legacy `ril_export.html`: `<h1>Unread</h1><ul><li><a href time_added tags>` then
 * `<h1>Read Archive</h1>`, tags comma-separated (notesnook-importer#185).
 */
export function* pocketHtmlRows(html: string): Generator<ImportRow> {
  const tokens = htmlTokens(html)
  let archived = false
  let row = 0
  for (let next = tokens.next(); !next.done; next = tokens.next()) {
    const token = next.value
    if (token.type === 'open' && token.name === 'h1') {
      archived = /archive/i.test(textUntil(tokens, 'h1'))
    } else if (token.type === 'open' && token.name === 'a' && token.attributes.href !== undefined) {
      row += 1
      const url = token.attributes.href.trim()
      const item = emptyItem(url)
      item.title = cleanTitle(textUntil(tokens, 'a'), url)
      item.savedAt = parseTime(token.attributes.time_added)
      item.tags = splitTags(token.attributes.tags, ',')
      item.state = archived ? 'archived' : 'unread'
      yield { row, item }
    }
  }
}
