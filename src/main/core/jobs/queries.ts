import type { Database } from 'better-sqlite3'
import type { JobInfo, JobKind, JobResult, JobStage, JobStatus } from '../../../shared/types'

interface JobRow {
  id: number
  kind: JobKind
  label: string
  payload: string
  status: JobStatus
  stage: JobStage | null
  progress_done: number | null
  progress_total: number | null
  result: string | null
  attempts: number
  next_attempt_at: number
  article_id: number | null
  error_code: string | null
  error_message: string | null
  created_at: number
  updated_at: number
}

/** A job as the queue runs it: its public view, plus the payload its kind reads. */
export interface Job extends JobInfo {
  /** Parsed JSON, checked against its kind's schema before it runs. */
  payload: unknown
  nextAttemptAt: number
}

function jobFromRow(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    input: row.label,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    stage: row.stage,
    progress:
      row.progress_total === null
        ? null
        : { done: row.progress_done ?? 0, total: row.progress_total },
    result: row.result === null ? null : (JSON.parse(row.result) as JobResult),
    attempts: row.attempts,
    articleId: row.article_id,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextAttemptAt: row.next_attempt_at
  }
}

/** The public view of a job, without its (possibly large) payload. */
export function jobInfo(job: Job): JobInfo {
  return {
    id: job.id,
    kind: job.kind,
    input: job.input,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    result: job.result,
    attempts: job.attempts,
    articleId: job.articleId,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt
  }
}

export interface NewJob {
  kind: JobKind
  /** What the job is about, for a person (`folio jobs` shows it). */
  label: string
  payload: unknown
  articleId: number | null
}

export function insertJob(db: Database, job: NewJob, now = Date.now()): Job {
  const row = db
    .prepare(
      `INSERT INTO jobs (kind, label, payload, status, stage, article_id, created_at, updated_at, next_attempt_at)
       VALUES (@kind, @label, @payload, 'queued', 'queued', @articleId, @now, @now, 0) RETURNING *`
    )
    .get({
      kind: job.kind,
      label: job.label,
      payload: JSON.stringify(job.payload),
      articleId: job.articleId,
      now
    }) as JobRow
  return jobFromRow(row)
}

export function getJob(db: Database, id: number): Job | null {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined
  return row ? jobFromRow(row) : null
}

export interface ListJobsOptions {
  status?: JobStatus
  kind?: JobKind
  ids?: number[]
  limit: number
}

export function listJobs(db: Database, options: ListJobsOptions): Job[] {
  const where: string[] = []
  if (options.status) where.push('status = @status')
  if (options.kind) where.push('kind = @kind')
  if (options.ids) where.push('id IN (SELECT value FROM json_each(@ids))')
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const rows = db.prepare(`SELECT * FROM jobs ${whereSql} ORDER BY id DESC LIMIT @limit`).all({
    status: options.status ?? null,
    kind: options.kind ?? null,
    ids: JSON.stringify(options.ids ?? []),
    limit: options.limit
  }) as JobRow[]
  return rows.map(jobFromRow)
}

/** The unfinished job of a kind, if one is waiting or running (a re-index is never queued twice). */
export function unfinishedJobOfKind(db: Database, kind: JobKind): Job | null {
  const row = db
    .prepare(
      "SELECT * FROM jobs WHERE kind = ? AND status IN ('queued', 'running') ORDER BY id LIMIT 1"
    )
    .get(kind) as JobRow | undefined
  return row ? jobFromRow(row) : null
}

/**
 * Takes the next due job for this process, atomically, so two Folio processes on one library
 * never run the same job.
 */
export function claimNextJob(
  db: Database,
  runnerPid: number,
  kinds: readonly JobKind[],
  now = Date.now()
): Job | null {
  const row = db
    .prepare(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1,
         stage = CASE kind WHEN 'capture' THEN 'fetching' ELSE 'working' END,
         runner_pid = @runnerPid, updated_at = @now
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND next_attempt_at <= @now
         AND kind IN (SELECT value FROM json_each(@kinds)) ORDER BY id LIMIT 1)
       RETURNING *`
    )
    .get({ now, runnerPid, kinds: JSON.stringify(kinds) }) as JobRow | undefined
  return row ? jobFromRow(row) : null
}

export function nextDueTime(db: Database, kinds: readonly JobKind[]): number | null {
  const row = db
    .prepare(
      `SELECT min(next_attempt_at) AS due FROM jobs WHERE status = 'queued'
       AND kind IN (SELECT value FROM json_each(?))`
    )
    .get(JSON.stringify(kinds)) as { due: number | null }
  return row.due
}

export function setJobStage(db: Database, id: number, stage: JobStage, now = Date.now()): void {
  db.prepare("UPDATE jobs SET stage = ?, updated_at = ? WHERE id = ? AND status = 'running'").run(
    stage,
    now,
    id
  )
}

export function setJobProgress(
  db: Database,
  id: number,
  progress: { done: number; total: number },
  now = Date.now()
): void {
  db.prepare(
    `UPDATE jobs SET progress_done = ?, progress_total = ?, updated_at = ?
     WHERE id = ? AND status = 'running'`
  ).run(progress.done, progress.total, now, id)
}

export function finishJob(
  db: Database,
  id: number,
  outcome:
    | { status: 'done'; result?: JobResult }
    | { status: 'failed' | 'cancelled'; code: string; message: string }
    | { status: 'queued'; code: string; message: string; nextAttemptAt: number },
  now = Date.now()
): void {
  const failed = outcome.status === 'done' ? null : outcome
  db.prepare(
    `UPDATE jobs SET status = @status, stage = @stage, error_code = @code, error_message = @message,
       next_attempt_at = @next, result = coalesce(@result, result), updated_at = @now WHERE id = @id`
  ).run({
    id,
    status: outcome.status,
    stage: outcome.status === 'done' ? 'done' : outcome.status === 'queued' ? 'queued' : null,
    code: failed?.code ?? null,
    message: failed?.message ?? null,
    next: outcome.status === 'queued' ? outcome.nextAttemptAt : 0,
    result: outcome.status === 'done' && outcome.result ? JSON.stringify(outcome.result) : null,
    now
  })
}

/** Puts jobs back in the queue (a retry asked by the user); returns the ids that were requeued. */
export function requeueJobs(db: Database, ids: number[], now = Date.now()): number[] {
  return (
    db
      .prepare(
        `UPDATE jobs SET status = 'queued', stage = 'queued', attempts = 0, next_attempt_at = 0,
           error_code = NULL, error_message = NULL, updated_at = @now
         WHERE id IN (SELECT value FROM json_each(@ids)) AND status IN ('failed', 'cancelled')
         RETURNING id`
      )
      .all({ ids: JSON.stringify(ids), now }) as { id: number }[]
  ).map((row) => row.id)
}

export function cancelQueuedJobs(db: Database, ids: number[], now = Date.now()): number[] {
  return (
    db
      .prepare(
        `UPDATE jobs SET status = 'cancelled', stage = NULL, error_code = 'cancelled',
           error_message = 'Cancelled.', updated_at = @now
         WHERE id IN (SELECT value FROM json_each(@ids)) AND status = 'queued'
         RETURNING id`
      )
      .all({ ids: JSON.stringify(ids), now }) as { id: number }[]
  ).map((row) => row.id)
}

/**
 * Jobs left `running` by a process that is gone (killed, crashed, power cut) go back to the
 * queue; jobs of a live Folio process (the app beside the CLI) are left to it.
 */
export function requeueOrphanedJobs(
  db: Database,
  isAlive: (pid: number) => boolean,
  now = Date.now()
): number {
  const running = db
    .prepare("SELECT id, runner_pid AS pid FROM jobs WHERE status = 'running'")
    .all() as {
    id: number
    pid: number | null
  }[]
  const orphans = running
    .filter((job) => job.pid === null || !isAlive(job.pid))
    .map((job) => job.id)
  if (orphans.length === 0) return 0
  return db
    .prepare(
      `UPDATE jobs SET status = 'queued', stage = 'queued', next_attempt_at = 0, runner_pid = NULL, updated_at = @now
       WHERE status = 'running' AND id IN (SELECT value FROM json_each(@ids))`
    )
    .run({ ids: JSON.stringify(orphans), now }).changes
}

/**
 * Stores what a running job has done so far (an import's report), in the transaction that did
 * it: a job resumed after a crash starts from there, and a failed one still shows it.
 */
export function setJobResult(db: Database, id: number, result: JobResult, now = Date.now()): void {
  db.prepare('UPDATE jobs SET result = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(result),
    now,
    id
  )
}

/**
 * Replaces a running job's payload: what a long job must remember to resume (an import's rows
 * so far), kept out of the job's public view so its progress events stay small.
 */
export function setJobPayload(db: Database, id: number, payload: unknown, now = Date.now()): void {
  db.prepare('UPDATE jobs SET payload = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(payload),
    now,
    id
  )
}
