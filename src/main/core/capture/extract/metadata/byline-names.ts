/**
 * Name tests: the run of capitalised words and joiners that makes a name ("Clara Löw, Klaus
 * Jacob"), a line that is only a name, and a phrase that is no name.
 */
import { cleanByline } from './byline-clean'
import { monthNumber } from './dates'

// A name, or two or three joined: longer text is a bio or a sentence, not a byline.
export const maximumBylineWords = 8

// Words that may join or sit inside names: "Fiona Bornhöft und Mariam Hofbeck", "Walter von Aachen".
export const nameJoiners = new Set(
  'und and & y e et en i von van der den de del della da di du la le zu dos das bin al'.split(' ')
)
const nameWord = /^(\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u
// Capitalised words that end a name in template lines: "Posted by Henry In Aktuell".
const nameEnd = new Set(
  'in im on at am um auf für updated published aktualisiert veröffentlicht posted photo photos foto fotos bild comments kommentare share teilen'.split(
    ' '
  )
)
const separators = /\s*[|·•–—/]\s*|\s+-\s+/g

export interface NameRun {
  name: string
  /** Name words, not counting joiners, per person: "Clara Löw, Klaus Jacob" → [2, 2]. */
  wordsPerPerson: number[]
  /** Whether anything but a separator follows the name on its line. */
  rest: string
}

/**
 * The name at the start of a text: capitalised words and joiners, up to the first word that is
 * neither (a date, "am", "|", "Photo", a lower-case word of a sentence).
 */
export function leadingName(text: string): NameRun | null {
  const words = text.replace(separators, ' | ').replace(/[,;]/g, ' , ').split(/\s+/).filter(Boolean)
  const name: string[] = []
  let index = 0
  for (; index < words.length; index += 1) {
    // "Wilkinson@alissamarie", "Adwan1": handles and footnote marks glued to the name.
    const word = words[index].replace(/@.*$|\d.*$/, '')
    // What follows a glued number ("Hofbeck1. Januar 2023") is a date, not more name.
    const glued = word !== words[index] && nameWord.test(word)
    // "By Laura June Topolsky July 13, 2015": the date starts at the month.
    if (monthNumber(word) && /^\d/.test(words[index + 1] ?? '')) break
    if (nameEnd.has(word.toLowerCase())) break
    if (nameWord.test(word)) name.push(word)
    else if ((nameJoiners.has(word.toLowerCase()) || word === ',') && name.length > 0)
      name.push(word.toLowerCase() === word ? word : word.toLowerCase())
    else break
    // Joiners and commas do not count: "Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR".
    if (name.filter((part) => nameWord.test(part)).length > maximumBylineWords + 2) return null
    if (glued) {
      index += 1
      break
    }
  }
  while (name.length && (nameJoiners.has(name[name.length - 1]) || name[name.length - 1] === ','))
    name.pop()
  if (!name.length) return null
  const wordsPerPerson = name
    .join(' ')
    .split(/ , | und | and | & | y | et | e | i /)
    .map((person) => person.split(' ').filter((word) => nameWord.test(word)).length)
  const cleaned = cleanByline(name.join(' ').replace(/ , /g, ', '))
  if (!cleaned) return null
  return {
    name: cleaned,
    wordsPerPerson,
    rest: words
      .slice(index)
      .join(' ')
      .replace(/^\|\s*/, '')
  }
}

export const looksLikeDate =
  /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? \p{L}{3,} \d{4}|\p{L}{3,}\.? \d{1,2},? \d{4}|\d{4}年/u

/**
 * A line that is only a person's name ("Leena Simon", "Clara Löw, Siddharth Prakash & Klaus
 * Jacob"), next to a date line: bylines without a "By". Each person needs a first and a last name,
 * so section names such as "Energie & Umwelt" do not pass.
 */
export function bareName(line: string): string | null {
  const run = leadingName(line)
  if (!run || (run.rest && !looksLikeDate.test(run.rest))) return null
  const people = run.wordsPerPerson
  return people.every((count) => count >= 2 && count <= 4) ? run.name : null
}

// Lower-case words of credits and organisations besides the joiners of names ("Ursula von der
// Leyen"): "FR mit dpa", "Contributors to Wikimedia projects".
const creditWords = new Set('des zum zur mit with for für of the'.split(' '))

// A theme's credit in `<meta name=author>`: "Peter Amende und Fuchsy designed".
const themeCredit = /\b(?:designed|developed|powered|theme|template)\b/i

/**
 * Words of a sentence or a theme's credit in the metadata, not a name: "deinen
 * Hochzeitsbloggern", "Peter Amende und Fuchsy designed". A single lower-case word is an account
 * name, a two-word name may have a lower-case surname ("Mobasir hassan"), and an organisation may
 * hold lower-case words ("Contributors to Wikimedia projects").
 */
export function isPhrase(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean)
  const sentenceWord = (word: string): boolean =>
    /^\p{Ll}{3,}$/u.test(word) && !nameJoiners.has(word) && !creditWords.has(word)
  return (
    (words.length >= 2 && sentenceWord(words[0]) && words.some((word) => /^\p{Lu}/u.test(word))) ||
    themeCredit.test(text)
  )
}
