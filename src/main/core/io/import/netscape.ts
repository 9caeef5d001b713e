import { cleanTitle, emptyItem, parseTime, splitTags } from './item'
import type { ImportRow } from './item'
import { htmlTokens, textUntil } from './html-tokens'

/** A folder name is one level of the tag path: a `/` inside it must not make two. */
function folderTag(name: string): string {
  return name.replace(/\//g, '-').trim()
}

/**
 * Netscape bookmarks (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`: Chrome, Firefox, Safari and Edge
 * exports): each `<DT><H3>` folder opens a `<DL>`, so the folders around a link become one
 * hierarchical tag `a/b` (as Karakeep and Linkwarden keep them), beside its own `TAGS="x,y"`
 * (Firefox, Pinboard). `ADD_DATE` is unix seconds.
 */
export function* netscapeRows(html: string): Generator<ImportRow> {
  const tokens = htmlTokens(html)
  const folders: (string | null)[] = []
  let pendingFolder: string | null = null
  let row = 0
  for (let next = tokens.next(); !next.done; next = tokens.next()) {
    const token = next.value
    if (token.type === 'open' && token.name === 'h3') {
      pendingFolder = folderTag(textUntil(tokens, 'h3')) || null
    } else if (token.type === 'open' && token.name === 'dl') {
      folders.push(pendingFolder)
      pendingFolder = null
    } else if (token.type === 'close' && token.name === 'dl') {
      folders.pop()
    } else if (token.type === 'open' && token.name === 'a' && token.attributes.href !== undefined) {
      row += 1
      const url = token.attributes.href.trim()
      const title = textUntil(tokens, 'a')
      if (!/^https?:/i.test(url)) {
        yield {
          row,
          url: url.slice(0, 200),
          error: `"${title || url.slice(0, 60)}" is not a web page (${url.split(':')[0]}:)`
        }
        continue
      }
      const item = emptyItem(url)
      item.title = cleanTitle(title, url)
      item.savedAt = parseTime(token.attributes.add_date)
      const path = folders.filter((name): name is string => name !== null).join('/')
      item.tags = [...(path ? [path] : []), ...splitTags(token.attributes.tags, ',')]
      yield { row, item }
    }
  }
}
