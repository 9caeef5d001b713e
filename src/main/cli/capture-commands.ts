import { jobStatuses } from '../../shared/types'
import type { JobInfo, JobStatus, SaveItemResult } from '../../shared/types'
import { UsageError, exitCodes } from './io'
import type { Command, CommandContext } from './commands'
import { createProgress } from './progress'

interface SaveOutcome {
  input: string
  ok: boolean
  id: number | null
  title: string | null
  error: { code: string; message: string } | null
}

async function outcomeOf(
  context: CommandContext,
  item: SaveItemResult,
  job: JobInfo | undefined
): Promise<SaveOutcome> {
  if (!item.ok || !job)
    return { input: item.input, ok: false, id: item.articleId, title: null, error: item.error }
  const article =
    item.articleId === null
      ? null
      : await context.engine.call('articles.get', { id: item.articleId })
  const ok = job.status === 'done'
  return {
    input: item.input,
    ok,
    id: item.articleId,
    title: article?.ok ? article.value.title : null,
    error: ok
      ? null
      : (job.error ?? { code: job.status, message: `The capture ended as ${job.status}.` })
  }
}

/** A transient failure sent back to the queue: the job waits for another try. */
function isRetrying(job: JobInfo): boolean {
  return job.status === 'queued' && job.attempts > 0 && job.error !== null
}

/**
 * Runs the queue until the given jobs end, whichever process runs them, drawing progress on a
 * terminal and saying on stderr when a temporary failure will be tried again. `only` runs just
 * these jobs here (a save); otherwise every queued job (resume, retry).
 */
async function runJobs(
  context: CommandContext,
  jobIds: number[],
  label: string,
  only = false
): Promise<JobInfo[]> {
  const progress = createProgress(context.io, jobIds.length, label)
  context.engine.start(only ? { only: jobIds } : {})
  const jobs = await context.engine.waitForJobs(jobIds, {
    onUpdate(job) {
      if (['done', 'failed', 'cancelled'].includes(job.status))
        progress.step(job.input, job.status === 'done')
      else if (isRetrying(job)) {
        progress.clear()
        context.io.err(
          `folio: try ${job.attempts} at ${job.input} failed; Folio tries again in a moment. (${job.error?.message})`
        )
      }
    }
  })
  progress.finish()
  return jobs
}

export const save: Command = {
  summary: 'Save web pages or local files (.html, .txt, .md) for offline reading',
  usage: 'folio save <url|file>... [--tag NAME]... [--json]',
  options: { tag: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  async run(context, { values, positionals }) {
    if (positionals.length === 0)
      throw new UsageError('save takes one or more web addresses or files.')
    const tags = (values.tag as string[] | undefined) ?? []
    const result = await context.engine.call('capture.save', { inputs: positionals, tags })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return exitCodes.failed
    }
    const items = result.value.items
    const jobIds = items.flatMap((item) => (item.jobId === null ? [] : [item.jobId]))
    const jobs = new Map(
      (await runJobs(context, jobIds, 'Saving', true)).map((job) => [job.id, job])
    )
    const outcomes = await Promise.all(
      items.map((item) =>
        outcomeOf(context, item, item.jobId === null ? undefined : jobs.get(item.jobId))
      )
    )
    if (values.json) context.io.out(JSON.stringify(outcomes))
    else {
      for (const outcome of outcomes) {
        if (outcome.ok) context.io.out(`✓ ${outcome.id}  ${outcome.title || outcome.input}`)
        else context.io.err(`✗ ${outcome.input}: ${outcome.error?.message ?? 'failed'}`)
      }
    }
    return outcomes.every((outcome) => outcome.ok) ? exitCodes.ok : exitCodes.failed
  }
}

export const reextract: Command = {
  summary: 'Extract articles again from their stored pages, without the network',
  usage: 'folio reextract <id>... | --all [--json]',
  options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(context, { values, positionals }) {
    const all = Boolean(values.all)
    if (all === positionals.length > 0)
      throw new UsageError('reextract takes article ids, or --all.')
    const ids = positionals.map((text) => {
      const id = Number(text)
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${text}" is not an article id.`)
      return id
    })
    const result = await context.engine.call('articles.reextract', all ? { all: true } : { ids })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return exitCodes.failed
    }
    const [job] = await runCountedJob(context, result.value.jobId, 'Re-extracting')
    const summary = { skipped: [], ...(job.result ?? { done: 0, failed: [] }) }
    if (values.json) context.io.out(JSON.stringify({ job: job.id, status: job.status, ...summary }))
    else {
      context.io.out(`Re-extracted ${summary.done} article${summary.done === 1 ? '' : 's'}.`)
      if (summary.skipped.length > 0)
        context.io.out(
          `Skipped ${summary.skipped.length} without a stored page (failed or pending captures; ` +
            `\`folio jobs retry\` saves them again): ${summary.skipped.join(', ')}.`
        )
      for (const failed of summary.failed) context.io.err(`✗ ${failed.id}: ${failed.error.message}`)
      if (job.error) context.io.err(`folio: ${job.error.message}`)
    }
    return job.status === 'done' && summary.failed.length === 0 ? exitCodes.ok : exitCodes.failed
  }
}

/** Runs one long job (re-extract, re-index) to its end, drawing its counted progress. */
export async function runCountedJob(
  context: CommandContext,
  jobId: number,
  label: string
): Promise<JobInfo[]> {
  const stop = context.engine.onEvent((event) => {
    if (event.type !== 'job.progress' || event.job.id !== jobId || !context.io.isTTY) return
    const progress = event.job.progress
    if (progress) process.stderr.write(`\r\x1b[2K${label} ${progress.done}/${progress.total}`)
  })
  context.engine.start()
  const jobs = await context.engine.waitForJobs([jobId])
  stop()
  if (context.io.isTTY) process.stderr.write('\r\x1b[2K')
  return jobs
}

function formatJob(job: JobInfo): string {
  const progress = job.progress ? ` ${job.progress.done}/${job.progress.total}` : ''
  const state = job.status === 'running' ? `${job.status} (${job.stage}${progress})` : job.status
  const error = job.error ? `  ${job.error.message}` : ''
  return `${String(job.id).padStart(5)}  ${job.kind.padEnd(9)} ${state.padEnd(26)} ${job.input}${error}`
}

function parseStatus(value: unknown): JobStatus | undefined {
  if (value === undefined) return undefined
  if ((jobStatuses as readonly unknown[]).includes(value)) return value as JobStatus
  throw new UsageError(`--status takes ${jobStatuses.join(', ')}, not "${String(value)}".`)
}

function failed(context: CommandContext, message: string): number {
  context.io.err(`folio: ${message}`)
  return exitCodes.failed
}

export const jobs: Command = {
  summary:
    'Show the jobs of every kind (captures, re-extractions, re-indexing); retry, cancel or resume them',
  usage:
    'folio jobs [--json] [--status queued|running|done|failed|cancelled] [--limit N]\n' +
    '       folio jobs retry <id>... | cancel <id>... | resume',
  options: { json: { type: 'boolean' }, status: { type: 'string' }, limit: { type: 'string' } },
  async run(context, { values, positionals }) {
    const [action, ...rest] = positionals
    if (action === 'resume') {
      const listed = await context.engine.call('jobs.list', { limit: 100_000 })
      const queued = (listed.ok ? listed.value : []).filter(
        (job) => job.status === 'queued' || job.status === 'running'
      )
      const finished = await runJobs(
        context,
        queued.map((job) => job.id),
        'Resuming'
      )
      context.io.out(
        `${finished.filter((job) => job.status === 'done').length} of ${finished.length} jobs done.`
      )
      return finished.every((job) => job.status === 'done') ? exitCodes.ok : exitCodes.failed
    }
    if (action === 'retry' || action === 'cancel') {
      const ids = rest.map(Number)
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
        throw new UsageError(`jobs ${action} takes job ids.`)
      }
      if (action === 'cancel') {
        const result = await context.engine.call('jobs.cancel', { ids })
        if (!result.ok) return failed(context, result.error.message)
        context.io.out(`Cancelled ${result.value.cancelled.length} of ${ids.length}.`)
        return exitCodes.ok
      }
      const result = await context.engine.call('jobs.retry', { ids })
      if (!result.ok) return failed(context, result.error.message)
      const finished = await runJobs(context, result.value.retried, 'Retrying')
      context.io.out(
        `${finished.filter((job) => job.status === 'done').length} of ${ids.length} jobs done.`
      )
      return finished.length === ids.length && finished.every((job) => job.status === 'done')
        ? exitCodes.ok
        : exitCodes.failed
    }
    if (action !== undefined)
      throw new UsageError(`"${action}" is not a jobs action; use retry, cancel or resume.`)
    const limit = values.limit === undefined ? 50 : Number(values.limit)
    const result = await context.engine.call('jobs.list', {
      status: parseStatus(values.status),
      limit
    })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return result.error.code === 'invalid_input' ? exitCodes.usage : exitCodes.failed
    }
    const list = result.value
    if (values.json) context.io.out(JSON.stringify(list))
    else context.io.out(list.length === 0 ? 'No jobs yet.' : list.map(formatJob).join('\n'))
    return exitCodes.ok
  }
}
