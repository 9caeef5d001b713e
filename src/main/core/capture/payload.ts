import { z } from 'zod'

/** What a capture job is asked to do; stored as JSON in `jobs.payload`, checked when it runs. */
export const capturePayloadSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('url'), url: z.string() }),
  z.object({
    source: z.literal('html'),
    url: z.string(),
    html: z.string(),
    title: z.string().optional()
  }),
  z.object({ source: z.literal('file'), path: z.string(), url: z.string() }),
  /** A file sent through a door that has no path for it (dropped in a browser window). */
  z.object({
    source: z.literal('upload'),
    name: z.string(),
    url: z.string(),
    contentBase64: z.string()
  })
])

export type CapturePayload = z.infer<typeof capturePayloadSchema>

/** What the user gave, as `folio jobs` shows it: the address, or the file's path or name. */
export function captureLabel(payload: CapturePayload): string {
  if (payload.source === 'file') return payload.path
  if (payload.source === 'upload') return payload.name
  return payload.url
}

/** The local file a capture reads, by path or by the name it was sent with; null for the web. */
export function fileNameOf(payload: CapturePayload): string | null {
  if (payload.source === 'file') return payload.path
  if (payload.source === 'upload') return payload.name
  return null
}
