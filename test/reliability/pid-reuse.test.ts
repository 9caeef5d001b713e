import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/main/core/engine'
import type { Engine } from '../../src/main/core/engine'
import { openLibrary } from '../../src/main/core/library'
import type { Library } from '../../src/main/core/library'
import { unwrap } from '../../src/shared/errors'
import type { JobInfo } from '../../src/shared/types'
import { runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

const page =
  '<html><head><title>Left half-saved</title></head><body><article>' +
  '<p>A page whose capture was running when its Folio process was killed. </p>'.repeat(8) +
  '</article></body></html>'

describe('jobs left running by a crashed process whose PID is alive again', () => {
  const tempDir = useTempDirs()
  let library: Library | undefined
  let engine: Engine | undefined

  afterEach(async () => {
    await engine?.close()
    library?.close()
    engine = undefined
    library = undefined
  })

  /** A library with one capture left `running` by `pid`, its lease last renewed at `renewedAt`. */
  async function crashedCapture(
    pid: number,
    renewedAt: number
  ): Promise<{ dir: string; jobId: number }> {
    const dir = tempDir()
    const file = join(dir, 'page.html')
    writeFileSync(file, page)
    library = openLibrary(join(dir, 'library'))
    engine = createEngine(library, { log: () => {}, capture: { workers: 1 } })
    const { items } = unwrap(await engine.call('capture.save', { inputs: [file], tags: [] }))
    library.db
      .prepare(
        "UPDATE jobs SET status = 'running', stage = 'fetching', attempts = 1, runner_pid = ?, updated_at = ?"
      )
      .run(pid, renewedAt)
    return { dir: join(dir, 'library'), jobId: items[0].jobId! }
  }

  function within<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
    return Promise.race([
      promise,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`not done within ${milliseconds} ms`)), milliseconds)
      )
    ])
  }

  it('resumes them when the PID now belongs to another program (their lease ran out)', async () => {
    // This test's own process: alive, and no Folio job runner.
    const { dir } = await crashedCapture(process.pid, Date.now() - 5 * 60_000)
    await engine!.close()
    library!.close()
    engine = undefined
    library = undefined

    const resumed = await runFolio(['--library', dir, 'jobs', 'resume'])
    expect(resumed.stdout).toContain('1 of 1 jobs done')
    expect(resumed.code).toBe(0)
    const listed = await runFolio(['--library', dir, 'list', '--json'])
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ title: 'Left half-saved', captureStatus: 'ready' })
    ])
  })

  it('resumes them when the PID is the starting process’s own', async () => {
    const { jobId } = await crashedCapture(process.pid, Date.now())
    engine!.start()
    const [job] = await within<JobInfo[]>(engine!.waitForJobs([jobId]), 15_000)
    expect(job.status).toBe('done')
  })
})
