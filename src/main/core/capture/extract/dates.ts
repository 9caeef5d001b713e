/**
 * Publication dates as written on pages: ISO 8601, `2019-09-07 16:28`, `2019年09月07日 08:05`,
 * `07.09.2019`, `September 7, 2019`, `7. September 2019`. A date without a time zone is read as
 * UTC, so the calendar date shown is the one the page printed.
 */

const monthNames: Record<string, number> = {}
const monthLists = [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'
]
for (const list of monthLists) {
  list.split(' ').forEach((name, index) => {
    monthNames[name] = index + 1
  })
}
monthNames.sept = 9
monthNames.mrz = 3
monthNames.jänner = 1

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
const numericYearFirst =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})[:：時时](\d{1,2})(?:[:：分](\d{1,2}))?)?/
const numericDayFirst = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/
const dayMonthName =
  /\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:de\s+)?([a-zà-ÿ]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b/i
const monthNameDay = /\b([a-zà-ÿ]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i

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
  return plausible(Date.UTC(year, month - 1, day, hour, minute, second))
}

function numbers(match: RegExpMatchArray, indexes: number[]): number[] {
  return indexes.map((index) => Number.parseInt(match[index] ?? '0', 10))
}

/** Parses a date string found in metadata or text; null when it is not a plausible date. */
export function parseDate(value: string | null | undefined): number | null {
  const text = value?.trim()
  if (!text) return null
  if (isoWithZone.test(text)) return plausible(Date.parse(text))
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
  const dayMonthNumber = dayMonth ? monthNames[dayMonth[2].toLowerCase()] : undefined
  if (dayMonth && dayMonthNumber) {
    return utc(Number(dayMonth[3]), dayMonthNumber, Number(dayMonth[1]))
  }
  const monthDay = text.match(monthNameDay)
  const monthDayNumber = monthDay ? monthNames[monthDay[1].toLowerCase()] : undefined
  if (monthDay && monthDayNumber) {
    return utc(Number(monthDay[3]), monthDayNumber, Number(monthDay[2]))
  }
  return null
}

// `/2019/09/07/` or `/2019-09-07/` in the article's own URL.
const urlDatePattern = /\/(\d{4})[/-](\d{2})[/-](\d{2})(?:[/-]|\.html?)/

export function dateFromUrl(url: string): number | null {
  const match = url.match(urlDatePattern)
  if (!match) return null
  const [year, month, day] = numbers(match, [1, 2, 3])
  return utc(year, month, day)
}

const textDatePatterns = [numericYearFirst, numericDayFirst, dayMonthName, monthNameDay]
// Article dates sit near the top: the headline block, not the archive lists further down.
const textDateSearchLength = 20_000

/** The earliest written date in a page's text ("26.01.2022", "26. Januar 2022", "2022-01-26"). */
export function findDateInText(text: string): number | null {
  const head = text.slice(0, textDateSearchLength)
  let earliest: { index: number; value: string } | null = null
  for (const pattern of textDatePatterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'
    )
    for (const match of head.matchAll(global)) {
      if (earliest && match.index >= earliest.index) break
      if (parseDate(match[0]) !== null) {
        earliest = { index: match.index, value: match[0] }
        break
      }
    }
  }
  return earliest ? parseDate(earliest.value) : null
}
