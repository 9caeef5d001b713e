import type { ExportRecord } from './records'

/** A name in CSL-JSON: a person's parts, or a literal (an organisation, a name kept whole). */
export type CslName = { given: string; family: string } | { literal: string }

export interface CslItem {
  id: string
  type: 'webpage'
  title: string
  author: CslName[]
  'container-title'?: string
  issued?: { 'date-parts': number[][] }
  accessed: { 'date-parts': number[][] }
  URL: string
  language?: string
}

function dateParts(time: number): { 'date-parts': number[][] } {
  const date = new Date(time)
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] }
}

// "Jane Doe and John Roe", "Jane Doe, John Roe", "Doe & Roe", "张三、李四": one name each.
const nameSeparators = /\s*(?:,|;|&|\band\b|、|，|\|)\s*/u

/**
 * The byline's people, as CSL names: "Jane Doe" → given Jane, family Doe (the last word is the
 * family name); a one-word or CJK name stays literal, as citation styles print it whole.
 */
export function bylineNames(byline: string): CslName[] {
  return byline
    .split(nameSeparators)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((name): CslName => {
      const words = name.split(/\s+/)
      if (
        words.length < 2 ||
        !/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}.'’ -]+$/u.test(name)
      )
        return { literal: name }
      return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] }
    })
}

/** The site as people name it: its own name, else its host. */
export function siteLabel(record: ExportRecord): string | null {
  return record.siteName || record.site
}

/**
 * An article as a CSL-JSON `webpage` (what Zotero and pandoc read): its byline's people as
 * authors, else the site as an organisation; the site's name as container; published date as
 * issued; the day it was saved as accessed (when the page was read as cited).
 */
export function cslItem(record: ExportRecord): CslItem {
  const site = siteLabel(record)
  const people = record.byline ? bylineNames(record.byline) : []
  const author: CslName[] = people.length > 0 ? people : site ? [{ literal: site }] : []
  const item: CslItem = {
    id: citationKey(record, author),
    type: 'webpage',
    title: record.title || record.url,
    author,
    accessed: dateParts(record.savedAt),
    URL: record.canonicalUrl ?? record.url
  }
  if (site) item['container-title'] = site
  if (record.publishedAt !== null) item.issued = dateParts(record.publishedAt)
  if (record.lang) item.language = record.lang
  return item
}

/**
 * `doe2024folio12`: the first author's (or site's) first ASCII word, the year, and the article's
 * id, so keys are readable, stable across exports and never collide.
 */
export function citationKey(record: ExportRecord, author: CslName[]): string {
  const first = author[0]
  const name = first ? ('family' in first ? first.family : first.literal) : ''
  const word = (name.normalize('NFKD').match(/[A-Za-z0-9]+/)?.[0] ?? '').toLowerCase().slice(0, 20)
  const year = record.publishedAt === null ? '' : new Date(record.publishedAt).getUTCFullYear()
  return `${word}${year}folio${record.id}`
}
