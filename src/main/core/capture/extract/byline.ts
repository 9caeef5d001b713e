/**
 * Bylines: cleaning author names from metadata, finding them in page markup (schema.org
 * microdata, `rel=author`, template class names) and in the lines by the headline ("Von …",
 * "By …", "Par …"), and telling a person's name from a site's name or a template's label.
 */
import { monthNumber } from './dates'
import { textOf } from './dom'

// Most specific first: microdata names, then links, then template class names (WordPress,
// Blogger, German CMSs use "autor").
const bylineSelectors = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  'a[href*="/author/"]',
  'a[href*="/autor/"]',
  '.author-name, .author__name, .byline__name, .entry-author, .post-author, .fn',
  '.byline, .author, .autor, .article-author, .story-byline'
]
const bylinePrefix =
  /^(by|von|par|por|door|di|af|av|autor(in)?|author|text|texto|texte|written by|posted by|geschrieben von|verfasst von|publié par|publicado por)\s*[:：]?\s+/i
// A name, or two or three joined: longer text is a bio or a sentence, not a byline.
const maximumBylineWords = 8

// What templates print where a name should be: labels, buttons and placeholders.
const labelWords =
  /^(by|von|par|por|posted|posted on|posted by|published|published by|publiziert am|veröffentlicht|veröffentlicht am|eingetragen von|author|autor|authors|autoren|follow|folgen|alle beiträge|all posts|no author|unknown|anonymous|admin|administrator|redaktion und|share|teilen|comments?|kommentare?)$/i

const namedEntities: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' '
}

/** Entities left in metadata by double escaping: "Redacci&oacute;n" is "Redacción". */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : entity
    }
    const lower = name.toLowerCase()
    if (namedEntities[lower]) return namedEntities[lower]
    // Accented letters: "oacute" → ó, "uuml" → ü, "szlig" → ß, by Unicode composition.
    const accent: Record<string, string> = {
      acute: '\u0301',
      grave: '\u0300',
      uml: '\u0308',
      circ: '\u0302',
      tilde: '\u0303',
      cedil: '\u0327',
      ring: '\u030a'
    }
    const match = name.match(/^([a-z])(acute|grave|uml|circ|tilde|cedil|ring)$/i)
    if (match) return (match[1] + accent[match[2].toLowerCase()]).normalize('NFC')
    if (lower === 'szlig') return 'ß'
    return entity
  })
}

/** Strips "By"/"Von" prefixes, quotes, URLs and e-mail addresses; null when nothing is left. */
export function cleanByline(value: string | null): string | null {
  if (!value) return null
  const text = decodeEntities(value)
    .replace(/\s+/g, ' ')
    .replace(/^['"‘“]+|['"’”]+$/g, '')
    // "Frank Bueltge - http://bueltge.de": the site link is not part of the name.
    .replace(/\s*[-–|,]?\s*(https?:\/\/|www\.)\S+/gi, '')
    // "Text und Interview: Harald Willenbrock", "Zuletzt geändert am: 15.10.2021": a label (not a
    // time such as 12:30) goes, and what follows it is the byline or nothing.
    .replace(/^[^:：]{1,60}[:：](?!\d)\s*/, '')
    // ",  par  Attac France", "About the Author - Florina Ionescu": punctuation and a heading.
    .replace(/^[\s,;|·•–-]+/, '')
    .replace(/^(?:about the author|über (?:den autor|die autorin))\s*[-–|]?\s*/i, '')
    .replace(bylinePrefix, '')
    .replace(/^(by|von)\s+/i, '')
    // "Jörn Mecher am 08.12.2022": the date after the name (not "Datum: 19.11.2021 Autor: …").
    .replace(
      /^([^:：\d]*\p{L}[^:：\d]*?)\s+(?:am|on|le|el|em|il|\||·|•|-|–|,)?\s*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}.*$/u,
      '$1'
    )
    .replace(/\s*\(\s*\)?$/, '')
    .replace(/[\s|,·•–-]+$/, '')
    .trim()
  // "9 articles", "12 Kommentare": counters, not names.
  if (!text || /^(https?:\/\/|@|\d)/i.test(text) || text.length > 100) return null
  if (/\S+@\S+\.\w+|\[at\]/i.test(text)) return null
  // A name has a word of two letters, unless it is initials only ("R. R.").
  if (labelWords.test(text.replace(/\s*[:：]$/, ''))) return null
  if (!/\p{L}{2}/u.test(text) && !/^(?:\p{Lu}\.\s?){2,4}$/u.test(text)) return null
  return text
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

// Comment threads mark each commenter up as an author (`.comment-author`, `itemprop=author`).
export const commentSection = '[class*="comment"], [id*="comment"]'

/** A blog's name in its header is marked up as an hCard author too, linking to the home page. */
function linksHome(element: Element): boolean {
  const href = element.closest('a[href]')?.getAttribute('href')?.trim()
  return href !== undefined && /^(?:https?:\/\/[^/]+)?\/?(?:index\.\w+)?$/i.test(href)
}

/** Names marked up as the author that link to the home page: the blog's, not a person's. */
export function homeLinkedAuthors(document: Document): string[] {
  return Array.from(document.getElementsByClassName('fn'))
    .filter(linksHome)
    .map((element) => cleanByline(textOf(element)))
    .filter((name): name is string => name !== null)
}

export function bylineFromMarkup(document: Document, hostname = ''): string | null {
  for (const selector of bylineSelectors) {
    let tried = 0
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (tried === 3) break
      if (element.closest(commentSection) || linksHome(element)) continue
      tried += 1
      const name = cleanByline(textOf(element))
      if (name && name.split(' ').length <= maximumBylineWords) {
        return name
      }
    }
  }
  return profileByline(document, hostname)
}

// Links to a person's page on the site: "/staff/uriel-gadessaud/", "/user/Marianne1.html",
// "/profile/142450", "/user-uebersicht/?u=79003".
const profileLink = /\/(?:staff|profile|users?|members|in)\/|\/user-/
const accountName = /^[\p{L}\d][\p{L}\d._-]{2,29}$/u
// What account menus print on profile links.
const accountWords =
  /\b(?:log ?in|log ?out|sign ?in|sign ?up|register|subscribe|members?|list|profile|profil|account|konto|mein|my|abmelden|anmelden|registrieren|einloggen|ausloggen|user ?profile)\b/i
const socialNetwork = /youtube|twitter|facebook|instagram|linkedin|pinterest|xing|tiktok/i

/**
 * A profile link to a social network ("youtube.com/user/…") from another site: the site's own
 * account, not an author's page.
 */
export function offSiteSocialLink(href: string, hostname: string): boolean {
  const site = hostname.replace(/^www\./, '')
  return socialNetwork.test(href) && !(site && href.includes(site))
}

/**
 * The first link to a person's profile outside navigation and comments whose text is a name or an
 * account name: the author of a forum post, a user's recipe, a staff writer's story.
 */
export function profileByline(document: Document, hostname = ''): string | null {
  // One pass over the links: seven attribute selectors cost linkedom four times as much.
  for (const element of Array.from(document.getElementsByTagName('a'))) {
    const href = element.getAttribute('href') ?? ''
    if (!profileLink.test(href) || offSiteSocialLink(href, hostname)) continue
    if (element.closest(`nav, ${commentSection}`)) continue
    const text = textOf(element)
    if (!text || accountWords.test(text)) continue
    const run = leadingName(text)
    if (run && !run.rest && run.wordsPerPerson.every((count) => count >= 2 && count <= 4))
      return run.name
    // "Marianne1", "MikeNils", "fri.juli", "delta201": digits, inner capitals or dots; a single
    // capitalised word is a button ("Registrieren").
    if (accountName.test(text) && /\d|\p{Ll}\p{Lu}|[._]|^\p{Ll}+$/u.test(text))
      return cleanByline(text)
  }
  return null
}

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
const labelOnly =
  /^(?:by|von|par|por|autor|autorin|autoren|author|authors|author\(s\)|auteur\(s\)|autor\(es\)|text)\s*[:：]?$/i
// Words that may join or sit inside names: "Fiona Bornhöft und Mariam Hofbeck", "Walter von Aachen".
const nameJoiners = new Set(
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

interface NameRun {
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
function leadingName(text: string): NameRun | null {
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

const looksLikeDate =
  /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? \p{L}{3,} \d{4}|\p{L}{3,}\.? \d{1,2},? \d{4}|\d{4}年/u

/**
 * A line that is only a person's name ("Leena Simon", "Clara Löw, Siddharth Prakash & Klaus
 * Jacob"), next to a date line: bylines without a "By". Each person needs a first and a last name,
 * so section names such as "Energie & Umwelt" do not pass.
 */
function bareName(line: string): string | null {
  const run = leadingName(line)
  if (!run || (run.rest && !looksLikeDate.test(run.rest))) return null
  const people = run.wordsPerPerson
  return people.every((count) => count >= 2 && count <= 4) ? run.name : null
}

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

const normalizeName = (value: string): string =>
  value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '')

// Legal forms end the names of companies and associations: "Web Commerce GmbH", "Bund der
// Energieverbraucher e.V.".
const legalForm = /(?:\b(?:GmbH|gGmbH|AG|KG|SE|Ltd|Inc|LLC|S\.A|e\.\s?V)\.?|\bCo\.)$/
// Words no person's name holds: "Bayerische Landesanstalt für Wald und Forstwirtschaft",
// "Hanns-Seidel-Stiftung".
const institutionWord =
  /(?:landesanstalt|bundesamt|ministerium|stiftung|verband|universität|hochschule|institut\b|institute\b|university|ministry|foundation|association)/i

/**
 * True for a company or association: in the metadata it is the publisher or its web agency; a
 * person named anywhere on the page is the better byline.
 */
export function isOrganization(byline: string): boolean {
  return legalForm.test(byline.trim()) || institutionWord.test(byline)
}

// German and Nordic letters as host names spell them: "flüssiggas" is fluessiggas.de, "Ørsted"
// is orsted.de.
const hostSpellings: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ø: 'o',
  æ: 'ae'
}
const hostSpelling = (value: string): string =>
  normalizeName(value.toLowerCase().replace(/[äöüßøæ]/g, (letter) => hostSpellings[letter]))
// Blog hosts whose own name is no site's: the blog is the label before them.
const sharedHosts = new Set([
  'www',
  'wordpress',
  'blogspot',
  'github',
  'tumblr',
  'substack',
  'medium'
])

// A newspaper, magazine, forum or wiki publishes what others wrote: its name is no author's.
const publication =
  /news|magazin|zeitung|times|journal|tribune|gazette|interviews|forum|wiki|radio|\btv\b/i

/**
 * The site's own name when it matches the site's address: "Greenpeace" on greenpeace.de, "Dr.
 * Alexander Klier" on alexander-klier.net, "C.Habermueller" on chabermu.wordpress.com. A page
 * that names no author is by the person or organisation whose site it is.
 */
export function siteOwner(names: (string | null)[], hostname: string): string | null {
  const labels = hostname
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .filter((label) => !sharedHosts.has(label) && !/^www\d*$/.test(label))
    .map((label) => label.replace(/-/g, ''))
  for (const name of names) {
    const cleaned = name ? cleanByline(name) : null
    if (!cleaned || cleaned.length > 60 || publication.test(cleaned)) continue
    const keys = [normalizeName(cleaned), hostSpelling(cleaned)]
    const matches = labels.some((label) =>
      keys.some((key) => key === label || (label.length >= 5 && key.includes(label)))
    )
    if (matches) return cleaned
  }
  return null
}

/** "JF" for "Junge Freiheit", "HSS" for "Hanns-Seidel-Stiftung e.V.": capitals of the words. */
function initials(name: string): string {
  return (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('').toLowerCase()
}

/**
 * True when a byline names the site rather than a person: "Badische Zeitung", "stern.de",
 * "EAT SMARTER" on eatsmarter.de, "JF" on the site of the "Junge Freiheit", "EFC Bayrische Bembel"
 * on bayrische-bembel.de. Sites put their own name in `<meta name=author>`.
 */
export function isSiteName(byline: string, siteNames: (string | null)[]): boolean {
  const name = normalizeName(byline)
  if (!name) return true
  const abbreviation = /^\p{Lu}{2,5}$/u.test(byline.trim()) ? name : null
  // "stern.de", "Fluessiggas.de", "hessenschau.de/bb": a domain is a site, not a person.
  if (
    /^[\p{L}\d-]+(\.[\p{L}\d-]+)*\.(com|de|net|org|at|ch|fr|it|es|info|co|uk|io|eu|cl|pe|bo)\b/iu.test(
      byline.trim()
    )
  )
    return true
  const bylineInitials = initials(byline)
  return siteNames.some((site) => {
    if (site && /^[a-z\d.-]+\.[a-z]{2,}$/i.test(site)) {
      // A host name: its first label ("badische-zeitung" of www.badische-zeitung.de).
      const label = normalizeName(
        site
          .replace(/^www\d?\./, '')
          .split('.')
          .slice(0, -1)
          .join('')
      )
      return (
        (label.length >= 3 && (name === label || label === bylineInitials)) ||
        (label.length >= 8 && name.includes(label))
      )
    }
    const siteName = site ? normalizeName(site) : ''
    return (
      (siteName.length >= 2 &&
        (name === siteName || (siteName.length >= 4 && name.startsWith(siteName)))) ||
      (abbreviation !== null && site !== null && initials(site).startsWith(abbreviation))
    )
  })
}
