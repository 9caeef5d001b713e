import { spawnSync } from 'node:child_process'

/**
 * Runs one phase of a benchmark in its own process (`node --import tsx SCRIPT --phase NAME …`),
 * so its peak RSS is its own, and returns the JSON line the phase prints last.
 */
export function runPhaseProcess<T>(script: string, phase: string, args: string[]): T {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, '--phase', phase, ...args],
    {
      encoding: 'utf8'
    }
  )
  if (child.status !== 0) throw new Error(`${phase} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T
}

/** The value after `--name` on this process's command line. */
export function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}
