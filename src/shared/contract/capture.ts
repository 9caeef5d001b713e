import { z } from 'zod'
import { defaultMaxBodyBytes, operation, returns } from './define'
import { tagName } from './articles'

export interface SaveItemResult {
  input: string
  ok: boolean
  articleId: number | null
  jobId: number | null
  error: { code: string; message: string } | null
}

/** A rendered page from the browser; pages above 30 MiB of HTML are not articles. */
export const maxRenderedHtmlLength = 30 * 1024 * 1024

/** A dropped or picked file: 15 MiB, the same cap as a fetched page, as base64. */
export const maxFileBase64Length = Math.ceil((15 * 1024 * 1024) / 3) * 4

/** The contract's HTML cap, as UTF-8 that may take up to 3 bytes a character, plus the JSON around it. */
export const pageBodyBytes = maxRenderedHtmlLength * 3 + defaultMaxBodyBytes

/** Local files Folio reads as articles: pages a browser saved, and notes. */
export const importableExtensions = ['.html', '.htm', '.xhtml', '.txt', '.md', '.markdown'] as const

/** Of those, the plain-text notes that become articles without Readability. */
export const textExtensions = ['.txt', '.md', '.markdown'] as const

export const tagNames = z.array(tagName).max(100).default([])

export const captureOperations = {
  'capture.save': operation({
    input: z
      .object({
        /** Web addresses, or local file paths (.html, .htm, .txt, .md) for local callers only. */
        inputs: z.array(z.string().min(1).max(8192)).min(1).max(10_000),
        tags: tagNames
      })
      .strict(),
    output: returns<{ items: SaveItemResult[] }>(),
    callers: ['ui', 'cli', 'extension']
  }),
  'capture.saveFile': operation({
    input: z
      .object({
        /** The file's name, for its type (.html, .htm, .txt, .md) and its title. */
        name: z.string().min(1).max(500),
        /** The file's bytes in base64, so a page in any charset arrives intact. */
        contentBase64: z.string().min(1).max(maxFileBase64Length),
        tags: tagNames
      })
      .strict(),
    output: returns<SaveItemResult>(),
    maxBodyBytes: pageBodyBytes
  }),
  'capture.saveHtml': operation({
    input: z
      .object({
        url: z.string().min(1).max(8192),
        html: z.string().min(1).max(maxRenderedHtmlLength),
        title: z.string().max(2000).optional(),
        tags: tagNames
      })
      .strict(),
    output: returns<SaveItemResult>(),
    callers: ['ui', 'cli', 'extension', 'bookmarklet'],
    maxBodyBytes: pageBodyBytes
  })
}
