import type { JobInfo, ReextractResult, SaveItemResult } from '../../shared/types'
import { getArticle } from '../core/db/queries/articles'
import { listJobs } from '../core/db/queries/jobs'
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

function outcomeOf(
  context: CommandContext,
  item: SaveItemResult,
  job: JobInfo | undefined
): SaveOutcome {
  if (!item.ok || !job)
    return { input: item.input, ok: false, id: item.articleId, title: null, error: item.error }
  const article =
    item.articleId === null ? null : getArticle(context.core.library.db, item.articleId)
  const ok = job.status === 'done'
  return {
    input: item.input,
    ok,
    id: item.articleId,
    title: article?.title ?? null,
    error: ok
      ? null
      : (job.error ?? { code: job.status, message: `The capture ended as ${job.status}.` })
  }
}

/** Runs the queue until the given jobs end, drawing progress on a terminal. */
async function runJobs(
  context: CommandContext,
  jobIds: number[],
  label: string
): Promise<JobInfo[]> {
  const progress = createProgress(context.io, jobIds.length, label)
  const pending = new Set(jobIds)
  const stop = context.core.library.onEvent((event) => {
    if (event.type !== 'job.progress' || !pending.has(event.job.id)) return
    if (['done', 'failed', 'cancelled'].includes(event.job.status)) {
      pending.delete(event.job.id)
      progress.step(event.job.input, event.job.status === 'done')
    }
  })
  context.core.start()
  const jobs = await context.core.capture.queue.waitFor(jobIds)
  stop()
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
    const result = await context.core.invoke('capture.save', { inputs: positionals, tags })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return exitCodes.failed
    }
    const items = (result.value as { items: SaveItemResult[] }).items
    const jobIds = items.flatMap((item) => (item.jobId === null ? [] : [item.jobId]))
    const jobs = new Map((await runJobs(context, jobIds, 'Saving')).map((job) => [job.id, job]))
    const outcomes = items.map((item) =>
      outcomeOf(context, item, item.jobId === null ? undefined : jobs.get(item.jobId))
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
    const result = await context.core.invoke('articles.reextract', all ? { all: true } : { ids })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return exitCodes.failed
    }
    const value = result.value as ReextractResult
    if (values.json) context.io.out(JSON.stringify(value))
    else {
      context.io.out(
        `Re-extracted ${value.reextracted.length} article${value.reextracted.length === 1 ? '' : 's'}.`
      )
      for (const failed of value.failed) context.io.err(`✗ ${failed.id}: ${failed.error.message}`)
    }
    return value.failed.length === 0 ? exitCodes.ok : exitCodes.failed
  }
}

function formatJob(job: JobInfo): string {
  const state = job.status === 'running' ? `${job.status} (${job.stage})` : job.status
  const error = job.error ? `  ${job.error.message}` : ''
  return `${String(job.id).padStart(5)}  ${state.padEnd(22)} ${job.input}${error}`
}

export const jobs: Command = {
  summary: 'Show the capture queue; retry, cancel or resume captures',
  usage:
    'folio jobs [--json] [--status queued|running|done|failed|cancelled] [--limit N]\n' +
    '       folio jobs retry <id>... | cancel <id>... | resume',
  options: { json: { type: 'boolean' }, status: { type: 'string' }, limit: { type: 'string' } },
  async run(context, { values, positionals }) {
    const [action, ...rest] = positionals
    if (action === 'resume') {
      const queued = listJobs(context.core.library.db, { limit: 100_000 }).filter(
        (job) => job.status === 'queued' || job.status === 'running'
      )
      const finished = await runJobs(
        context,
        queued.map((job) => job.id),
        'Resuming'
      )
      context.io.out(
        `${finished.filter((job) => job.status === 'done').length} of ${finished.length} captures done.`
      )
      return finished.every((job) => job.status === 'done') ? exitCodes.ok : exitCodes.failed
    }
    if (action === 'retry' || action === 'cancel') {
      const ids = rest.map(Number)
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
        throw new UsageError(`jobs ${action} takes job ids.`)
      }
      const result = await context.core.invoke(action === 'retry' ? 'jobs.retry' : 'jobs.cancel', {
        ids
      })
      if (!result.ok) {
        context.io.err(`folio: ${result.error.message}`)
        return exitCodes.failed
      }
      if (action === 'retry') {
        const retried = (result.value as { retried: number[] }).retried
        const finished = await runJobs(context, retried, 'Retrying')
        context.io.out(
          `${finished.filter((job) => job.status === 'done').length} of ${ids.length} captures done.`
        )
        return finished.length === ids.length && finished.every((job) => job.status === 'done')
          ? exitCodes.ok
          : exitCodes.failed
      }
      context.io.out(
        `Cancelled ${(result.value as { cancelled: number[] }).cancelled.length} of ${ids.length}.`
      )
      return exitCodes.ok
    }
    if (action !== undefined)
      throw new UsageError(`"${action}" is not a jobs action; use retry, cancel or resume.`)
    const limit = values.limit === undefined ? 50 : Number(values.limit)
    const result = await context.core.invoke('jobs.list', { status: values.status, limit })
    if (!result.ok) {
      context.io.err(`folio: ${result.error.message}`)
      return result.error.code === 'invalid_input' ? exitCodes.usage : exitCodes.failed
    }
    const list = result.value as JobInfo[]
    if (values.json) context.io.out(JSON.stringify(list))
    else context.io.out(list.length === 0 ? 'No captures yet.' : list.map(formatJob).join('\n'))
    return exitCodes.ok
  }
}
