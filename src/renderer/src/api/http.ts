import type { FolioBridge, ResolvedAssets } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import type { FolioEvent, FolioEventListener } from '../../../shared/events'
import { operationNames } from '../../../shared/operations'
import { assetReferencePattern } from '../../../shared/web'

const tokenKey = 'folio.token'

/**
 * The token arrives once in the URL fragment (`#token=…`, which browsers never send to a server);
 * it is kept for the tab's session and removed from the address bar.
 */
export function takeToken(): string | null {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash)
  if (match) {
    sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]))
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(tokenKey)
}

async function post(name: string, input: unknown, token: string | null): Promise<Result<unknown>> {
  try {
    const body = JSON.stringify(input ?? {})
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body,
      // Lets a request sent while the page goes away (a delete whose undo window is cut short)
      // still arrive; browsers cap keepalive bodies at 64 KiB.
      keepalive: body.length < 60_000
    })
    return (await response.json()) as Result<unknown>
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'library_unavailable',
        message: `Folio's server did not answer (${(error as Error).message}). Is \`folio serve\` still running?`
      }
    }
  }
}

/**
 * One event stream per page, shared by every listener and opened on first use; it reads the
 * stream with fetch because EventSource cannot send the token header.
 */
function createEventStream(token: string | null): (listener: FolioEventListener) => () => void {
  const listeners = new Set<FolioEventListener>()
  let opened = false

  async function read(): Promise<void> {
    const response = await fetch('/api/events', {
      headers: { authorization: `Bearer ${token ?? ''}` }
    })
    if (!response.body) return
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = message.split('\n').find((line) => line.startsWith('data: '))
        if (data) {
          const event = JSON.parse(data.slice(6)) as FolioEvent
          listeners.forEach((listener) => listener(event))
        }
      }
    }
  }

  return (listener) => {
    listeners.add(listener)
    if (!opened) {
      opened = true
      // The stream ends when the server stops; the UI keeps working, only without live updates.
      read().catch(() => {})
    }
    return () => listeners.delete(listener)
  }
}

/** Image URLs carry a read-only key (an <img> cannot send the token); fetched once. */
function createAssetResolver(token: string | null): (html: string) => Promise<ResolvedAssets> {
  let key: Promise<string | null> | null = null
  const fetchKey = async (): Promise<string | null> => {
    const response = await fetch('/api/asset-key', {
      headers: { authorization: `Bearer ${token ?? ''}` }
    })
    const result = (await response.json()) as Result<{ key: string }>
    return result.ok ? result.value.key : null
  }
  return async (html) => {
    key ??= fetchKey().catch(() => null)
    const assetKey = await key
    const origin = window.location.origin
    return {
      html: html.replace(
        assetReferencePattern,
        (_match, sha256: string) =>
          `${origin}/api/assets/${sha256}?key=${encodeURIComponent(assetKey ?? '')}`
      ),
      imageSources: `${origin} data:`
    }
  }
}

export function createHttpClient(): FolioBridge {
  const token = takeToken()
  const client: Record<string, unknown> = {}
  for (const name of operationNames) client[name] = (input: unknown) => post(name, input, token)
  client.onEvent = createEventStream(token)
  client.resolveAssets = createAssetResolver(token)
  return client as FolioBridge
}
