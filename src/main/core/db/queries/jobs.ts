import type { Database } from 'better-sqlite3'
import type { CaptureStage, JobInfo, JobStatus } from '../../../../shared/types'

/** What a capture job is asked to do; stored as JSON in `jobs.payload`. */
export type CapturePayload =
  | { source: 'url'; url: string }
  | { source: 'html'; url: string; html: string; title?: string }
  | { source: 'file'; path: string; url: string }
  /** A file sent through a door that has no path for it (dropped in a browser window). */
  | { source: 'upload'; name: string; url: string; contentBase64: string }

interface JobRow {
  id: number
  kind: 'capture'
  payload: string
  status: JobStatus
  stage: CaptureStage | null
  attempts: number
  next_attempt_at: number
  article_id: number | null
  error_code: string | null
  error_message: string | null
  created_at: number
  updated_at: number
}

export interface Job extends JobInfo {
  payload: CapturePayload
  nextAttemptAt: number
}

function inputOf(payload: CapturePayload): string {
  if (payload.source === 'file') return payload.path
  if (payload.source === 'upload') return payload.name
  return payload.url
}

function jobFromRow(row: JobRow): Job {
  const payload = JSON.parse(row.payload) as CapturePayload
  return {
    id: row.id,
    kind: row.kind,
    input: inputOf(payload),
    payload,
    status: row.status,
    stage: row.stage,
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
    attempts: job.attempts,
    articleId: job.articleId,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt
  }
}

export function insertJob(
  db: Database,
  payload: CapturePayload,
  articleId: number,
  now = Date.now()
): Job {
  const row = db
    .prepare(
      `INSERT INTO jobs (kind, payload, status, stage, article_id, created_at, updated_at, next_attempt_at)
       VALUES ('capture', ?, 'queued', 'queued', ?, ?, ?, 0) RETURNING *`
    )
    .get(JSON.stringify(payload), articleId, now, now) as JobRow
  return jobFromRow(row)
}

export function getJob(db: Database, id: number): Job | null {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined
  return row ? jobFromRow(row) : null
}

export function listJobs(db: Database, options: { status?: JobStatus; limit: number }): Job[] {
  const rows = options.status
    ? db
        .prepare('SELECT * FROM jobs WHERE status = ? ORDER BY id DESC LIMIT ?')
        .all(options.status, options.limit)
    : db.prepare('SELECT * FROM jobs ORDER BY id DESC LIMIT ?').all(options.limit)
  return (rows as JobRow[]).map(jobFromRow)
}

/**
 * Takes the next due job for this process, atomically, so two Folio processes on one library
 * never run the same job.
 */
export function claimNextJob(db: Database, runnerPid: number, now = Date.now()): Job | null {
  const row = db
    .prepare(
      `UPDATE jobs SET status = 'running', stage = 'fetching', attempts = attempts + 1,
         runner_pid = @runnerPid, updated_at = @now
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND next_attempt_at <= @now ORDER BY id LIMIT 1)
       RETURNING *`
    )
    .get({ now, runnerPid }) as JobRow | undefined
  return row ? jobFromRow(row) : null
}

export function nextDueTime(db: Database): number | null {
  const row = db
    .prepare("SELECT min(next_attempt_at) AS due FROM jobs WHERE status = 'queued'")
    .get() as {
    due: number | null
  }
  return row.due
}

export function setJobStage(db: Database, id: number, stage: CaptureStage, now = Date.now()): void {
  db.prepare("UPDATE jobs SET stage = ?, updated_at = ? WHERE id = ? AND status = 'running'").run(
    stage,
    now,
    id
  )
}

export function finishJob(
  db: Database,
  id: number,
  outcome:
    | { status: 'done' }
    | { status: 'failed' | 'cancelled'; code: string; message: string }
    | { status: 'queued'; code: string; message: string; nextAttemptAt: number },
  now = Date.now()
): void {
  const failed = outcome.status === 'done' ? null : outcome
  db.prepare(
    `UPDATE jobs SET status = @status, stage = @stage, error_code = @code, error_message = @message,
       next_attempt_at = @next, updated_at = @now WHERE id = @id`
  ).run({
    id,
    status: outcome.status,
    stage: outcome.status === 'done' ? 'done' : outcome.status === 'queued' ? 'queued' : null,
    code: failed?.code ?? null,
    message: failed?.message ?? null,
    next: outcome.status === 'queued' ? outcome.nextAttemptAt : 0,
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
