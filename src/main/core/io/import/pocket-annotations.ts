import { z } from 'zod'
import { normalizeUrl } from '../../capture/url'
import { cleanTitle, emptyItem, ImportFileError, parseTime } from './item'
import type { ImportedHighlight, ImportItem } from './item'

/**
 * `annotations/part_*.json` of Pocket's ZIP: `[{url, title, highlights: [{quote, created_at}]}]`,
 * `created_at` in unix seconds or as a string depending on the exporter (import-formats.md).
 */
const annotatedItem = z.object({
  url: z.string().min(1),
  title: z.string().nullish(),
  highlights: z.array(
    z.object({
      quote: z.string(),
      created_at: z.union([z.number(), z.string()]).nullish()
    })
  )
})

function keyOf(url: string): string {
  try {
    return normalizeUrl(url).urlKey
  } catch {
    return url.trim()
  }
}

/** A problem with one annotated item, reported as a failed row after the CSV's rows. */
export interface AnnotationProblem {
  url: string | null
  error: string
}

/** Highlights by the article's address, taken once by the CSV row they belong to. */
export class AnnotationIndex {
  private readonly byKey = new Map<
    string,
    { url: string; title: string; highlights: ImportedHighlight[] }
  >()
  readonly problems: AnnotationProblem[] = []

  /** Adds one annotations file; an entry of the wrong shape is a problem, not the end of the file. */
  add(json: string, where: string): void {
    let value: unknown
    try {
      value = JSON.parse(json)
    } catch (error) {
      throw new ImportFileError(`${where} is not valid JSON (${(error as Error).message}).`)
    }
    if (!Array.isArray(value)) {
      throw new ImportFileError(
        `${where} should hold a JSON list of annotated articles, not ${typeof value}.`
      )
    }
    value.forEach((entry, index) => this.addEntry(entry, `${where} item ${index + 1}`))
  }

  private addEntry(entry: unknown, where: string): void {
    const parsed = annotatedItem.safeParse(entry)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const url =
        typeof (entry as { url?: unknown })?.url === 'string'
          ? (entry as { url: string }).url
          : null
      this.problems.push({
        url,
        error: `${where}: ${issue.path.join('.') || 'the item'}: ${issue.message}`
      })
      return
    }
    const { url, title, highlights } = parsed.data
    const key = keyOf(url)
    const known = this.byKey.get(key) ?? {
      url,
      title: cleanTitle(title ?? '', url),
      highlights: []
    }
    for (const highlight of highlights) {
      known.highlights.push({ quote: highlight.quote, createdAt: parseTime(highlight.created_at) })
    }
    this.byKey.set(key, known)
  }

  take(url: string): ImportedHighlight[] {
    const key = keyOf(url)
    const found = this.byKey.get(key)
    this.byKey.delete(key)
    return found?.highlights ?? []
  }

  /** Annotated articles no CSV row named: imported with their highlights, never dropped. */
  remaining(): ImportItem[] {
    return [...this.byKey.values()].map(({ url, title, highlights }) => ({
      ...emptyItem(url),
      title,
      highlights
    }))
  }
}
