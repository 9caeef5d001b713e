import type { Result } from '../../shared/errors'
import { highlightColors } from '../../shared/types'
import type { Highlight, HighlightColor, HighlightListItem } from '../../shared/types'
import { articleHighlightsMarkdown, highlightsMarkdown } from '../../shared/highlights-markdown'
import { UsageError, exitCodes } from './io'
import type { Command, CommandContext } from './commands'

/** Bad input the engine refused came from the command line: exit 2, not 1. */
function reportFailure(context: CommandContext, result: Result<unknown>, json: boolean): number {
  if (result.ok) return exitCodes.ok
  if (json) context.io.out(JSON.stringify({ error: result.error }))
  context.io.err(`folio: ${result.error.message}`)
  return result.error.code === 'invalid_input' ? exitCodes.usage : exitCodes.failed
}

function parseId(text: string | undefined, what = 'an article id'): number {
  const id = Number(text)
  if (text === undefined || !Number.isInteger(id) || id <= 0)
    throw new UsageError(`"${text ?? ''}" is not ${what} (a positive whole number).`)
  return id
}

function parseColor(text: string | undefined): HighlightColor | undefined {
  if (text === undefined) return undefined
  const color = highlightColors.find((name) => name === text.toLowerCase())
  if (!color) {
    throw new UsageError(`--color takes ${highlightColors.join(', ')}, not "${text}".`)
  }
  return color
}

function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat
}

export function formatHighlightRows(items: HighlightListItem[], total: number): string {
  if (items.length === 0)
    return 'No highlights yet. Add one with: folio highlight <id> --quote TEXT'
  const lines = items.map((item) => {
    const place = item.status === 'orphaned' ? ' [could not be placed]' : ''
    const note = item.note ? `\n      note: ${oneLine(item.note, 70)}` : ''
    return `${String(item.id).padStart(5)} ${item.color.padEnd(6)} ${oneLine(item.article.title || item.article.url, 30)}: “${oneLine(item.quote, 60)}”${place}${note}`
  })
  if (total > items.length) lines.push(`… ${total - items.length} more; use --limit`)
  return lines.join('\n')
}

const formats = ['text', 'markdown', 'json'] as const

export const highlights: Command = {
  summary: 'List highlights (of one article, or the library) as text, Markdown or JSON',
  usage:
    'folio highlights [ID] [--json] [--format text|markdown|json] [--tag T] [--site S]\n' +
    '                 [--color C] [--limit N]\n\n' +
    'With an article id, its highlights in reading order; without, the newest first. Markdown\n' +
    'gives one section per article (title, link, author, dates, its note, then each highlight\n' +
    'as a > quote with its note), for Obsidian, Logseq and other notes apps.',
  options: {
    json: { type: 'boolean' },
    format: { type: 'string', default: 'text' },
    tag: { type: 'string' },
    site: { type: 'string' },
    color: { type: 'string' },
    limit: { type: 'string' }
  },
  async run(context, { values, positionals }) {
    if (positionals.length > 1) throw new UsageError('highlights takes at most one article id.')
    const format = values.json ? 'json' : (values.format as string)
    if (!formats.some((name) => name === format)) {
      throw new UsageError(`--format takes text, markdown or json, not "${format}".`)
    }
    const limit = values.limit === undefined ? 10_000 : Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new UsageError(
        `--limit takes a whole number from 1 to 10000, not "${String(values.limit)}".`
      )
    }
    const articleId = positionals[0] === undefined ? undefined : parseId(positionals[0])
    const result = await context.engine.call('highlights.list', {
      articleId,
      tag: values.tag as string | undefined,
      site: values.site as string | undefined,
      color: parseColor(values.color as string | undefined),
      limit
    })
    if (!result.ok) return reportFailure(context, result, format === 'json')
    const { items, total } = result.value
    if (format === 'json') context.io.out(JSON.stringify(result.value))
    else if (format === 'text') context.io.out(formatHighlightRows(items, total))
    else context.io.out(await markdownOf(context, articleId, items))
    return exitCodes.ok
  }
}

/** An article with a note but no highlights still gets its section. */
async function markdownOf(
  context: CommandContext,
  articleId: number | undefined,
  items: HighlightListItem[]
): Promise<string> {
  if (articleId === undefined || items.length > 0) return highlightsMarkdown(items)
  const article = await context.engine.call('articles.get', { id: articleId })
  if (!article.ok) return ''
  const { id, title, url, site, byline, publishedAt, savedAt } = article.value
  const note = article.value.note
  return articleHighlightsMarkdown({ id, title, url, site, byline, publishedAt, savedAt, note }, [])
}

function describeCreated(highlight: Highlight): string {
  if (highlight.status === 'orphaned') {
    return `Highlight ${highlight.id} kept, but its quote could not be placed in the article's text.`
  }
  return `Highlight ${highlight.id} at ${highlight.start}–${highlight.end}: “${oneLine(highlight.quote, 60)}”`
}

export const highlight: Command = {
  summary: 'Highlight a quote in an article (placed by its text, for scripts and imports)',
  usage:
    'folio highlight ID --quote TEXT [--note TEXT] [--color C] [--prefix TEXT] [--suffix TEXT] [--json]\n\n' +
    `Colours: ${highlightColors.join(', ')} (yellow by default). A quote that is not in the\n` +
    "article's text is kept as a highlight that could not be placed, never dropped.",
  options: {
    quote: { type: 'string' },
    note: { type: 'string' },
    color: { type: 'string' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(context, { values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('highlight takes exactly one article id.')
    if (values.quote === undefined) throw new UsageError('highlight needs --quote TEXT.')
    const json = Boolean(values.json)
    const result = await context.engine.call('highlights.create', {
      articleId: parseId(positionals[0]),
      quote: values.quote as string,
      prefix: values.prefix as string | undefined,
      suffix: values.suffix as string | undefined,
      note: values.note as string | undefined,
      color: parseColor(values.color as string | undefined)
    })
    if (!result.ok) return reportFailure(context, result, json)
    context.io.out(json ? JSON.stringify(result.value) : describeCreated(result.value))
    return exitCodes.ok
  }
}

export const note: Command = {
  summary: "Set an article's own note (Markdown); an empty TEXT removes it",
  usage: 'folio note ID TEXT [--json]',
  options: { json: { type: 'boolean' } },
  async run(context, { values, positionals }) {
    if (positionals.length !== 2) throw new UsageError('note takes an article id and the text.')
    const json = Boolean(values.json)
    const result = await context.engine.call('articles.setNote', {
      id: parseId(positionals[0]),
      note: positionals[1]
    })
    if (!result.ok) return reportFailure(context, result, json)
    const { id, note: text } = result.value
    if (json) context.io.out(JSON.stringify(result.value))
    else
      context.io.out(text === null ? `Removed the note of article ${id}.` : `Noted article ${id}.`)
    return exitCodes.ok
  }
}

/** The highlight and note commands, spread into the command table. */
export const highlightCommands: Record<string, Command> = { highlights, highlight, note }
