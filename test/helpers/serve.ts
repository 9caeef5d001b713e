import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { folioBin } from './cli'

export interface ServedLibrary {
  url: string
  port: number
  token: string
  stop(): Promise<void>
}

/** Starts the real `folio serve` on a free port and waits for the address it prints. */
export function serveLibrary(libraryDir: string): Promise<ServedLibrary> {
  const child: ChildProcess = spawn(
    process.execPath,
    [folioBin, '--library', libraryDir, 'serve', '--port', '0', '--json'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FOLIO_NETWORK: 'loopback' } }
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    let stdout = ''
    child.once('exit', (code) => reject(new Error(`folio serve exited with ${code}: ${stderr}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n')[0]
      if (!stdout.includes('\n')) return
      const { url, port, token } = JSON.parse(line) as { url: string; port: number; token: string }
      child.removeAllListeners('exit')
      resolve({
        url,
        port,
        token,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          })
      })
    })
  })
}
