import type { ImportReport, JobInfo } from '../../shared/types'
import { runCountedJob } from './capture-commands'
import type { Command, CommandContext } from './commands'
import { UsageError, exitCodes } from './io'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** The report for a person: the counts, then each row that did not simply import. */
function reportText(report: ImportReport): string[] {
  const { counts } = report
  const lines = [
    `Imported ${plural(counts.imported, 'article')} from ${report.path} (${report.format}): ` +
      `${counts.merged} merged into articles already there, ${counts.skipped} already there, ${counts.failed} failed.`
  ]
  for (const row of report.rows) {
    if (row.outcome === 'failed')
      lines.push(`✗ row ${row.row}${row.url ? ` ${row.url}` : ''}: ${row.reason}`)
  }
  if (report.captures > 0) {
    lines.push(
      `${plural(report.captures, 'page')} queued to fetch: they are fetched while Folio runs (the app, folio serve) or now with folio jobs resume.`
    )
  }
  return lines
}

function printOutcome(context: CommandContext, job: JobInfo, json: boolean): number {
  const report = job.result?.import
  if (json) {
    const counts = report?.counts ?? null
    context.io.out(
      JSON.stringify({
        job: job.id,
        status: job.status,
        format: report?.format ?? null,
        counts,
        captures: report?.captures ?? 0,
        rows: report?.rows ?? [],
        ...(job.error ? { error: job.error } : {})
      })
    )
  } else if (report) {
    context.io.out(reportText(report).join('\n'))
  }
  if (job.status !== 'done') {
    context.io.err(`folio: ${job.error?.message ?? `The import ended as ${job.status}.`}`)
    return exitCodes.failed
  }
  return exitCodes.ok
}

export const importCommand: Command = {
  summary:
    'Import a Pocket (ZIP, CSV, HTML, API JSON), Instapaper (CSV) or bookmarks export, or a list of URLs',
  usage: 'folio import FILE [--tag T]... [--no-fetch] [--json]',
  options: {
    tag: { type: 'string', multiple: true },
    'no-fetch': { type: 'boolean' },
    json: { type: 'boolean' }
  },
  async run(context, { values, positionals }) {
    if (positionals.length !== 1)
      throw new UsageError('import takes the file to read: folio import FILE')
    const json = Boolean(values.json)
    const started = await context.engine.call('library.import', {
      path: positionals[0],
      tags: (values.tag as string[] | undefined) ?? [],
      fetch: !values['no-fetch']
    })
    if (!started.ok) {
      if (json) context.io.out(JSON.stringify({ error: started.error }))
      context.io.err(`folio: ${started.error.message}`)
      return exitCodes.failed
    }
    const [job] = await runCountedJob(context, started.value.jobId, 'Importing')
    return printOutcome(context, job, json)
  }
}
