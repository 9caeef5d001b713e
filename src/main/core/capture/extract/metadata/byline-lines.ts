/**
 * Bylines in the lines by the headline: "Von …", "By …", "Par …", a "By" on a line of its own
 * above the names, or a bare name next to the date.
 */
import { cleanByline } from './byline-clean'
import { bareName, leadingName, looksLikeDate } from './byline-names'

// "Von Lisa Borch", "By Ian Mohr", "Par Barbara Stiegler", "Text: Harald Willenbrock": the words
// that introduce a byline. Glued block text reads "ByAlex Bozarjian".
const prefixWords =
  'by|von|par|por|door|af|av|text|texte|texto|autor|autorin|author|autoren|authors|auteur|auteurs|autore|written by|geschrieben von|verfasst von|redakteur|redakteurin'
// "Text & Fotos: Ivan Valetny", "Text und Bild: …": the author of words and pictures.
const linePrefix = new RegExp(
  `^(?:text\\s*(?:&|und|and|\\/)\\s*(?:fotos?|bilder?|photos?)|${prefixWords})(?:\\s*[:：]\\s*|\\s+)(.+)$`,
  'i'
)
// Block text glues a "By" label to the name: "ByAlex Bozarjian" (not "PARA SUSCRIPTORES").
const gluedPrefix = /^(?:By|Von|Par|Por)(?=\p{Lu}\p{Ll})(.+)$/u
// The same words inside a line: "Posted by Konstantin", "Veröffentlicht am 15/07/2014 von Guido
// Beyss", "Ein Interview von Eugen Zentner".
const innerPrefix =
  /(?:posted|published|written|filed|veröffentlicht|publiziert|geschrieben|verfasst|gespeichert|erstellt|eingetragen|beitrag|interview|artikel|kommentar|kolumne|gastbeitrag|text|publié|publicado|[-–—]{2,})\b[^|·•]{0,40}?\s(?:by|von|par|por|door)\s+(?=\p{Lu})(.+)$/iu
// A byline right after the time: "06.11.2023 13:30 von Olga".
const afterTime = /\d{1,2}:\d{2}(?:\s*uhr)?\s+(?:by|von)\s+(?=\p{Lu})(.+)$/iu
// An account name after an explicit "by": "Verfasst von: mitundvoneinander | 31. Dezember 2008",
// "Posted in Datenschutz by damianduchamps on August 3, 2019".
const accountAfterPrefix =
  /(?:^|(?:posted|published|verfasst|geschrieben|veröffentlicht)\b[^|·•]{0,40}?\s|\d{1,2}:\d{2}\s+)(?:by|von)\s*[:：]?\s+([\p{L}\d][\p{L}\d._-]{2,29})(?:\s*$|\s*[|·•–—,]|\s+(?:am|on|in|um|le|el)\s)/iu
export const labelOnly =
  /^(?:by|von|par|por|autor|autorin|autoren|author|authors|author\(s\)|auteur\(s\)|autor\(es\)|text)\s*[:：]?$/i

export interface LineBylines {
  /** Introduced by "By", "Von", "Par", …: a byline. */
  prefixed: string | null
  /** A bare name next to the date: likely a byline, but may be a section or a person quoted. */
  bare: string | null
}

/**
 * Bylines in the lines by the headline: "Von Roland Brockmann und Sebastian Drescher ·
 * 13.02.2017", "By" on a line of its own above the names, or a bare name next to the date.
 */
export function bylinesFromLines(text: string): LineBylines {
  const lines = text
    .replace(/\u00ad/g, '')
    .split('\n')
    .map((line) => line.trim())
    // Separator-only lines ("|", "-") sit between a name and its date.
    .filter((line) => /[\p{L}\d]/u.test(line))
    .slice(0, 25)
  return { prefixed: prefixedByline(lines), bare: bareByline(lines) }
}

function prefixedByline(lines: string[]): string | null {
  for (const [index, line] of lines.entries()) {
    if (line.length > 200) continue
    if (labelOnly.test(line)) {
      // "By" / "Autor" alone, the names on the next lines ("David Brand and" / "Ramsey Khalifeh").
      const following = lines[index + 1] ?? ''
      const joined = /\s(and|und|&|et|y)$/i.test(following)
        ? `${following} ${lines[index + 2] ?? ''}`
        : following
      const next = leadingName(joined)
      if (!next) continue
      // "By" / "April Roach@aprilroach28" / "Daniel O'Mahony" / "01 October 2020": one name a line.
      const dateFollows = looksLikeDate.test(lines[index + 3] ?? '')
      const second = next.rest || !dateFollows ? null : bareName(lines[index + 2] ?? '')
      return second && joined === following ? `${next.name}, ${second}` : next.name
    }
    const match =
      line.match(linePrefix) ??
      line.match(gluedPrefix) ??
      line.match(innerPrefix) ??
      line.match(afterTime)
    const run = match ? leadingName(match[1]) : null
    if (run) return run.name
  }
  // Account names ("mitundvoneinander") only when no line names a person.
  for (const line of lines) {
    const account = line.length <= 200 ? line.match(accountAfterPrefix)?.[1] : undefined
    const accountName = account ? cleanByline(account) : null
    if (accountName) return accountName
  }
  return null
}

// The date and time segments that open a line: "04.02.2022 | 13:10 Uhr | Uta Helkenberg".
const leadingDateSegments = /^(?:[^|·•–—]*\d[^|·•–—]*[|·•–—]\s*)+/

function bareByline(lines: string[]): string | null {
  const shortLines = lines.filter((line) => line.length <= 80)
  // A name on the date's own line first: a line next to it may be a section ("Aktuelle Meldungen").
  for (const line of shortLines) {
    const name = looksLikeDate.test(line)
      ? bareName(line.replace(/^.*\d{4}\s*[-|·•–—]\s*/, '').replace(leadingDateSegments, ''))
      : null
    if (name) return name
  }
  for (const [index, line] of lines.entries()) {
    if (line.length > 80) continue
    const nearDate = [lines[index - 1], lines[index + 1], lines[index + 2]].some(
      (other) => other !== undefined && other.length < 80 && looksLikeDate.test(other)
    )
    const name = bareName(line)
    if (name && nearDate) return name
  }
  return null
}
