import chardet from 'chardet'
import { CaptureError } from './errors'

export type CharsetSource = 'bom' | 'http' | 'meta' | 'detected' | 'default'

export interface DecodedHtml {
  html: string
  /** The WHATWG name of the encoding used, e.g. "utf-8", "gbk", "shift_jis". */
  charset: string
  source: CharsetSource
}

/** WHATWG's prescan looks at the first 1024 bytes only (HTML § 13.2.3.2). */
const prescanBytes = 1024
/**
 * Real pages often declare their charset after 1024 bytes (long <head>s full of scripts; a
 * browser then re-parses). Scanning the first 64 KiB catches them before falling to detection.
 */
const extendedScanBytes = 64 * 1024
/** chardet looks at the first 64 KiB too: enough text to rank, cheap on a 15 MiB page. */
const detectionSampleBytes = 64 * 1024

/**
 * Turns the bytes of an HTML response into text the way a browser would: BOM, then the HTTP
 * `charset`, then a `<meta>` declaration, then detection. Two repairs go beyond the standard
 * because an archive should show the text, not the mojibake a browser shows:
 * - a page labelled UTF-8 whose bytes are mostly not UTF-8 is decoded with its `<meta>` label
 *   or a detected legacy charset;
 * - a page labelled with a legacy charset whose bytes are well-formed, non-ASCII UTF-8 is UTF-8
 *   (a CMS moved to UTF-8 and its templates kept the old `<meta>`).
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bomCharset = charsetFromBom(bytes)
  if (bomCharset !== null) return decodeWith(bytes, bomCharset, 'bom')

  const httpCharset = charsetFromContentType(contentType)
  const metaCharset = charsetFromMeta(bytes)
  const declared =
    httpCharset !== null
      ? { charset: httpCharset, source: 'http' as const }
      : metaCharset !== null
        ? { charset: metaCharset, source: 'meta' as const }
        : null
  if (declared === null) return decodeWith(bytes, ...detectCharset(bytes))

  const utf8 = scanUtf8(bytes.subarray(0, detectionSampleBytes))
  if (declared.charset === 'utf-8' && utf8.invalidSequences > utf8.multibyteSequences) {
    return decodeMislabelledUtf8(bytes, metaCharset)
  }
  if (isUtf8InDisguise(declared.charset, utf8)) return decodeWith(bytes, 'utf-8', 'detected')
  return decodeWith(bytes, declared.charset, declared.source)
}

/**
 * The WHATWG MIME sniffing "text/html" patterns: after optional whitespace (and a UTF-8 BOM),
 * one of these tags followed by a space or `>`, compared case-insensitively, in the first 512 bytes.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512))
    .toString('latin1')
    .replace(/^\ufeff|^ï»¿/, '')
  return /^\s*(<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--)[\s>]/i.test(
    head
  )
}

/** Signatures of files servers send mislabelled as HTML (WHATWG MIME sniffing, §7.1). */
const binarySignatures: { name: string; bytes: (number | null)[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  {
    name: 'a WebP image',
    bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]
  },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b, 0x08] }
]

/** WHATWG's "binary data bytes": control bytes no text in an ASCII-compatible charset has. */
function isBinaryDataByte(byte: number): boolean {
  return (
    byte <= 0x08 ||
    byte === 0x0b ||
    (byte >= 0x0e && byte <= 0x1a) ||
    (byte >= 0x1c && byte <= 0x1f)
  )
}

/**
 * What a body labelled as HTML really is, when its first bytes show it is no text at all (a PNG
 * served as text/html); null for text. UTF-16 (by BOM or label) is text despite its zero bytes.
 */
export function binaryKind(bytes: Uint8Array, contentType: string | null): string | null {
  for (const signature of binarySignatures) {
    if (signature.bytes.every((byte, index) => byte === null || bytes[index] === byte))
      return signature.name
  }
  const charset = charsetFromContentType(contentType) ?? ''
  if (charsetFromBom(bytes)?.startsWith('utf-16') || charset.startsWith('utf-16')) return null
  return bytes.subarray(0, 1445).some(isBinaryDataByte) ? 'binary data' : null
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/** `text/html; charset="GB2312"` → "gbk"; null when absent or not a known label. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType)
  if (match === null) return null
  return encodingForLabel(match[1] ?? match[2])
}

/**
 * The WHATWG label → encoding table ("latin1" → windows-1252, "gb2312" → gbk, "sjis" →
 * shift_jis…) is exactly what TextDecoder implements, so it is asked rather than copied.
 * x-user-defined is a WHATWG encoding Node lacks; it is decoded by hand below. The
 * "replacement" labels (iso-2022-kr, hz-gb-2312…) make browsers show a single U+FFFD as an
 * XSS defence; for an archive, declaring them is treated as declaring nothing.
 */
export function encodingForLabel(label: string): string | null {
  const trimmed = label.trim().toLowerCase()
  if (trimmed === 'x-user-defined') return 'x-user-defined'
  try {
    return new TextDecoder(trimmed).encoding
  } catch {
    return null
  }
}

/**
 * The charset a `<meta>` (or an XML declaration) announces, looking first at the 1024 bytes the
 * WHATWG prescan reads and then at the first 64 KiB. Per the standard a UTF-16 label in `<meta>`
 * means UTF-8 (the bytes being readable as ASCII proves they are not UTF-16) and x-user-defined
 * means windows-1252.
 */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const label =
    prescanForCharset(latin1(bytes.subarray(0, prescanBytes))) ??
    prescanForCharset(latin1(bytes.subarray(0, extendedScanBytes))) ??
    xmlDeclarationCharset(latin1(bytes.subarray(0, prescanBytes)))
  if (label === null) return null
  if (label === 'utf-16le' || label === 'utf-16be') return 'utf-8'
  if (label === 'x-user-defined') return 'windows-1252'
  return label
}

/** One byte, one character: lets regular expressions scan bytes without decoding them. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/**
 * A simplified WHATWG prescan: comments are skipped, each `<meta>` is read attribute by
 * attribute (quoted values may contain `>`), the first of `charset=` or
 * `http-equiv=content-type` + `content=…charset=` with a known label wins.
 */
function prescanForCharset(text: string): string | null {
  const tags = /<!--[\s\S]*?-->|<meta[\s/]((?:"[^"]*"|'[^']*'|[^>"'])*)>?/gi
  for (const match of text.matchAll(tags)) {
    if (match[1] === undefined) continue
    const charset = charsetOfMetaAttributes(parseAttributes(match[1]))
    if (charset !== null) return charset
  }
  return null
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>()
  const pattern = /([^\s=/>][^\s=/>]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g
  for (const match of source.matchAll(pattern)) {
    const name = match[1].toLowerCase()
    // The first occurrence of an attribute wins, as in the tokenizer.
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

function charsetOfMetaAttributes(attributes: Map<string, string>): string | null {
  const charset = attributes.get('charset')
  if (charset !== undefined) return encodingForLabel(charset)
  const content = attributes.get('content')
  if (attributes.get('http-equiv')?.trim().toLowerCase() !== 'content-type' || !content) {
    return null
  }
  // "Extract a character encoding from a meta element": charset, optional spaces, =, value.
  const match = /charset\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s;"']+))/i.exec(content)
  return match === null ? null : encodingForLabel(match[1] ?? match[2] ?? match[3])
}

function xmlDeclarationCharset(text: string): string | null {
  const match = /^<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/.exec(text)
  return match === null ? null : encodingForLabel(match[1])
}

interface Utf8Scan {
  /** Well-formed sequences of two to four bytes (non-ASCII characters). */
  multibyteSequences: number
  /** Bytes that cannot start or continue a well-formed sequence. */
  invalidSequences: number
}

/** Counts well-formed and ill-formed UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan = { multibyteSequences: 0, invalidSequences: 0 }
  let index = 0
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index)
    if (length === 0) {
      // A sequence cut by the sample's end is not an error.
      if (index + 4 <= bytes.length) scan.invalidSequences++
      index++
    } else {
      if (length > 1) scan.multibyteSequences++
      index += length
    }
  }
  return scan
}

function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]
  if (lead < 0x80) return 1
  const isContinuation = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const value = bytes[index + offset]
    return value !== undefined && value >= low && value <= high
  }
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(1) ? 2 : 0
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80
    const high = lead === 0xed ? 0x9f : 0xbf
    return isContinuation(1, low, high) && isContinuation(2) ? 3 : 0
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xf4 ? 0x8f : 0xbf
    return isContinuation(1, low, high) && isContinuation(2) && isContinuation(3) ? 4 : 0
  }
  return 0
}

/**
 * "UTF-8" that is mostly not UTF-8: a server default overriding the page's own `<meta>`, or a
 * CMS that stamps every page UTF-8. The `<meta>` label is trusted if it decodes the bytes without
 * error; otherwise detection decides.
 */
function decodeMislabelledUtf8(bytes: Uint8Array, metaCharset: string | null): DecodedHtml {
  if (metaCharset !== null && metaCharset !== 'utf-8' && decodesCleanly(bytes, metaCharset)) {
    return decodeWith(bytes, metaCharset, 'meta')
  }
  const [charset, source] = detectCharset(bytes)
  return decodeWith(bytes, charset === 'utf-8' ? 'windows-1252' : charset, source)
}

/**
 * For bytes nobody labelled: ASCII is ASCII in every candidate; valid UTF-8 with non-ASCII
 * characters is UTF-8 (legacy multi-byte text is practically never valid UTF-8); otherwise
 * chardet's ranking (n-gram statistics from ICU), taking the first candidate that decodes the
 * bytes without error. WHATWG's default for unknown bytes is windows-1252.
 */
function detectCharset(bytes: Uint8Array): [string, CharsetSource] {
  const sample = bytes.subarray(0, detectionSampleBytes)
  const utf8 = scanUtf8(sample)
  if (utf8.invalidSequences === 0) {
    return utf8.multibyteSequences > 0 ? ['utf-8', 'detected'] : ['utf-8', 'default']
  }
  for (const match of chardet.analyse(sample)) {
    const charset = encodingForLabel(match.name)
    if (charset === null || charset === 'utf-8' || charset.startsWith('utf-16')) continue
    if (decodesCleanly(sample, charset)) return [charset, 'detected']
  }
  return ['windows-1252', 'default']
}

function isSingleByte(charset: string): boolean {
  return /^(windows-125\d|iso-8859-\d+|koi8-[ru]|windows-874|macintosh|x-mac-cyrillic|ibm866)$/.test(
    charset
  )
}

/**
 * Legacy text is practically never well-formed UTF-8 once it has a few non-ASCII characters: one
 * accented letter settles it for single-byte charsets (é in windows-1252 is a lone 0xE9), while a
 * GBK or Shift_JIS pair is valid UTF-8 by chance about one time in twelve, so 8 well-formed
 * sequences with no ill-formed one (a chance below 1e-8) are asked of multi-byte labels.
 */
function isUtf8InDisguise(declaredCharset: string, utf8: Utf8Scan): boolean {
  if (declaredCharset === 'utf-8' || declaredCharset.startsWith('utf-16')) return false
  if (utf8.invalidSequences > 0) return false
  return utf8.multibyteSequences >= (isSingleByte(declaredCharset) ? 1 : 8)
}

/**
 * Real legacy pages carry the odd stray byte (a pasted character, a cut multi-byte sequence), so
 * "cleanly" allows one undecodable sequence per 1000 characters: far below the rate a wrong
 * multi-byte charset produces (typically one in three to ten characters).
 */
const toleratedErrorsPerCharacter = 1 / 1000

function decodesCleanly(bytes: Uint8Array, charset: string): boolean {
  const sample = bytes.subarray(0, detectionSampleBytes)
  const text = new TextDecoder(decoderNameFor(charset)).decode(sample, { stream: true })
  const errors = text.split('\ufffd').length - 1
  return errors <= Math.max(1, text.length * toleratedErrorsPerCharacter)
}

/** WHATWG's gbk decoder is the gb18030 decoder; Node's "gbk" misreads four-byte sequences. */
function decoderNameFor(charset: string): string {
  return charset === 'gbk' ? 'gb18030' : charset
}

function decodeWith(bytes: Uint8Array, charset: string, source: CharsetSource): DecodedHtml {
  if (charset === 'x-user-defined') return { html: decodeUserDefined(bytes), charset, source }
  if (charset === 'windows-1252') return { html: decodeWindows1252(bytes), charset, source }
  try {
    return { html: new TextDecoder(decoderNameFor(charset)).decode(bytes), charset, source }
  } catch (error) {
    throw new CaptureError('decode_failed', `The page's text encoding "${charset}" is unusable.`, {
      cause: error
    })
  }
}

/** WHATWG x-user-defined: ASCII as is, bytes 0x80–0xFF to U+F780–U+F7FF. */
function decodeUserDefined(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte < 0x80 ? byte : 0xf700 + byte)
  return text
}

/** WHATWG index-windows-1252 for bytes 0x80–0x9F; every other byte is its own code point. */
const windows1252HighControls =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178'

/**
 * Node 20.18.3+ decodes windows-1252 as ISO-8859-1, turning € and curly quotes into C1 control
 * characters (https://github.com/nodejs/node/issues/60888), so the 32 differing bytes are mapped
 * by hand. windows-1252 is what "latin1", "iso-8859-1" and "ascii" mean on the web.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\x80-\x9f]/g, (character) =>
    windows1252HighControls.charAt(character.charCodeAt(0) - 0x80)
  )
}
