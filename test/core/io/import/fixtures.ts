import { createWriteStream } from 'node:fs'
import yazl from 'yazl'

/**
 * Export files built from the shapes in import-formats.md, with what real libraries hold:
 * non-ASCII and CJK titles and tags, commas and quotes, old items whose title is their URL.
 */

export interface PocketRow {
  title: string
  url: string
  /** Unix seconds. */
  timeAdded: number
  tags: string[]
  status: 'unread' | 'archive'
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',')
}

/** Pocket's `part_*.csv`; `cursor: false` writes the header some exports have, without it. */
export function pocketCsv(
  rows: PocketRow[],
  options: { cursor?: boolean; eol?: string } = {}
): string {
  const cursor = options.cursor ?? true
  const eol = options.eol ?? '\n'
  const header = cursor
    ? 'title,url,time_added,cursor,tags,status'
    : 'title,url,time_added,tags,status'
  const lines = rows.map((row, index) =>
    csvLine([
      row.title,
      row.url,
      String(row.timeAdded),
      ...(cursor ? [String(1000 + index)] : []),
      row.tags.join('|'),
      row.status
    ])
  )
  return [header, ...lines].join(eol) + eol
}

export interface PocketAnnotation {
  url: string
  title: string
  highlights: { quote: string; created_at: number | string }[]
}

export const pocketRows: PocketRow[] = [
  {
    title: 'Large models, "quoted" & 大模型',
    url: 'https://example.com/llm?utm_source=pocket_saves&id=7',
    timeAdded: 1698568488,
    tags: ['opensource', 'withÄumlaut', 'with space', '日本語'],
    status: 'unread'
  },
  {
    title: '  Café   society  ',
    url: 'https://www.example.org/café',
    timeAdded: 1500000000,
    tags: [],
    status: 'archive'
  },
  {
    // Very old items have their URL as their title.
    title: 'http://old.example.net/page',
    url: 'http://old.example.net/page',
    timeAdded: 1300000000,
    tags: ['research/llm'],
    status: 'unread'
  }
]

export const pocketAnnotations: PocketAnnotation[] = [
  {
    url: 'https://example.com/llm?id=7',
    title: 'Large models',
    highlights: [
      { quote: 'Attention is all you need, "mostly".', created_at: 1698569000 },
      { quote: '大規模言語モデル', created_at: '2023-10-29 10:00:00' }
    ]
  }
]

/** Writes a ZIP of `entries` (name → text or bytes) with yazl, as Pocket's mail delivered it. */
export function writeZip(path: string, entries: Record<string, string | Buffer>): Promise<void> {
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(typeof content === 'string' ? Buffer.from(content) : content, name)
  }
  zip.end()
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path)
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject)
  })
}

/** Instapaper's CSV, newest first; `newHeader` adds Timestamp and Tags (since 2025-11-20). */
export function instapaperCsv(
  rows: {
    url: string
    title: string
    selection: string
    folder: string
    timestamp?: number
    tags?: string[]
  }[],
  newHeader: boolean
): string {
  const header = newHeader
    ? 'URL,Title,Selection,Folder,Timestamp,Tags'
    : 'URL,Title,Selection,Folder'
  const lines = rows.map((row) =>
    csvLine([
      row.url,
      row.title,
      row.selection,
      row.folder,
      ...(newHeader ? [String(row.timestamp ?? ''), JSON.stringify(row.tags ?? [])] : [])
    ])
  )
  return [header, ...lines].join('\r\n') + '\r\n'
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export interface Bookmark {
  url: string
  title: string
  addDate: number
  tags?: string
}

export interface Folder {
  name: string
  children: (Bookmark | Folder)[]
}

function bookmarkLines(children: (Bookmark | Folder)[], depth: number): string[] {
  const pad = '    '.repeat(depth)
  return children.flatMap((child) =>
    'children' in child
      ? [
          `${pad}<DT><H3 ADD_DATE="1600000000" LAST_MODIFIED="1600000001">${escapeHtml(child.name)}</H3>`,
          `${pad}<DL><p>`,
          ...bookmarkLines(child.children, depth + 1),
          `${pad}</DL><p>`
        ]
      : [
          `${pad}<DT><A HREF="${escapeHtml(child.url)}" ADD_DATE="${child.addDate}"${
            child.tags ? ` TAGS="${escapeHtml(child.tags)}"` : ''
          }>${escapeHtml(child.title)}</A>`
        ]
  )
}

/** A Netscape bookmarks file as Chrome and Firefox write it. */
export function netscapeHtml(children: (Bookmark | Folder)[]): string {
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    ...bookmarkLines(children, 1),
    '</DL><p>',
    ''
  ].join('\n')
}

/** Pocket's legacy `ril_export.html`. */
export function pocketHtml(
  unread: { url: string; title: string; timeAdded: number; tags: string }[],
  archive: { url: string; title: string; timeAdded: number; tags: string }[]
): string {
  const items = (list: typeof unread): string =>
    list
      .map(
        (item) =>
          `<li><a href="${escapeHtml(item.url)}" time_added="${item.timeAdded}" tags="${escapeHtml(item.tags)}">${escapeHtml(item.title)}</a></li>`
      )
      .join('\n')
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>Pocket Export</title>
</head>
<body>
<h1>Unread</h1>
<ul>
${items(unread)}
</ul>

<h1>Read Archive</h1>
<ul>
${items(archive)}
</ul>
</body>
</html>`
}
