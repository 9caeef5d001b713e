import type { ServerResponse } from 'node:http'
import { bookmarkletKeyFor } from './connector'

/**
 * The bookmarklet and the page it opens. A bookmarklet runs inside the page being saved, say
 * https://news.example, where a fetch to 127.0.0.1 with our headers would need a preflight that
 * Folio refuses to web origins. So it opens `/capture` on this server in a pop-up (same origin
 * as the API) and hands it the page with `postMessage`, addressed to Folio's origin only. The
 * pop-up accepts one message, from the window that opened it, whose sender's origin is the
 * origin of the URL it claims (a page cannot file itself under another site's address), and
 * calls `capture.saveHtml` itself with the bookmarklet's capture-only key.
 */
export const capturePagePath = '/capture'
const captureScriptPath = '/capture.js'

/** The bookmarklet for a server on `port`, carrying the capture-only key derived from `token`. */
export function bookmarkletFor(port: number, token: string): string {
  const key = bookmarkletKeyFor(token)
  const origin = `http://127.0.0.1:${port}`
  const source = `(()=>{const o='${origin}',w=open(o+'${capturePagePath}#key=${key}','folio','width=460,height=220');if(!w){alert('Folio: allow pop-ups on this site to save it.');return}const m={type:'folio-page',url:location.href,title:document.title,html:document.documentElement.outerHTML};addEventListener('message',function f(e){if(e.source!==w||e.origin!==o||!e.data||e.data.type!=='folio-ready')return;removeEventListener('message',f);w.postMessage(m,o)})})()`
  return `javascript:${encodeURI(source)}`
}

const captureHtml = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Saving to Folio</title>
<style>body{font:15px system-ui,sans-serif;margin:2em;color:#222}.failed{color:#b00020}</style>
<p id="status" role="status">Waiting for the page…</p>
<script src="${captureScriptPath}"></script>
`

const captureScript = `'use strict'
const status = document.getElementById('status')
const key = new URLSearchParams(location.hash.slice(1)).get('key')
// The key leaves the address bar and the history at once.
history.replaceState(null, '', location.pathname)
function show(text, failed) {
  status.textContent = text
  status.className = failed ? 'failed' : ''
}
function originOf(url) {
  try { return new URL(url).origin } catch { return null }
}
async function save(page) {
  show('Saving “' + (page.title || page.url) + '”…')
  try {
    const response = await fetch('/api/capture.saveHtml', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer ' + key,
        'x-folio-client': 'bookmarklet'
      },
      body: JSON.stringify({ url: page.url, title: page.title || undefined, html: page.html })
    })
    const result = await response.json()
    if (!result.ok) return show('Folio could not save this page: ' + result.error.message, true)
    show('Saved to Folio.')
    setTimeout(() => window.close(), 1500)
  } catch (error) {
    show('Folio could not be reached: ' + error, true)
  }
}
if (!key || !window.opener) {
  show('Open this page with the Folio bookmarklet, from the page you want to save.', true)
} else {
  let received = false
  window.addEventListener('message', (event) => {
    const page = event.data
    if (received || event.source !== window.opener) return
    if (!page || page.type !== 'folio-page' || typeof page.url !== 'string' ||
        typeof page.html !== 'string' || originOf(page.url) !== event.origin) return
    received = true
    void save(page)
  })
  // Nothing secret in this message: it only says the pop-up is listening.
  window.opener.postMessage({ type: 'folio-ready' }, '*')
}
`

const capturePageCsp =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Serves the pop-up the bookmarklet opens; false for any other path. */
export function serveCapturePage(path: string, response: ServerResponse): boolean {
  const body =
    path === capturePagePath ? captureHtml : path === captureScriptPath ? captureScript : null
  if (body === null) return false
  response.writeHead(200, {
    'content-type': `${path === capturePagePath ? 'text/html' : 'text/javascript'}; charset=utf-8`,
    'content-security-policy': capturePageCsp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store'
  })
  response.end(body)
  return true
}
