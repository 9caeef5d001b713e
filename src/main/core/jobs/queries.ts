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
    ...infoFromRow(row),
    payload: JSON.parse(row.payload) as unknown,
    nextAttemptAt: row.next_attempt_at
  }
}

function infoFromRow(row: Omit<JobRow, 'payload'>): JobInfo {
  return {
    id: row.id,
    kind: row.kind,
    input: row.label,
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
    updatedAt: row.updated_at
  }
}

/** The public view of a job, without its (possibly large) payload. */
export function jobInfo(job: Job): JobInfo {
  const { payload: _payload, nextAttemptAt: _next, ...info } = job
  return info
}

/** The public view of these jobs, read without their payloads (a waiter reads them often). */
export function jobInfos(db: Database, ids: number[]): JobInfo[] {
  const rows = db
    .prepare(
      `SELECT id, kind, label, status, stage, progress_done, progress_total, result, attempts,
         next_attempt_at, article_id, error_code, error_message, created_at, updated_at
       FROM jobs WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`
    )
    .all(JSON.stringify(ids)) as Omit<JobRow, 'payload'>[]
  return rows.map(infoFromRow)
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
/** Which jobs a queue takes: those of its kinds, and only the listed ones when `only` is set. */
export interface ClaimScope {
  kinds: readonly JobKind[]
  only?: readonly number[] | null
}

function scopeParameters(scope: ClaimScope): { kinds: string; only: string | null } {
  return {
    kinds: JSON.stringify(scope.kinds),
    only: scope.only ? JSON.stringify(scope.only) : null
  }
}

const inScope = `kind IN (SELECT value FROM json_each(@kinds))
  AND (@only IS NULL OR id IN (SELECT value FROM json_each(@only)))`

export function claimNextJob(
  db: Database,
  runnerPid: number,
  scope: ClaimScope,
  now = Date.now()
): Job | null {
  const row = db
    .prepare(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1,
         stage = CASE kind WHEN 'capture' THEN 'fetching' ELSE 'working' END,
         runner_pid = @runnerPid, updated_at = @now
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND next_attempt_at <= @now
         AND ${inScope} ORDER BY id LIMIT 1)
       RETURNING *`
    )
    .get({ now, runnerPid, ...scopeParameters(scope) }) as JobRow | undefined
  return row ? jobFromRow(row) : null
}

export function nextDueTime(db: Database, scope: ClaimScope): number | null {
  const row = db
    .prepare(`SELECT min(next_attempt_at) AS due FROM jobs WHERE status = 'queued' AND ${inScope}`)
    .get(scopeParameters(scope)) as { due: number | null }
  return row.due
}

/**
 * Gives a job this process was running back to the queue, as if it had not been tried (the
 * process is stopping): another live Folio process takes it at once, or the next start does.
 */
export function releaseJob(db: Database, id: number, now = Date.now()): void {
  db.prepare(
    `UPDATE jobs SET status = 'queued', stage = 'queued', attempts = max(attempts - 1, 0),
       next_attempt_at = 0, runner_pid = NULL, updated_at = ? WHERE id = ? AND status = 'running'`
  ).run(now, id)
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

/**
 * Removes bulky fields (a page's HTML, a file's bytes) from a finished job's payload: the job
 * keeps its label and outcome, the library does not keep a second copy of what it saved.
 */
export function dropPayloadFields(db: Database, id: number, fields: readonly string[]): void {
  if (fields.length === 0) return
  const paths = fields.map(() => '?').join(', ')
  db.prepare(`UPDATE jobs SET payload = json_remove(payload, ${paths}) WHERE id = ?`).run(
    ...fields.map((field) => `$.${field}`),
    id
  )
}

/**
 * Forgets what the jobs of deleted articles carried (a signed-in page's HTML, a file's bytes):
 * their payloads are emptied and those still waiting are cancelled. Their labels stay.
 */
export function forgetArticleJobs(db: Database, articleIds: number[], now = Date.now()): void {
  const ids = JSON.stringify(articleIds)
  db.prepare(
    `UPDATE jobs SET status = 'cancelled', stage = NULL, error_code = 'cancelled',
       error_message = 'Cancelled: its article was deleted.', updated_at = @now
     WHERE status = 'queued' AND article_id IN (SELECT value FROM json_each(@ids))`
  ).run({ ids, now })
  db.prepare(
    `UPDATE jobs SET payload = '{}' WHERE article_id IN (SELECT value FROM json_each(?))`
  ).run(ids)
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
 * A running job's lease: its runner renews `updated_at` at least this often
 * (`leaseRenewalMs`), so a job whose lease is older than `leaseMs` has no runner, whatever
 * process now bears the PID it recorded (PIDs are reused).
 */
export const leaseRenewalMs = 10_000
export const leaseMs = 60_000

/** Renews the lease of the jobs this process runs. */
export function renewLeases(db: Database, ids: number[], now = Date.now()): void {
  if (ids.length === 0) return
  db.prepare(
    `UPDATE jobs SET updated_at = ? WHERE status = 'running'
     AND id IN (SELECT value FROM json_each(?))`
  ).run(now, JSON.stringify(ids))
}

export interface OrphanCheck {
  isAlive(pid: number): boolean
  /** True for a job this very process is running (its own PID proves nothing else). */
  runsHere(id: number): boolean
}

/**
 * Jobs left `running` by a process that is gone (killed, crashed, power cut) go back to the
 * queue: its PID is dead, or is this process's own while this process does not run the job, or
 * its lease ran out (the PID now belongs to another program). Jobs of a live Folio process (the
 * app beside the CLI) renew their leases and are left to it.
 */
export function requeueOrphanedJobs(db: Database, check: OrphanCheck, now = Date.now()): number {
  const running = db
    .prepare(
      "SELECT id, runner_pid AS pid, updated_at AS renewedAt FROM jobs WHERE status = 'running'"
    )
    .all() as { id: number; pid: number | null; renewedAt: number }[]
  const orphans = running
    .filter((job) => {
      if (job.pid === null || job.renewedAt < now - leaseMs) return true
      if (job.pid === process.pid) return !check.runsHere(job.id)
      return !check.isAlive(job.pid)
    })
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
