import { createReadStream, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
}

/**
 * The same policy the Electron window enforces (DESIGN.md §5). Images name the origin outright:
 * the reader's sandboxed frame has an opaque origin and inherits this policy, where 'self' would
 * match nothing.
 */
export function rendererCsp(origin: string): string {
  return (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
    `img-src 'self' ${origin} data: blob:; connect-src 'self'; frame-src 'self' blob:; ` +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  )
}

/**
 * Serves the built renderer. Unknown paths without an extension get index.html so that a reload
 * on an in-app route still opens the app.
 */
export function serveStatic(
  rootDir: string,
  urlPath: string,
  response: ServerResponse,
  origin: string
): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
    response.end(`The address ${urlPath} has broken percent-encoding; check the link.`)
    return
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  let file = join(rootDir, relative)
  if (file !== rootDir && !file.startsWith(rootDir + sep)) {
    response.writeHead(403).end()
    return
  }
  let stat = statSafe(file)
  if (stat?.isDirectory() || (!stat && extname(file) === '')) {
    file = join(rootDir, 'index.html')
    stat = statSafe(file)
  }
  if (!stat || !stat.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    response.end(`Not found: ${urlPath}`)
    return
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    'content-security-policy': rendererCsp(origin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600'
  })
  createReadStream(file).pipe(response)
}

function statSafe(file: string): Stats | null {
  try {
    return statSync(file)
  } catch {
    return null
  }
}
