import type { FolioBridge } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import type { FolioEvent, FolioEventListener } from '../../../shared/events'
import { operationNames } from '../../../shared/operations'

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
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify(input ?? {})
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

/** Reads the server's event stream with fetch, since EventSource cannot send the token header. */
function subscribe(token: string | null, listener: FolioEventListener): () => void {
  const controller = new AbortController()
  void (async () => {
    try {
      const response = await fetch('/api/events', {
        headers: { authorization: `Bearer ${token ?? ''}` },
        signal: controller.signal
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
          if (data) listener(JSON.parse(data.slice(6)) as FolioEvent)
        }
      }
    } catch {
      // The stream ends when the page closes or the server stops; the UI still works without it.
    }
  })()
  return () => controller.abort()
}

export function createHttpClient(): FolioBridge {
  const token = takeToken()
  const client: Record<string, unknown> = {}
  for (const name of operationNames) client[name] = (input: unknown) => post(name, input, token)
  client.onEvent = (listener: FolioEventListener) => subscribe(token, listener)
  return client as FolioBridge
}
