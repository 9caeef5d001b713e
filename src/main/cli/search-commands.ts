import { UsageError, exitCodes } from './io'
import type { Command } from './commands'
import { runCountedJob } from './capture-commands'

const highlightStart = '\x1b[1m'
const highlightEnd = '\x1b[22m'

/** Marks the matched words in bold on a terminal, with «» when the output is piped. */
function highlight(snippet: string, ranges: [number, number][], tty: boolean): string {
  let result = ''
  let position = 0
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < position) continue
    result += snippet.slice(position, start)
    result += tty
      ? `${highlightStart}${snippet.slice(start, end)}${highlightEnd}`
      : `«${snippet.slice(start, end)}»`
    position = end
  }
  return result + snippet.slice(position)
}

export const search: Command = {
  summary:
    'Search the library: words, "phrases", -exclusions, OR, tag:, site:, is:, lang:, before:, after:',
  usage: 'folio search <query> [--json] [--limit N] [--sort relevance|date]',
  options: { json: { type: 'boolean' }, limit: { type: 'string' }, sort: { type: 'string' } },
  async run(context, { values, positionals }) {
    if (positionals.length === 0)
      throw new UsageError('search takes a query, e.g. folio search "large language" tag:research')
    const limit = values.limit === undefined ? 20 : Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new UsageError(
        `--limit takes a whole number from 1 to 200, not "${String(values.limit)}".`
      )
    }
    const sort = (values.sort as string | undefined) ?? 'relevance'
    if (sort !== 'relevance' && sort !== 'date')
      throw new UsageError(`--sort takes relevance or date, not "${sort}".`)
    const result = await context.engine.call('search.query', {
      query: positionals.join(' '),
      limit,
      sort
    })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return exitCodes.failed
    }
    const page = result.value
    if (values.json) {
      context.io.out(
        JSON.stringify(
          page.items.map(({ id, title, url, site, snippet, highlights, score }) => ({
            id,
            title,
            url,
            site,
            snippet,
            highlights,
            score
          }))
        )
      )
      return exitCodes.ok
    }
    for (const ignored of page.ignored) context.io.err(`folio: ignored "${ignored}" in the query`)
    if (page.items.length === 0) {
      context.io.out('No articles match.')
      return exitCodes.ok
    }
    const count = `${page.total}${page.totalIsLowerBound ? '+' : ''}`
    context.io.out(`${count} article${page.total === 1 ? '' : 's'} match.\n`)
    for (const hit of page.items) {
      context.io.out(`${hit.id}  ${hit.title || hit.url}${hit.site ? `  (${hit.site})` : ''}`)
      if (hit.snippet)
        context.io.out(`    ${highlight(hit.snippet, hit.highlights, context.io.isTTY)}`)
    }
    return exitCodes.ok
  }
}

export const reindex: Command = {
  summary: 'Rebuild the search index from the stored articles',
  usage: 'folio reindex [--json]',
  options: { json: { type: 'boolean' } },
  async run(context, { values }) {
    const result = await context.engine.call('search.reindex', {})
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return exitCodes.failed
    }
    const [job] = await runCountedJob(context, result.value.jobId, 'Indexing')
    if (job.status !== 'done') {
      context.io.err(`folio: ${job.error?.message ?? `The re-index ended as ${job.status}.`}`)
      return exitCodes.failed
    }
    const articles = job.result?.done ?? result.value.articles
    context.io.out(
      values.json
        ? JSON.stringify({ articles })
        : `Reindexed ${articles} article${articles === 1 ? '' : 's'}.`
    )
    return exitCodes.ok
  }
}
