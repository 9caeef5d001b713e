import type { Highlight } from '../../../../shared/contract/highlights'
import { buildTextMap, pointAt } from './textMap'
import type { TextMap } from './textMap'

/**
 * Highlights drawn into the script-less frame from outside: each highlighted piece of a text node
 * is wrapped in `<mark class="folio-highlight" data-color data-highlight-id>`. Overlapping
 * highlights split the text at every edge; each piece shows the highlight made last.
 */

/** Where a highlight lies in the text now: at its offsets when they still hold its quote. */
export function placeOf(text: string, highlight: Highlight): [number, number] | null {
  if (highlight.status !== 'anchored') return null
  const { start, end, quote } = highlight
  if (start !== null && end !== null && text.slice(start, end) === quote) return [start, end]
  // The engine re-anchors on re-extraction; until this frame has that text, find it by context.
  const withContext = text.indexOf(highlight.prefix + quote + highlight.suffix)
  if (withContext >= 0) {
    const from = withContext + highlight.prefix.length
    return [from, from + quote.length]
  }
  const alone = text.indexOf(quote)
  return alone >= 0 ? [alone, alone + quote.length] : null
}

/** Takes every drawn highlight out of the frame, leaving its text as it was. */
export function clearHighlights(body: HTMLElement): void {
  const parents = new Set<Node>()
  for (const mark of body.querySelectorAll('mark.folio-highlight')) {
    const parent = mark.parentNode
    if (!parent) continue
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark)
    parent.removeChild(mark)
    parents.add(parent)
  }
  for (const parent of parents) parent.normalize()
}

interface Piece {
  from: number
  to: number
  highlight: Highlight
}

/**
 * Draws the highlights (replacing any drawn before) and returns the ones that could not be placed
 * in this text, for the side panel's "could not be placed".
 */
export function drawHighlights(body: HTMLElement, highlights: Highlight[]): Highlight[] {
  clearHighlights(body)
  const map = buildTextMap(body)
  const unplaced: Highlight[] = []
  // Per text node, the pieces each highlight covers in it.
  const pieces = new Map<number, Piece[]>()
  const ordered = [...highlights].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
  for (const highlight of ordered) {
    const place = placeOf(map.text, highlight)
    if (!place) {
      unplaced.push(highlight)
      continue
    }
    for (const piece of piecesOf(map, place, highlight)) {
      const list = pieces.get(piece.node) ?? []
      list.push(piece)
      pieces.set(piece.node, list)
    }
  }
  for (const [node, list] of pieces) wrapPieces(map.nodes[node], list)
  return unplaced
}

/** The parts of each text node a text range covers. */
function piecesOf(
  map: TextMap,
  [start, end]: [number, number],
  highlight: Highlight
): (Piece & { node: number })[] {
  const result: (Piece & { node: number })[] = []
  let current: (Piece & { node: number }) | null = null
  for (let at = start; at < end; at++) {
    const node = map.nodeOf[at]
    if (node < 0) continue
    const offset = map.offsetOf[at]
    if (current && current.node === node) {
      current.to = offset + 1
    } else {
      current = { node, from: offset, to: offset + 1, highlight }
      result.push(current)
    }
  }
  if (result.length === 0 && pointAt(map, start, 'start') === null) return []
  return result
}

/** Splits a text node at every piece's edges and wraps each covered part in a mark. */
function wrapPieces(node: Text, pieces: Piece[]): void {
  const length = node.length
  const edges = new Set<number>([0, length])
  for (const piece of pieces) {
    edges.add(Math.min(piece.from, length))
    edges.add(Math.min(piece.to, length))
  }
  const sorted = [...edges].sort((a, b) => a - b)
  const document = node.ownerDocument
  // From the end, so the offsets before each split stay valid.
  for (let index = sorted.length - 2; index >= 0; index--) {
    const from = sorted[index]
    const to = sorted[index + 1]
    if (to <= from) continue
    const covering = pieces.filter((piece) => piece.from <= from && piece.to >= to)
    if (covering.length === 0) continue
    const top = covering[covering.length - 1].highlight
    const part = from > 0 ? node.splitText(from) : node
    if (to - from < part.length) part.splitText(to - from)
    const mark = document.createElement('mark')
    mark.className = 'folio-highlight'
    mark.dataset.color = top.color
    mark.dataset.highlightId = String(top.id)
    if (top.note) mark.dataset.note = ''
    part.parentNode?.insertBefore(mark, part)
    mark.appendChild(part)
  }
}

/** The CSS the frame needs for drawn highlights, per theme brightness. */
export function highlightCss(dark: boolean): string {
  const alpha = dark ? '45%' : '38%'
  const colors = {
    yellow: '#f5c518',
    green: '#5cc46a',
    blue: '#5aa9f0',
    pink: '#f06c9b',
    purple: '#a98bf0'
  }
  const rules = Object.entries(colors).map(
    ([name, value]) =>
      `mark.folio-highlight[data-color="${name}"]{background:color-mix(in srgb,${value} ${alpha},transparent)}`
  )
  return `mark.folio-highlight{color:inherit;border-radius:2px;cursor:pointer;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.folio-highlight[data-note]{text-decoration:underline dotted;text-underline-offset:3px}
mark.folio-highlight.folio-current{box-shadow:inset 0 -3px 0 var(--link)}
${rules.join('\n')}`
}
