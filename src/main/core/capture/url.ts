import { CaptureError } from './errors'

export interface NormalizedUrl {
  /** The absolute URL to fetch: tracking parameters and the fragment removed, nothing else. */
  url: string
  /** The dedupe key: two URLs with the same key are the same article in the library. */
  urlKey: string
}

/**
 * Query parameters that only tell analytics where a click came from. They never change the
 * document, so they are dropped from both the fetched URL and the key. Any name starting with
 * `utm_` is dropped too (Google Analytics campaign tags: utm_source, utm_medium, utm_campaign…).
 * Deliberately absent: `ref`, `source`, `id`, `s` and other generic names that some sites use
 * to select content.
 */
const trackingParameters: ReadonlySet<string> = new Set([
  'fbclid', // Facebook click id
  'gclid', // Google Ads click id
  'gclsrc',
  'dclid', // Google Display click id
  'gbraid', // Google Ads iOS click ids
  'wbraid',
  'msclkid', // Microsoft Ads click id
  'yclid', // Yandex click id
  'twclid', // Twitter/X click id
  'ttclid', // TikTok click id
  'li_fat_id', // LinkedIn
  'igshid', // Instagram share id
  'mc_cid', // Mailchimp campaign and subscriber ids
  'mc_eid',
  '_hsenc', // HubSpot email tracking
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'mkt_tok', // Marketo email tracking
  'ref_src', // Twitter/X share source
  'ref_url',
  'spm', // Alibaba/Taobao "super position model" click path
  'scm',
  '_ga', // Google Analytics cross-domain linker
  '_gl',
  'vero_id', // Vero email tracking
  'oly_anon_id', // Omeda email tracking
  'oly_enc_id'
])

function isTrackingParameter(name: string): boolean {
  const lowerName = name.toLowerCase()
  return lowerName.startsWith('utm_') || trackingParameters.has(lowerName)
}

/**
 * Cleans a URL typed, pasted or sent by a door and derives its dedupe key.
 * Throws `invalid_url` for text that is not a URL and `unsupported_scheme` for anything but
 * http(s): local files come in through import, never through capture.
 */
export function normalizeUrl(input: string): NormalizedUrl {
  const parsed = parseWithDefaultScheme(input)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CaptureError(
      'unsupported_scheme',
      `Folio can only save http and https pages, not "${input}". Import local files instead.`
    )
  }
  if (parsed.hostname === '') {
    throw new CaptureError('invalid_url', `"${input}" has no host name. Check the address.`)
  }
  parsed.hash = ''
  const queryParts = keptQueryParts(parsed.search)
  parsed.search = joinQuery(queryParts)
  return { url: parsed.href, urlKey: keyOf(parsed, queryParts) }
}

/** The scheme and `//` are optional when pasting ("example.com/a"), as in a browser's address bar. */
function parseWithDefaultScheme(input: string): URL {
  const trimmed = input.trim()
  if (trimmed === '') throw new CaptureError('invalid_url', 'The address is empty. Paste a URL.')
  const candidate = hasScheme(trimmed)
    ? trimmed
    : `https://${trimmed.startsWith('//') ? trimmed.slice(2) : trimmed}`
  try {
    return new URL(candidate)
  } catch (error) {
    throw new CaptureError('invalid_url', `"${input}" is not a valid web address.`, {
      cause: error
    })
  }
}

/**
 * A scheme is letters then `:`; "example.com:8080/a" and "localhost:3000" are a host and a port,
 * not the schemes "example.com" and "localhost", so a scheme followed by digits or containing a
 * dot does not count.
 */
function hasScheme(text: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):(.?)/i.exec(text)
  if (match === null) return false
  const [, scheme, next] = match
  if (/^\d$/.test(next)) return false
  return !scheme.includes('.') || next === '/'
}

/**
 * Splits the raw query on `&` and keeps each part byte for byte: re-serialising through
 * URLSearchParams would turn `%20` into `+` and escape `/`, which some servers treat differently.
 */
function keptQueryParts(search: string): string[] {
  return search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isTrackingParameter(parameterName(part)))
}

function parameterName(part: string): string {
  const rawName = part.split('=', 1)[0].replace(/\+/g, ' ')
  try {
    return decodeURIComponent(rawName)
  } catch {
    return rawName
  }
}

function joinQuery(parts: readonly string[]): string {
  return parts.length === 0 ? '' : `?${parts.join('&')}`
}

/**
 * WHATWG URL already lowercases the scheme and host, drops default ports and turns IDN hosts
 * into punycode. On top of that the key drops user info, sorts the query parameters and
 * removes a trailing slash from the path (but keeps the root "/"), so "/a/" and "/a" are one
 * article. `www.` is kept: www.example.com and example.com may be different sites.
 */
function keyOf(parsed: URL, queryParts: readonly string[]): string {
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : parsed.pathname
  const sortedQuery = joinQuery([...queryParts].sort())
  return `${parsed.protocol}//${parsed.host}${path || '/'}${sortedQuery}`
}
