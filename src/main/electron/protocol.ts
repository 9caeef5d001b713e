import { protocol } from 'electron'
import { assetScheme, isAssetName } from '../../shared/web'
import type { Engine } from '../core/engine'

/** Must run before the app is ready: the reader loads images only from this scheme. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: assetScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves `folio-asset://<sha256>` from the library's blobs; nothing else, never the network. */
export function serveAssets(engine: Engine): void {
  protocol.handle(assetScheme, (request) => {
    const sha256 = new URL(request.url).hostname
    const asset = isAssetName(sha256) ? engine.readAsset(sha256) : null
    if (!asset) return new Response('No such image in this library.', { status: 404 })
    return new Response(new Uint8Array(asset.bytes), {
      headers: {
        'content-type': asset.mime,
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff'
      }
    })
  })
}
