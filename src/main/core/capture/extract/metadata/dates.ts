/**
 * Publication dates as written on pages: ISO 8601, `2019-09-07 16:28`, `2019年09月07日 08:05`,
 * `07.09.2019`, `September 7, 2019`, `7. September 2019`, `15 августа 2016`. Every date is kept as
 * the publisher's wall-clock time read as UTC (a time zone is dropped), so the calendar date the
 * reader shows (in UTC) is the one the page printed.
 */

const monthNames: Record<string, number> = {}
// Full names and the genitive forms dates use (Russian "августа", Polish "sierpnia", Czech
// "srpna"), per language; abbreviations are matched by their first three letters below.
const monthLists = [
  'january february march april may june july august september october november december',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  'januari februari maart april mei juni juli augustus september oktober november december',
  'januari februari mars april maj juni juli augusti september oktober november december',
  'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь',
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  'ledna února března dubna května června července srpna září října listopadu prosince'
]
for (const list of monthLists) {
  list.split(' ').forEach((name, index) => {
    monthNames[name] ??= index + 1
  })
}
// Abbreviations: "Jan", "Mär", "févr", "sept", "Okt", "dic", "мар".
const monthAbbreviations: Record<string, number> = {
  jan: 1,
  feb: 2,
  fév: 2,
  févr: 2,
  mar: 3,
  mär: 3,
  mrz: 3,
  apr: 4,
  avr: 4,
  abr: 4,
  may: 5,
  mai: 5,
  mei: 5,
  jun: 6,
  jul: 7,
  juil: 7,
  aug: 8,
  ago: 8,
  sep: 9,
  sept: 9,
  set: 9,
  oct: 10,
  okt: 10,
  out: 10,
  ott: 10,
  nov: 11,
  dec: 12,
  dez: 12,
  dic: 12,
  déc: 12,
  jänner: 1
}

export function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase().replace(/\.$/, '')
  return monthNames[word] ?? monthAbbreviations[word]
}

// Digit look-arounds rather than \b: page text glued from blocks reads "Karrasch3.11.2023Für".
const numericYearFirst =
  /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:[\sT,]*(\d{1,2})[:：時时](\d{1,2})(?:[:：分](\d{1,2}))?)?/
// A year may run into the time after it where the page sets them in two elements with no space
// between: "3 de mayo de 202221:25".
const yearEnd = '(?!\\d(?!\\d?[:：]\\d{2}))'
const numericDayFirst = new RegExp(
  `(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})${yearEnd}`
)
const monthWord = '([a-zà-ÿа-яёąćęłńóśźżčřšžůúý]{3,11}\\.?)'
const dayMonthName = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s*(?:de\\s+)?${monthWord},?\\s+(?:de\\s+)?(\\d{4})${yearEnd}`,
  'iu'
)
const monthNameDay = new RegExp(
  `(?<![\\p{L}])${monthWord}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${yearEnd}`,
  'iu'
)

// Pages from before the web, or "dates" that are really version numbers, are not publication dates.
const earliestYear = 1990

function plausible(epoch: number): number | null {
  if (!Number.isFinite(epoch)) return null
  const year = new Date(epoch).getUTCFullYear()
  // One year of slack for clock skew and scheduled posts.
  const latest = new Date().getUTCFullYear() + 1
  return year >= earliestYear && year <= latest ? epoch : null
}

function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return null
  // Date.UTC rolls 31 February over into March: such a "date" is a pair of other numbers.
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second)
  if (new Date(epoch).getUTCDate() !== day) return null
  return plausible(epoch)
}

function numbers(match: RegExpMatchArray, indexes: number[]): number[] {
  return indexes.map((index) => Number.parseInt(match[index] ?? '0', 10))
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
// Unix timestamps in seconds or milliseconds (some CMSs put them in `<meta>`), 2001 onwards.
const epochPattern = /^\d{10}(\d{3})?$/

/** Parses a date string found in metadata or text; null when it is not a plausible date. */
export function parseDate(value: string | null | undefined): number | null {
  const text = value?.trim()
  if (!text) return null
  if (epochPattern.test(text)) {
    return plausible(Number(text) * (text.length === 10 ? 1000 : 1))
  }
  if (isoWithZone.test(text)) {
    // The publisher's wall clock, as for dates without a zone: "2022-01-28T00:00:00+01:00" is the
    // 28th where it was published, and the reader shows dates in UTC.
    const wallClock = text.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/)
    if (!wallClock) return null
    const [year, month, day, hour, minute, second] = numbers(wallClock, [1, 2, 3, 4, 5, 6])
    return utc(year, month, day, hour, minute, second)
  }
  const yearFirst = text.match(numericYearFirst)
  if (yearFirst) {
    const [year, month, day, hour, minute, second] = numbers(yearFirst, [1, 2, 3, 4, 5, 6])
    return utc(year, month, day, hour, minute, second)
  }
  const dayFirst = text.match(numericDayFirst)
  if (dayFirst) {
    const [day, month, year] = numbers(dayFirst, [1, 2, 3])
    return utc(year, month, day)
  }
  return parseNamedMonth(text)
}

function parseNamedMonth(text: string): number | null {
  const dayMonth = text.match(dayMonthName)
  const dayMonthNumber = dayMonth ? monthNumber(dayMonth[2]) : undefined
  if (dayMonth && dayMonthNumber) {
    return utc(Number(dayMonth[3]), dayMonthNumber, Number(dayMonth[1]))
  }
  const monthDay = text.match(monthNameDay)
  const monthDayNumber = monthDay ? monthNumber(monthDay[1]) : undefined
  if (monthDay && monthDayNumber) {
    return utc(Number(monthDay[3]), monthDayNumber, Number(monthDay[2]))
  }
  return null
}

// `/2019/09/07/` or `/2019-09-07/` in the article's own URL.
const urlDatePattern = /\/(\d{4})[/-](\d{2})[/-](\d{2})(?:[/-]|\.html?)/

// Day first, as German and French CMSs name news pages: `/meldungen/29-10-2021`.
const urlDayFirstPattern = /\/(\d{2})-(\d{2})-(\d{4})(?:[/?#]|\.html?|$)/

export function dateFromUrl(url: string): number | null {
  const match = url.match(urlDatePattern)
  if (match) {
    const [year, month, day] = numbers(match, [1, 2, 3])
    return utc(year, month, day)
  }
  const dayFirst = url.match(urlDayFirstPattern)
  if (!dayFirst) return null
  const [day, month, year] = numbers(dayFirst, [1, 2, 3])
  return utc(year, month, day)
}

// Short forms printed next to headlines: "28.01.22", "3/5/2022". Only read near the headline,
// where a number of this shape is a date; elsewhere it may be a score or a version.
const shortYearDayFirst = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/
const slashDate = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/

/**
 * Slashed dates are day first except in American English ("3/5/2022" is 3 May in Bolivia and
 * 5 March in Ohio); a day over 12 settles it either way.
 */
function parseSlashDate(match: RegExpMatchArray, monthFirst: boolean): number | null {
  const [first, second, year] = numbers(match, [1, 2, 3])
  const swap = first > 12 ? false : second > 12 ? true : monthFirst
  return swap ? utc(year, first, second) : utc(year, second, first)
}

export interface TextDateOptions {
  /** Also read "28.01.22" and "3/5/2022"; only for text right by the headline. */
  shortForms?: boolean
  /** Page language, for the order of slashed dates. */
  lang?: string | null
}

export interface DateMatch {
  /** Where the date starts in the text. */
  index: number
  epoch: number
}

// Dates that say when a page changed or a forum member joined, not when the story was published.
const notPublished =
  /(?:letzte änderung|zuletzt geändert|geändert am|aktualisiert(?: am)?|updated(?: on)?|last (?:modified|updated)|registriert|mitglied seit|registered|joined)\s*[:：]?\s*$/i

function firstMatch(
  text: string,
  pattern: RegExp,
  parse: (match: RegExpMatchArray) => number | null
): DateMatch | null {
  const global = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g')
  let changed: DateMatch | null = null
  for (const match of text.matchAll(global)) {
    const epoch = parse(match)
    if (epoch === null) continue
    // A change date only when the text gives no other: "Updated Jun 13, 2019" alone still dates it.
    if (!notPublished.test(text.slice(Math.max(0, match.index - 30), match.index))) {
      return { index: match.index, epoch }
    }
    changed ??= { index: match.index + text.length, epoch }
  }
  return changed
}

// Article dates sit near the top: the headline block, not the archive lists further down.
const textDateSearchLength = 20_000

/** The earliest written date in a page's text ("26.01.2022", "26. Januar 2022", "2022-01-26"). */
export function findDateInText(text: string, options: TextDateOptions = {}): number | null {
  return findDateMatch(text, options)?.epoch ?? null
}

/** The earliest written date in a text, and where it is. */
export function findDateMatch(text: string, options: TextDateOptions = {}): DateMatch | null {
  const head = text.slice(0, textDateSearchLength)
  const monthFirst = /^en(-us)?$/i.test(options.lang ?? '')
  const candidates = [
    firstMatch(head, numericYearFirst, (match) => parseDate(match[0])),
    firstMatch(head, numericDayFirst, (match) => parseDate(match[0])),
    firstMatch(head, dayMonthName, (match) => parseNamedMonth(match[0])),
    firstMatch(head, monthNameDay, (match) => parseNamedMonth(match[0]))
  ]
  if (options.shortForms) {
    candidates.push(
      firstMatch(head, shortYearDayFirst, (match) => {
        const [day, month, year] = numbers(match, [1, 2, 3])
        return utc(2000 + year, month, day)
      }),
      firstMatch(head, slashDate, (match) => parseSlashDate(match, monthFirst))
    )
  }
  let earliest: DateMatch | null = null
  for (const candidate of candidates) {
    if (candidate && (!earliest || candidate.index < earliest.index)) earliest = candidate
  }
  return earliest
}
