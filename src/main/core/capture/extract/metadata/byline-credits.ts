/**
 * Authors named further down the page: credits in so many words ("Autor: …", "Text von …") and
 * signatures under the article.
 */
import { textOf } from '../dom'
import { labelWords } from './byline-clean'
import { labelOnly } from './byline-lines'
import { leadingName } from './byline-names'

// Credits anywhere in the page: "Autor: Peter Maahn/SP-X", "Autoren Jelko Djuren und Jutta
// Klaukien", "Text von Christian Seiler", "Redaktion: Eberhard Fuhr (Pressesprecher)".
const creditLine =
  /^(?:(?:autoren|autorin|autor|authors|author|auteurs|auteur|text|texte|redaktion|von|by)\s*[:：]|(?:autoren|autorin|autor|text von|texte de|verfasst von|geschrieben von|written by)\b\s*[:：]?)\s*(.+)$/i
// "von Andreas Kürten" alone on a short line.
const shortByLine = /^(?:von|by|par|por)\s+(.+)$/i
const shortLineLength = 40
const creditLineLength = 120
// "Von R. R. am 07.08.2013", "Submitted by rasos on 24 July 2017": a name dated as the post's.
const datedByLine = /^(?:von|by|par|por)\s+(.+?)\s+(?:am|on|le|el)\s+\d/i
// Drupal's and WordPress's "Gespeichert von rasos am 24. Juli 2017": an account name counts.
const submittedBy =
  /^(?:submitted by|gespeichert von|eingereicht von|erstellt von|posted by)\s+([\p{L}\d][\p{L}\d._-]{2,29})\s+(?:am|on|le|el)\s+\d/iu
// The date that opens a line of the post's details: "05.02.2020 - Redaktion: Eberhard Fuhr".
const leadingNumericDate = /^\d{1,2}\.\d{1,2}\.\d{2,4}\s*[-–|·•]?\s*/

/**
 * An author credited in so many words anywhere in the page, for pages that name the author only
 * at the end of the article. Only explicit labels count, and a name needs a first and last name;
 * `accept` passes over names that are not the author (the site's own name).
 */
export function creditedByline(
  text: string,
  accept: (name: string) => boolean = () => true
): string | null {
  const lines = text
    .replace(/\u00ad/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  for (const [index, fullLine] of lines.entries()) {
    if (fullLine.length > creditLineLength) continue
    const line = fullLine.replace(leadingNumericDate, '')
    const account = line.match(submittedBy)?.[1]
    if (account && !labelWords.test(account) && accept(account)) return account
    const rest =
      line.match(creditLine)?.[1] ??
      line.match(datedByLine)?.[1] ??
      (line.length <= shortLineLength ? line.match(shortByLine)?.[1] : undefined) ??
      (labelOnly.test(line) ? lines[index + 1] : undefined)
    const run = rest ? leadingName(rest) : null
    // "By The Planetary Press" near the top, "Written by: Julie Mollins" under the article.
    if (run && run.wordsPerPerson.every((count) => count >= 2) && accept(run.name)) return run.name
  }
  return null
}

const emphasisTags = new Set(['B', 'STRONG', 'I', 'EM'])

/** True when every text of a block sits inside bold or italic type. */
function allEmphasised(block: Element): boolean {
  const walk = (node: Node, emphasised: boolean): boolean => {
    if (node.nodeType === 3) return emphasised || !(node.textContent ?? '').trim()
    if (node.nodeType !== 1) return true
    const inner = emphasised || emphasisTags.has((node as Element).tagName)
    return Array.from(node.childNodes).every((child) => walk(child, inner))
  }
  return walk(block, false)
}

function rightAligned(block: Element): boolean {
  return (
    block.getAttribute('align')?.toLowerCase() === 'right' ||
    /text-align\s*:\s*right/i.test(block.getAttribute('style') ?? '')
  )
}

/**
 * A signature under the article: a paragraph closing a block, a person's name alone, set in bold
 * or italics or to the right ("<p align=right><em>Denis Clerc</em></p>", "<p><b><i>Stefan
 * Wasmer</i></b></p>"). The last three such paragraphs are looked at, since Readability may keep an
 * app's promotion or a teaser after the article's end.
 */
export function signatureByline(content: Element): string | null {
  const paragraphs = content.getElementsByTagName('p')
  let tried = 0
  for (let index = paragraphs.length - 1; index >= 0 && tried < 3; index -= 1) {
    const paragraph = paragraphs[index]
    if (paragraph.nextElementSibling) continue
    const text = textOf(paragraph)
    if (!text) continue
    tried += 1
    if (text.length > 60 || !(allEmphasised(paragraph) || rightAligned(paragraph))) continue
    const run = leadingName(text)
    const words = run?.name.toLowerCase().split(/[\s,]+/) ?? []
    if (
      run &&
      !run.rest &&
      run.wordsPerPerson.every((count) => count >= 2 && count <= 4) &&
      !words.some((word) => closingHeadingWords.has(word))
    )
      return run.name
  }
  return null
}

// Bold closing lines that are headings, not signatures: "Weitere Informationen", "Social Media".
const closingHeadingWords = new Set(
  'weitere informationen info infos mehr more links quellen quelle sources source kontakt contact hinweis hinweise note notes fazit update anzeige related lesen read also social media seiten impressum tags share teilen newsletter'.split(
    ' '
  )
)
