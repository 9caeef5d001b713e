/**
 * The few tags of an export page (bookmarks, Pocket's `ril_export.html`), read as a flat list of
 * tags and text. These pages are machine-written, flat and never scripted, so a tokenizer is
 * enough and reads 50 MiB of bookmarks in well under a second, where a DOM would hold it all.
 */
export type HtmlToken =
  | { type: 'open'; name: string; attributes: Record<string, string> }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string }

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0'
}

/** The character references exporters write: the five named ones, `&nbsp;` and numeric ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole
    }
    return namedEntities[name.toLowerCase()] ?? whole
  })
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  const pattern = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g
  for (const match of source.matchAll(pattern)) {
    attributes[match[1].toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

export function* htmlTokens(html: string): Generator<HtmlToken> {
  const pattern = /<!--[\s\S]*?-->|<!?(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
  let last = 0
  for (const match of html.matchAll(pattern)) {
    const index = match.index ?? 0
    if (index > last) yield { type: 'text', text: decodeEntities(html.slice(last, index)) }
    last = index + match[0].length
    if (match[2] === undefined) continue
    const name = match[2].toLowerCase()
    if (match[1] === '/') yield { type: 'close', name }
    else yield { type: 'open', name, attributes: parseAttributes(match[3]) }
  }
  if (last < html.length) yield { type: 'text', text: decodeEntities(html.slice(last)) }
}

/** The text up to the closing tag `name` (a link's or a heading's title). */
export function textUntil(tokens: Iterator<HtmlToken>, name: string): string {
  let text = ''
  for (let next = tokens.next(); !next.done; next = tokens.next()) {
    const token = next.value
    if (token.type === 'close' && token.name === name) break
    if (token.type === 'text') text += token.text
  }
  return text.replace(/\s+/gu, ' ').trim()
}
