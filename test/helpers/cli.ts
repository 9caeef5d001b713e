import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const folioBin = fileURLToPath(new URL('../../bin/folio.js', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real `folio` executable as a user would, in its own process. */
export function runFolio(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [folioBin, ...args], {
      // Corpus pages name real image hosts; every name resolves to this machine instead.
      env: { ...process.env, FOLIO_LIBRARY: '', FOLIO_NETWORK: 'loopback', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
