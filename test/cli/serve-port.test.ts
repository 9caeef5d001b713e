import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo, Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { folioBin, runFolio } from '../helpers/cli'
import { useTempDirs } from '../helpers/temp'

function listen(port: number): Promise<Server | null> {
  const server = createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(null))
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}

describe('folio serve and its port', () => {
  const tempDir = useTempDirs()
  const held: Server[] = []

  afterEach(async () => {
    for (const server of held.splice(0)) await close(server)
  })

  it('listens on 8765 unless told otherwise, the port the extension and bookmarklet assume', async (test) => {
    // 8765 may be taken by another program on a shared machine; then there is nothing to show.
    const probe = await listen(8765)
    if (!probe) return test.skip()
    await close(probe)
    const child = spawn(
      process.execPath,
      [folioBin, '--library', join(tempDir(), 'library'), 'serve', '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let stdout = ''
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0])
        })
        child.once('exit', (code) => reject(new Error(`folio serve exited with ${code}`)))
      })
      expect(JSON.parse(line)).toMatchObject({ port: 8765 })
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('refuses a port already in use with a sentence saying what to do, and exits 1', async () => {
    const other = (await listen(0))!
    held.push(other)
    const { port } = other.address() as AddressInfo
    const run = await runFolio([
      '--library',
      join(tempDir(), 'library'),
      'serve',
      '--port',
      String(port)
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
    expect(run.stderr).toContain('--port N')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
