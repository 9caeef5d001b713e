/** RFC 4180 CSV into rows of fields (quoted fields, doubled quotes, CRLF or LF line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += character
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

export interface Bookmark {
  folder: string
  href: string
  title: string
  addDate: number
  tags: string
}

const unescapeHtml = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

/**
 * Netscape bookmarks as browsers read them: `<H3>` opens a folder whose `<DL>` holds its items,
 * `</DL>` closes it. Each link comes back with the folder path it sits in.
 */
export function parseNetscape(html: string): Bookmark[] {
  const bookmarks: Bookmark[] = []
  const path: string[] = []
  let pendingFolder: string | null = null
  let depth = 0
  const tokens = html.matchAll(/<H3[^>]*>([^<]*)<\/H3>|<DL>|<\/DL>|<A ([^>]*)>([^<]*)<\/A>/g)
  for (const [token, folder, attributes, title] of tokens) {
    if (folder !== undefined) pendingFolder = unescapeHtml(folder)
    else if (token === '<DL>') {
      depth += 1
      if (pendingFolder !== null) path.push(pendingFolder)
      pendingFolder = null
    } else if (token === '</DL>') {
      depth -= 1
      while (path.length > Math.max(depth - 1, 0)) path.pop()
    } else {
      const attribute = (name: string): string =>
        unescapeHtml(new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1] ?? '')
      bookmarks.push({
        folder: path.join('/'),
        href: attribute('HREF'),
        title: unescapeHtml(title),
        addDate: Number(attribute('ADD_DATE')),
        tags: attribute('TAGS')
      })
    }
  }
  return bookmarks
}
