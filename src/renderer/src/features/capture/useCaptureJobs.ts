import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaptureStage, JobInfo } from '../../../../shared/types'
import { api } from '../../api'

/** One input the user asked to save in this window, and where its capture is. */
export interface CaptureItem {
  key: string
  input: string
  jobId: number | null
  articleId: number | null
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled'
  stage: CaptureStage | null
  error: string | null
}

export interface CaptureJobs {
  items: CaptureItem[]
  /** The live stage of every capture under way, by article, for the list rows. */
  stageByArticle: ReadonlyMap<number, CaptureStage>
  save(inputs: string[]): Promise<string | null>
  /** Saves dropped files (.html, .htm, .txt, .md) by their bytes; the browser gives no path. */
  saveFiles(files: File[]): Promise<string | null>
  retry(jobId: number): Promise<void>
  clearFinished(): void
}

/** Reports kept for jobs whose `capture.save` answer may still be on its way. */
const recentJobLimit = 1000

/** The step a capture job is at ('working' is the stage of the kinds that count progress). */
function captureStage(job: JobInfo): CaptureStage | null {
  return job.stage === 'working' ? null : job.stage
}

function fromJob(item: CaptureItem, job: JobInfo): CaptureItem {
  return {
    ...item,
    articleId: job.articleId ?? item.articleId,
    status: job.status,
    stage: captureStage(job),
    error: job.error?.message ?? null
  }
}

type SaveAnswer = Extract<
  Awaited<ReturnType<(typeof api)['capture.save']>>,
  { ok: true }
>['value']['items'][number]

/** An address `capture.save` answered for: queued, already saved, or refused. */
function savedItem(item: SaveAnswer, key: string): CaptureItem {
  return {
    key,
    input: item.input,
    jobId: item.jobId,
    articleId: item.articleId,
    status: item.ok ? (item.jobId === null ? 'done' : 'queued') : 'failed',
    stage: item.ok ? 'queued' : null,
    error: item.error?.message ?? null
  }
}

/** The captures started from the Add box, kept current by `job.progress` events. */
export function useCaptureJobs(): CaptureJobs {
  const [items, setItems] = useState<CaptureItem[]>([])
  const { latestJobs, stageByArticle } = useJobReports(setItems)

  /** New items go first, with any report their job already sent. */
  const add = useCallback(
    (added: CaptureItem[]) => {
      const reported = added.map((item) => {
        const job = item.jobId === null ? undefined : latestJobs.current.get(item.jobId)
        return job ? fromJob(item, job) : item
      })
      setItems((previous) => [...reported, ...previous])
    },
    [latestJobs]
  )

  const save = useCallback(
    async (inputs: string[]): Promise<string | null> => {
      const result = await api['capture.save']({ inputs })
      if (!result.ok) return result.error.message
      const started = Date.now()
      add(result.value.items.map((item, index) => savedItem(item, `${started}-${index}`)))
      return null
    },
    [add]
  )

  const saveFiles = useCallback(
    async (files: File[]): Promise<string | null> => {
      const started = Date.now()
      const added: CaptureItem[] = []
      for (const [index, file] of files.entries()) {
        const result = await api['capture.saveFile']({
          name: file.name,
          contentBase64: await base64Of(file)
        })
        const item = result.ok ? result.value : null
        added.push({
          key: `${started}-file-${index}`,
          input: file.name,
          jobId: item?.jobId ?? null,
          articleId: item?.articleId ?? null,
          status: item ? 'queued' : 'failed',
          stage: item ? 'queued' : null,
          error: result.ok ? null : result.error.message
        })
      }
      add(added)
      return null
    },
    [add]
  )

  const retry = useCallback(async (jobId: number) => {
    const update = (change: Partial<CaptureItem>): void =>
      setItems((previous) =>
        previous.map((item) => (item.jobId === jobId ? { ...item, ...change } : item))
      )
    update({ status: 'queued', stage: 'queued', error: null })
    const result = await api['jobs.retry']({ ids: [jobId] })
    if (!result.ok || !result.value.retried.includes(jobId)) {
      const message = result.ok ? 'This capture can no longer be retried.' : result.error.message
      update({ status: 'failed', error: message })
    }
  }, [])

  const clearFinished = useCallback(() => {
    setItems((previous) => previous.filter((item) => item.status !== 'done'))
  }, [])

  return { items, stageByArticle, save, saveFiles, retry, clearFinished }
}

/**
 * `job.progress` events: they update the items of this window and the stage of every capture
 * under way, whoever started it.
 */
function useJobReports(setItems: React.Dispatch<React.SetStateAction<CaptureItem[]>>): {
  latestJobs: React.RefObject<Map<number, JobInfo>>
  stageByArticle: ReadonlyMap<number, CaptureStage>
} {
  const [stageByArticle, setStageByArticle] = useState<ReadonlyMap<number, CaptureStage>>(
    () => new Map()
  )
  // A fast capture can finish (and report) before `capture.save` has answered with its job id:
  // the latest report of each recent job is kept to be applied when the answer arrives.
  const latestJobs = useRef(new Map<number, JobInfo>())

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'job.progress' || event.job.kind !== 'capture') return
        const { job } = event
        latestJobs.current.delete(job.id)
        latestJobs.current.set(job.id, job)
        if (latestJobs.current.size > recentJobLimit) {
          latestJobs.current.delete(latestJobs.current.keys().next().value as number)
        }
        setItems((previous) =>
          previous.some((item) => item.jobId === job.id)
            ? previous.map((item) => (item.jobId === job.id ? fromJob(item, job) : item))
            : previous
        )
        if (job.articleId === null) return
        const articleId = job.articleId
        setStageByArticle((previous) => {
          const next = new Map(previous)
          if (job.status === 'running' || job.status === 'queued') {
            next.set(articleId, captureStage(job) ?? 'queued')
          } else next.delete(articleId)
          return next
        })
      }),
    [setItems]
  )
  return { latestJobs, stageByArticle }
}

/** Web addresses in pasted or dropped text: one per line, or separated by spaces. */
export function urlsIn(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter((word) => /^https?:\/\/\S+$/i.test(word)))]
}

/** A file's bytes as base64, read by the browser (a data: URL is base64 after its comma). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1))
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`))
    reader.readAsDataURL(file)
  })
}
