import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEngineClient } from '../../src/main/electron/engine-client'
import type { EngineChannel, EngineClient } from '../../src/main/electron/engine-client'
import type { ToEngineMessage } from '../../src/main/electron/engine-protocol'
import { assertBuilt, builtEngine } from '../helpers/built-app'
import { forkUtilityProcess } from '../helpers/fake-electron/utility-process.mjs'
import { useTempDirs } from '../helpers/temp'

// The main process's client against the built engine bundle in a real child process, as
// Electron's utilityProcess would run it (test/helpers/fake-electron/utility-process.mjs).

interface ForkedEngine {
  client: EngineClient
  child: ReturnType<typeof forkUtilityProcess>
  /** Every raw message the engine sent. */
  received: unknown[]
  exitCode: Promise<number>
}

function forkEngine(): ForkedEngine {
  const child = forkUtilityProcess(builtEngine)
  const received: unknown[] = []
  child.on('message', (message: unknown) => received.push(message))
  const exitCode = new Promise<number>((resolve) => child.once('exit', resolve))
  const channel: EngineChannel = {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill()
  }
  return { client: createEngineClient(channel, { log: () => {} }), child, received, exitCode }
}

describe('the engine client and the engine process', () => {
  const tempDir = useTempDirs()
  beforeAll(() => assertBuilt())

  it('opens a library, answers operations, and exits cleanly on close', async () => {
    const { client, exitCode } = forkEngine()
    const opened = await client.open({ libraryDir: join(tempDir(), 'library') })
    expect(opened).toMatchObject({ ok: true, value: { browserCapture: { enabled: false } } })
    expect(await client.invoke('library.stats', {}, 'ui')).toMatchObject({
      ok: true,
      value: { articles: 0 }
    })
    await client.close()
    expect(await exitCode).toBe(0)
  })

  it('forwards library events as they happen', async () => {
    const { client } = forkEngine()
    await client.open({ libraryDir: join(tempDir(), 'library') })
    const events: unknown[] = []
    client.onEvent((event) => events.push(event))
    await client.invoke('tags.create', { name: 'reading' }, 'ui')
    await expect.poll(() => events).toContainEqual({ type: 'tags.changed' })
    await client.close()
  })

  it('reports a library that cannot open as an error value', async () => {
    const { client } = forkEngine()
    const notAFolder = join(tempDir(), 'file')
    writeFileSync(notAFolder, 'not a library')
    const opened = await client.open({ libraryDir: notAFolder })
    expect(opened.ok).toBe(false)
    expect(opened.ok ? '' : opened.error.message).not.toBe('')
    await client.close()
  })

  it('answers a call in flight with engine_unavailable when the engine dies', async () => {
    const { client, child } = forkEngine()
    await client.open({ libraryDir: join(tempDir(), 'library') })
    const unexpected: string[] = []
    client.onUnexpectedExit((message) => unexpected.push(message))
    const inFlight = client.invoke('library.stats', {}, 'ui')
    process.kill(child.pid as number, 'SIGKILL')
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'engine_unavailable' } })
    expect(await client.invoke('tags.list', {}, 'ui')).toMatchObject({
      ok: false,
      error: { code: 'engine_unavailable' }
    })
    expect(unexpected).toHaveLength(1)
    await client.close()
  })

  it('refuses a malformed request with invalid_input rather than dropping it', async () => {
    const { client, child, received } = forkEngine()
    await client.open({ libraryDir: join(tempDir(), 'library') })
    child.postMessage({ type: 'invoke', id: 999, name: 'library.drop', input: {} })
    await expect
      .poll(() => received)
      .toContainEqual({
        type: 'reply',
        id: 999,
        result: { ok: false, error: expect.objectContaining({ code: 'invalid_input' }) }
      })
    await client.close()
  })
})

describe('the engine client on its own', () => {
  /** A channel whose engine answers every request with `reply(request)`. */
  function scriptedChannel(reply: (request: ToEngineMessage) => unknown): EngineChannel {
    let deliver: (message: unknown) => void = () => {}
    return {
      postMessage: (message) => queueMicrotask(() => deliver(reply(message))),
      onMessage: (listener) => (deliver = listener),
      onExit: () => {},
      kill: () => {}
    }
  }

  it('turns a reply that breaks the protocol into an internal error, not a hang', async () => {
    const client = createEngineClient(
      scriptedChannel((request) => ({ type: 'reply', id: (request as { id: number }).id })),
      { log: () => {} }
    )
    expect(await client.invoke('library.stats', {}, 'ui')).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('refuses an asset reply that is not bytes', async () => {
    const client = createEngineClient(
      scriptedChannel((request) => ({
        type: 'reply',
        id: (request as { id: number }).id,
        result: { ok: true, value: { mime: 'image/png', bytes: 'not bytes' } }
      }))
    )
    expect(await client.asset('a'.repeat(64))).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('answers an unknown operation without bothering the engine', async () => {
    const sent: unknown[] = []
    const client = createEngineClient(
      scriptedChannel((request) => {
        sent.push(request)
        return null
      })
    )
    expect(await client.invoke('library.drop', {}, 'ui')).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' }
    })
    expect(sent).toEqual([])
  })
})
