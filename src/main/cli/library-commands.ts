import { exportFormats } from '../../shared/types'
import type { ExportFormat, ExportSelection } from '../../shared/types'
import { runCountedJob } from './capture-commands'
import type { Command, CommandContext } from './commands'
import { UsageError, exitCodes } from './io'

function failed(context: CommandContext, message: string, json: boolean): number {
  if (json) context.io.out(JSON.stringify({ error: { message } }))
  context.io.err(`folio: ${message}`)
  return exitCodes.failed
}

export const backup: Command = {
  summary: 'Copy the library into one file, safely while the app or folio serve is running',
  usage: 'folio backup OUT [--force] [--json]',
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(context, { values, positionals }) {
    if (positionals.length !== 1)
      throw new UsageError('backup takes the file to write: folio backup OUT')
    const json = Boolean(values.json)
    const result = await context.engine.call('library.backup', {
      path: positionals[0],
      force: Boolean(values.force)
    })
    if (!result.ok) return failed(context, result.error.message, json)
    const { path, bytes } = result.value
    context.io.out(
      json ? JSON.stringify({ path, bytes }) : `Backed up the library to ${path} (${bytes} bytes).`
    )
    return exitCodes.ok
  }
}

export const check: Command = {
  summary:
    'Check the library (file, search index, images, tag counts, orphans); --repair rebuilds what is derived',
  usage: 'folio check [--repair] [--json]',
  options: { repair: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(context, { values }) {
    const json = Boolean(values.json)
    const result = await context.engine.call('library.check', { repair: Boolean(values.repair) })
    if (!result.ok) return failed(context, result.error.message, json)
    const report = result.value
    if (json) context.io.out(JSON.stringify(report))
    else if (report.problems.length === 0) context.io.out('The library is healthy.')
    else {
      for (const problem of report.problems) context.io.out(`✗ ${problem.message}`)
      for (const repair of report.repaired) context.io.out(`✓ ${repair}`)
      if (report.repaired.length > 0 && report.remaining.length === 0)
        context.io.out('Everything found was repaired.')
      else if (!values.repair && report.problems.some((problem) => problem.repairable))
        context.io.out(
          'folio check --repair rebuilds what is derived (index, counts, unused images).'
        )
      for (const problem of report.repaired.length > 0 ? report.remaining : [])
        context.io.out(`Still there: ${problem.message}`)
    }
    return report.remaining.length === 0 ? exitCodes.ok : exitCodes.failed
  }
}

function parseSelection(values: Record<string, unknown>, ids: string[]): ExportSelection {
  const chosen = [ids.length > 0, values.tag !== undefined, values.search !== undefined]
  if (chosen.filter(Boolean).length > 1)
    throw new UsageError('choose the articles one way: ids, --tag or --search (or none for all).')
  if (values.tag !== undefined) return { tag: values.tag as string }
  if (values.search !== undefined) return { search: values.search as string }
  if (ids.length === 0) return {}
  return {
    ids: ids.map((text) => {
      const id = Number(text)
      if (!Number.isInteger(id) || id <= 0)
        throw new UsageError(`"${text}" is not an article id (a positive whole number).`)
      return id
    })
  }
}

export const exportCommand: Command = {
  summary: `Export articles (all, some ids, a tag or a search) as ${exportFormats.join(', ')}`,
  usage: `folio export --format ${exportFormats.join('|')} [ID...|--tag T|--search Q] OUT [--force] [--json]`,
  options: {
    format: { type: 'string' },
    tag: { type: 'string' },
    search: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' }
  },
  async run(context, { values, positionals }) {
    const format = values.format as string | undefined
    if (!format || !(exportFormats as readonly string[]).includes(format))
      throw new UsageError(
        `--format takes ${exportFormats.join(', ')}${format ? `, not "${format}"` : ''}.`
      )
    if (positionals.length === 0) throw new UsageError('export needs the file to write (OUT) last.')
    const json = Boolean(values.json)
    const started = await context.engine.call('library.export', {
      format: format as ExportFormat,
      path: positionals[positionals.length - 1],
      selection: parseSelection(values, positionals.slice(0, -1)),
      force: Boolean(values.force)
    })
    if (!started.ok) return failed(context, started.error.message, json)
    const [job] = await runCountedJob(context, started.value.jobId, 'Exporting')
    const file = job.result?.file
    if (job.status !== 'done' || !file)
      return failed(context, job.error?.message ?? `The export ended as ${job.status}.`, json)
    context.io.out(
      json
        ? JSON.stringify(file)
        : `Exported ${file.articles} article${file.articles === 1 ? '' : 's'} as ${file.format} to ${file.path} (${file.bytes} bytes).`
    )
    return exitCodes.ok
  }
}
