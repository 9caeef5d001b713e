/**
 * Cleaning an author's name as metadata or markup gives it: prefixes, labels, entities, URLs,
 * counters and the labels templates print where a name should be.
 */
const bylinePrefix =
  /^(by|von|par|por|door|di|af|av|autor(in)?|author|text|texto|texte|written by|posted by|geschrieben von|verfasst von|publié par|publicado por)\s*[:：]?\s+/i

// What templates print where a name should be: labels, buttons and placeholders.
export const labelWords =
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
