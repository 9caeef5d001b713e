import { createHash } from 'node:crypto'
import type { LookupFunction } from 'node:net'
import { parseHTML } from 'linkedom'
import { CaptureError } from './errors'
import { fetchImage } from './fetch'
import { assetUrl } from '../../../shared/web'

export interface StoredAsset {
  sha256: string
  mime: string
  size: number
  bytes: Uint8Array
  sourceUrl: string
}

export interface AssetFailure {
  sourceUrl: string
  error: string
}

export interface LocalisedImages {
  html: string
  assets: StoredAsset[]
  failures: AssetFailure[]
}

export interface LocaliseOptions {
  /** Parallel downloads; 4 is kind to one image host and fast enough over a home connection. */
  concurrency?: number
  /** Photos in articles rarely pass 2–3 MiB; 10 MiB admits large originals, not videos-as-GIFs. */
  maxImageBytes?: number
  /** A whole article's images; 50 MiB keeps a photo essay and stops a 500-image gallery. */
  maxArticleBytes?: number
  /** Per image; 30 s so one slow CDN cannot hold the whole save for the page's full minute. */
  timeoutMs?: number
  signal?: AbortSignal
  lookup?: LookupFunction
}

const mebibyte = 1024 * 1024
const defaults = {
  concurrency: 4,
  maxImageBytes: 10 * mebibyte,
  maxArticleBytes: 50 * mebibyte,
  timeoutMs: 30_000
}

/**
 * Downloads the images of an (already sanitized, absolute-URL) article fragment and points each
 * `<img>` at its stored copy. An image that fails keeps the absolute URL that was tried, so it can
 * be retried later, and is listed in `failures`; the article itself never fails because of one.
 */
export async function localiseImages(
  contentHtml: string,
  pageUrl: string,
  options: LocaliseOptions = {}
): Promise<LocalisedImages> {
  const settings = { ...defaults, ...options }
  if (!/<img[\s>/]/i.test(contentHtml)) return { html: contentHtml, assets: [], failures: [] }
  const root = parseFragment(contentHtml)
  const images = chooseSources(root, pageUrl)
  const downloads = await downloadAll(uniqueUrls(images.values()), pageUrl, settings)
  for (const [image, sourceUrl] of images) {
    const download = downloads.get(sourceUrl)
    image.setAttribute('src', download?.ok ? assetUrl(download.asset.sha256) : sourceUrl)
  }
  return {
    html: root.innerHTML,
    assets: uniqueAssets(downloads.values()),
    failures: [...downloads].flatMap(([sourceUrl, download]) =>
      download.ok ? [] : [{ sourceUrl, error: download.error }]
    )
  }
}

function parseFragment(contentHtml: string): Element {
  const { document } = parseHTML(
    `<!DOCTYPE html><html><head></head><body>${contentHtml}</body></html>`
  )
  return document.body
}

/**
 * Picks one http(s) URL per `<img>` (from its srcset, its `<picture>` sources or its src) and
 * removes the alternatives, which would otherwise point the reader at the network. Images with
 * only a `data:` URL are left as they are and not returned.
 */
function chooseSources(root: Element, pageUrl: string): Map<Element, string> {
  const chosen = new Map<Element, string>()
  for (const image of [...root.querySelectorAll('img')]) {
    const picture = image.parentElement?.tagName === 'PICTURE' ? image.parentElement : null
    const sources = picture ? [...picture.querySelectorAll('source')] : []
    const best = bestCandidate(candidatesOf(image, sources, pageUrl))
    for (const source of sources) source.remove()
    image.removeAttribute('srcset')
    image.removeAttribute('sizes')
    if (best !== null) chosen.set(image, best.url)
  }
  return chosen
}

function candidatesOf(image: Element, sources: Element[], pageUrl: string): Candidate[] {
  const source = image.getAttribute('src')
  return [
    ...sources
      .filter(isDisplayableSource)
      .flatMap((element) => parseSrcset(element.getAttribute('srcset') ?? '')),
    ...parseSrcset(image.getAttribute('srcset') ?? ''),
    ...(source ? [{ url: source, width: 0, density: 1 }] : [])
  ]
    .map((candidate) => ({ ...candidate, url: absoluteHttpUrl(candidate.url, pageUrl) }))
    .filter((candidate): candidate is Candidate => candidate.url !== null)
}

/** `<source type>` formats that Chromium shows in an `<img>`; others (JPEG XL, HEIC) are skipped. */
const displayableTypes = new Set([
  'image/avif',
  'image/webp',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/svg+xml',
  'image/apng'
])

function isDisplayableSource(source: Element): boolean {
  const type = source.getAttribute('type')?.trim().toLowerCase()
  return !type || displayableTypes.has(type)
}

export interface Candidate {
  url: string
  /** The `w` descriptor, 0 when absent. */
  width: number
  /** The `x` descriptor, 1 when absent. */
  density: number
}

/** WHATWG srcset parsing, simplified: URLs may contain commas (`/w_300,h_200/a.jpg 300w`). */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = []
  let position = 0
  while (position < srcset.length) {
    while (position < srcset.length && /[\s,]/.test(srcset[position])) position++
    const urlStart = position
    while (position < srcset.length && !/\s/.test(srcset[position])) position++
    let url = srcset.slice(urlStart, position)
    let descriptor = ''
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '')
    } else {
      const descriptorStart = position
      let depth = 0
      while (position < srcset.length && !(srcset[position] === ',' && depth === 0)) {
        if (srcset[position] === '(') depth++
        if (srcset[position] === ')') depth--
        position++
      }
      descriptor = srcset.slice(descriptorStart, position).trim()
    }
    if (url !== '') candidates.push({ url, ...parseDescriptor(descriptor) })
  }
  return candidates
}

function parseDescriptor(descriptor: string): { width: number; density: number } {
  const width = /^(\d+)w$/i.exec(descriptor)
  if (width) return { width: Number(width[1]), density: 1 }
  const density = /^(\d*\.?\d+)x$/i.exec(descriptor)
  return { width: 0, density: density ? Number(density[1]) : 1 }
}

/**
 * The reading column is about 700 CSS pixels wide, so 1400 pixels is sharp on a 2x screen.
 * The smallest candidate at least that wide wins (no 6000-pixel originals); else the largest.
 * A density descriptor counts as that many times the column width.
 */
const wantedWidth = 1400
const columnWidth = 700

function bestCandidate(candidates: Candidate[]): Candidate | null {
  if (candidates.length === 0) return null
  const widthOf = (candidate: Candidate): number =>
    candidate.width || candidate.density * columnWidth
  const wideEnough = candidates.filter((candidate) => widthOf(candidate) >= wantedWidth)
  const pool = wideEnough.length > 0 ? wideEnough : candidates
  const direction = wideEnough.length > 0 ? 1 : -1
  return pool.reduce((best, candidate) =>
    direction * (widthOf(candidate) - widthOf(best)) < 0 ? candidate : best
  )
}

function absoluteHttpUrl(url: string, pageUrl: string): string | null {
  try {
    const absolute = new URL(url, pageUrl)
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : null
  } catch {
    return null
  }
}

function uniqueUrls(urls: Iterable<string>): string[] {
  return [...new Set(urls)]
}

type Download = { ok: true; asset: StoredAsset } | { ok: false; error: string }

interface Budget {
  usedBytes: number
}

async function downloadAll(
  urls: string[],
  pageUrl: string,
  settings: typeof defaults & LocaliseOptions
): Promise<Map<string, Download>> {
  const results = new Map<string, Download>()
  const queue = [...urls]
  const budget: Budget = { usedBytes: 0 }
  const worker = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      results.set(url, await downloadOne(url, pageUrl, settings, budget))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, worker))
  if (settings.signal?.aborted) {
    throw new CaptureError('cancelled', `Saving the images of ${pageUrl} was cancelled.`)
  }
  return new Map(urls.map((url) => [url, results.get(url) as Download]))
}

async function downloadOne(
  url: string,
  pageUrl: string,
  settings: typeof defaults & LocaliseOptions,
  budget: Budget
): Promise<Download> {
  const remaining = settings.maxArticleBytes - budget.usedBytes
  if (remaining <= 0) return { ok: false, error: articleBudgetMessage(settings.maxArticleBytes) }
  try {
    const image = await fetchImage(url, {
      referer: pageUrl,
      maxBytes: Math.min(settings.maxImageBytes, remaining),
      timeoutMs: settings.timeoutMs,
      signal: settings.signal,
      lookup: settings.lookup
    })
    const mime = sniffImageType(image.bytes)
    if (mime === null) {
      const type = image.contentType?.split(';', 1)[0] || 'unlabelled data'
      return { ok: false, error: `${url} is not a supported image (${type}).` }
    }
    budget.usedBytes += image.bytes.length
    if (budget.usedBytes > settings.maxArticleBytes) {
      return { ok: false, error: articleBudgetMessage(settings.maxArticleBytes) }
    }
    const sha256 = createHash('sha256').update(image.bytes).digest('hex')
    return {
      ok: true,
      asset: { sha256, mime, size: image.bytes.length, bytes: image.bytes, sourceUrl: url }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

function articleBudgetMessage(maxArticleBytes: number): string {
  return `The article's images passed the ${maxArticleBytes / mebibyte} MiB limit; this one was skipped.`
}

/** Two URLs can serve the same bytes (a CDN and its origin): the asset is stored once. */
function uniqueAssets(downloads: Iterable<Download>): StoredAsset[] {
  const assets = new Map<string, StoredAsset>()
  for (const download of downloads) {
    if (download.ok && !assets.has(download.asset.sha256))
      assets.set(download.asset.sha256, download.asset)
  }
  return [...assets.values()]
}

/**
 * The type from the bytes, never from the server's header, which is often wrong. SVG is
 * allowed: the reader shows it through `<img>`, where scripts inside it never run.
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  const ascii = (start: number, end: number): string =>
    Buffer.from(bytes.subarray(start, end)).toString('latin1')
  if (bytes[0] === 0x89 && ascii(1, 8) === 'PNG\r\n\x1a\n') return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  if (ascii(4, 8) === 'ftyp' && isAvifBrand(ascii(8, Math.min(bytes.length, 64))))
    return 'image/avif'
  if (looksLikeSvg(ascii(0, 1024))) return 'image/svg+xml'
  return null
}

/** The ISO-BMFF `ftyp` box: the major brand, then a version, then compatible brands. */
function isAvifBrand(brands: string): boolean {
  return /^(avif|avis)/.test(brands) || /avif|avis/.test(brands.slice(8))
}

function looksLikeSvg(head: string): boolean {
  const start = head
    .replace(/^\ufeff|^ï»¿/, '')
    .replace(/<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s+/gi, ' ')
    .trimStart()
  return /^<svg[\s>]/i.test(start)
}
