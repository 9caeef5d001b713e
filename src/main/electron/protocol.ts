import { protocol } from 'electron'
import type { EngineClient } from './engine-client'

export const assetScheme = 'folio-asset'

/** Must run before the app is ready: the reader loads images only from this scheme. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: assetScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * Serves `folio-asset://<sha256>` from the library's blobs, read by the engine process (the main
 * process has no database handle); nothing else, never the network.
 */
export function serveAssets(engine: EngineClient): void {
  protocol.handle(assetScheme, async (request) => {
    const sha256 = new URL(request.url).hostname
    if (!/^[0-9a-f]{64}$/.test(sha256)) return notFound()
    const result = await engine.asset(sha256)
    if (!result.ok) return new Response(result.error.message, { status: 503 })
    if (!result.value) return notFound()
    return new Response(result.value.bytes, {
      headers: {
        'content-type': result.value.mime,
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff'
      }
    })
  })
}

function notFound(): Response {
  return new Response('No such image in this library.', { status: 404 })
}
