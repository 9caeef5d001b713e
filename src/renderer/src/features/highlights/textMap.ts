/**
 * The article's plain text as the engine builds it (src/main/core/capture/extract/text.ts,
 * `blockText`), with where each of its characters lies in the frame's DOM. Highlights are stored
 * as offsets into that text, so a selection becomes offsets here and offsets become DOM ranges
 * here; the two walks must agree character for character, or highlights land beside their words.
 */

const blockTags = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR ' +
    'UL CAPTION'
  ).split(' ')
)
const cellTags = new Set(['TD', 'TH'])
const skippedTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP'])

/** A place in the DOM: a text node and an offset in it. */
export interface TextPoint {
  node: Text
  offset: number
}

export interface TextMap {
  text: string
  /** For each character of `text`, its text node (index into `nodes`) and offset; -1: none. */
  nodeOf: Int32Array
  offsetOf: Int32Array
  nodes: Text[]
}

interface Raw {
  chars: string[]
  node: number[]
  offset: number[]
  nodes: Text[]
}

function push(raw: Raw, value: string, node = -1, offset = -1): void {
  raw.chars.push(value)
  raw.node.push(node)
  raw.offset.push(offset)
}

/** Each text character with its origin; whitespace runs collapse to their first character. */
function pushText(raw: Raw, text: Text, preformatted: boolean): void {
  const value = text.nodeValue ?? ''
  const index = raw.nodes.push(text) - 1
  for (let at = 0; at < value.length; at++) {
    if (!preformatted && /\s/.test(value[at])) {
      push(raw, ' ', index, at)
      while (at + 1 < value.length && /\s/.test(value[at + 1])) at++
    } else {
      push(raw, value[at], index, at)
    }
  }
}

function walk(parent: Node, raw: Raw, preformatted: boolean): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      pushText(raw, child as Text, preformatted)
      continue
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue
    const tag = (child as Element).tagName.toUpperCase()
    if (skippedTags.has(tag)) continue
    if (tag === 'BR') {
      push(raw, '\n')
    } else if (blockTags.has(tag)) {
      push(raw, '\n\n')
      walk(child, raw, preformatted || tag === 'PRE')
      push(raw, '\n\n')
    } else if (cellTags.has(tag)) {
      push(raw, '\t')
      walk(child, raw, preformatted)
      push(raw, '\t')
    } else {
      walk(child, raw, preformatted)
    }
  }
}

/** Collected output with its origins, then the same steps as `blockText` over both. */
class Output {
  text = ''
  node: number[] = []
  offset: number[] = []
  add(value: string, node: number, offset: number): void {
    this.text += value
    for (let index = 0; index < value.length; index++) {
      this.node.push(node)
      this.offset.push(offset)
    }
  }
}

/** A line of `blockText`: runs of spaces, tabs and no-break spaces as one, then trimmed. */
function addLine(out: Output, raw: string, node: number[], offset: number[]): boolean {
  const line = new Output()
  for (let at = 0; at < raw.length; at++) {
    if (/[ \t\u00a0]/.test(raw[at])) {
      line.add(' ', node[at], offset[at])
      while (at + 1 < raw.length && /[ \t\u00a0]/.test(raw[at + 1])) at++
    } else line.add(raw[at], node[at], offset[at])
  }
  const start = line.text.length - line.text.trimStart().length
  const end = line.text.trimEnd().length
  if (end <= start) return false
  out.text += line.text.slice(start, end)
  out.node.push(...line.node.slice(start, end))
  out.offset.push(...line.offset.slice(start, end))
  return true
}

/** The plain text of the frame's body, and where each character of it came from. */
export function buildTextMap(root: Node): TextMap {
  const raw: Raw = { chars: [], node: [], offset: [], nodes: [] }
  walk(root, raw, false)
  // One entry per character, markers spread over their characters, so indexes line up.
  const joined = new Output()
  raw.chars.forEach((value, index) => joined.add(value, raw.node[index], raw.offset[index]))
  const out = new Output()
  let blocks = 0
  for (const block of splitRanges(joined.text, /\n{2,}/g)) {
    const blockOut = new Output()
    let lines = 0
    for (const [start, end] of splitRanges(joined.text.slice(block[0], block[1]), /\n/g)) {
      const from = block[0] + start
      const to = block[0] + end
      const before = blockOut.text.length
      if (lines > 0) blockOut.add('\n', -1, -1)
      const slice = joined.text.slice(from, to)
      if (addLine(blockOut, slice, joined.node.slice(from, to), joined.offset.slice(from, to)))
        lines++
      else if (lines > 0) truncate(blockOut, before)
    }
    if (lines === 0) continue
    if (blocks++ > 0) out.add('\n\n', -1, -1)
    out.text += blockOut.text
    out.node.push(...blockOut.node)
    out.offset.push(...blockOut.offset)
  }
  return {
    text: out.text,
    nodeOf: Int32Array.from(out.node),
    offsetOf: Int32Array.from(out.offset),
    nodes: raw.nodes
  }
}

function truncate(out: Output, length: number): void {
  out.text = out.text.slice(0, length)
  out.node.length = length
  out.offset.length = length
}

/** The ranges between the matches of a separator, as `String.split` would cut them. */
function splitRanges(text: string, separator: RegExp): [number, number][] {
  const ranges: [number, number][] = []
  let start = 0
  for (const match of text.matchAll(separator)) {
    ranges.push([start, match.index])
    start = match.index + match[0].length
  }
  ranges.push([start, text.length])
  return ranges
}

/** The DOM place of a text offset: the character at it, or just after the one before it. */
export function pointAt(map: TextMap, offset: number, edge: 'start' | 'end'): TextPoint | null {
  if (edge === 'start') {
    for (let at = offset; at < map.text.length; at++) {
      if (map.nodeOf[at] >= 0) return { node: map.nodes[map.nodeOf[at]], offset: map.offsetOf[at] }
    }
    return null
  }
  for (let at = offset - 1; at >= 0; at--) {
    if (map.nodeOf[at] >= 0)
      return { node: map.nodes[map.nodeOf[at]], offset: map.offsetOf[at] + 1 }
  }
  return null
}

/**
 * The text offset of a DOM boundary (a selection's start or end): the first character at or after
 * it. Boundaries inside elements are moved to the text that follows them.
 */
export function offsetAt(map: TextMap, container: Node, offset: number): number {
  const { node, at } = textPointAfter(container, offset)
  if (!node) return map.text.length
  const index = map.nodes.indexOf(node)
  for (let position = 0; position < map.text.length; position++) {
    const candidate = map.nodeOf[position]
    if (candidate < 0) continue
    if (candidate > index || (candidate === index && map.offsetOf[position] >= at)) return position
  }
  return map.text.length
}

function textPointAfter(container: Node, offset: number): { node: Text | null; at: number } {
  if (container.nodeType === Node.TEXT_NODE) return { node: container as Text, at: offset }
  const document = container.ownerDocument ?? (container as Document)
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const child = container.childNodes[offset]
  if (child?.nodeType === Node.TEXT_NODE) return { node: child as Text, at: 0 }
  // The next text in document order: a child's own first text, else what follows it.
  let from: Node = child ?? container
  if (!child) while (from.lastChild) from = from.lastChild
  walker.currentNode = from
  return { node: walker.nextNode() as Text | null, at: 0 }
}
