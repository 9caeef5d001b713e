import type { Database } from 'better-sqlite3'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { brotliDecompressSync } from 'node:zlib'
import { z } from 'zod'
import { FolioError } from '../../../shared/errors'
import type { JobResult } from '../../../shared/types'
import { jobKind } from '../jobs/kinds'
import type { RegisteredKind } from '../jobs/kinds'
import { reanchorHighlights } from '../highlights/reanchor'
import type { Write } from '../write'
import type { ExtractPage } from './capture-job'
import { isTextFile } from './load-page'
import { hasStoredPage, readOriginal, storeCapturedArticle, storedImages } from './queries'
import { capturedFields } from './record'
import { articleFromText } from './text-article'

const reextractTargetSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(z.number().int().positive()) })
])

/** Which articles a re-extraction goes through: the ones named, or every one. */
export type ReextractTarget = z.infer<typeof reextractTargetSchema>

function articleIds(db: Database, target: ReextractTarget): number[] {
  if ('ids' in target) return target.ids
  return db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]
}

/** Extracts one article again from its stored page, keeping its images (no network). */
async function reextractOne(db: Database, write: Write, extract: ExtractPage, id: number) {
  const original = readOriginal(db, id)
  if (!original) {
    throw new FolioError(
      'not_found',
      `Article ${id} has no stored page to re-extract (it was never captured, or was saved as text).`
    )
  }
  const bytes = original.encoding === 'br' ? brotliDecompressSync(original.bytes) : original.bytes
  const html = new TextDecoder(original.charset ?? 'utf-8').decode(bytes)
  const path = original.url.startsWith('file:') ? new URL(original.url).pathname : null
  const extracted =
    path !== null && isTextFile(path)
      ? articleFromText(html, path)
      : await extract(html, original.url)
  const stored = storedImages(db, id)
  const { reuseStoredImages } = await import('./reuse-images')
  // The new text and its highlights' new places in one transaction: a reader never sees them
  // disagree, and a highlight that no longer fits is kept, orphaned, never deleted.
  write(
    (db) => {
      storeCapturedArticle(db, id, {
        ...capturedFields(extracted, original.url),
        contentHtml: reuseStoredImages(extracted.contentHtml, stored),
        leadImageSha256: (extracted.leadImageUrl && stored.get(extracted.leadImageUrl)) || null,
        original: null,
        images: null
      })
      reanchorHighlights(db, id, extracted.text)
    },
    () => ({ articles: [id] })
  )
}

/**
 * The `reextract` job kind: after an extractor upgrade, every article is read again from the page
 * stored when it was saved, with progress, one article at a time (the pool's other workers stay
 * free for captures). An article that fails is listed in the result; the others go on.
 */
export function reextractKind(db: Database, write: Write, extract: ExtractPage): RegisteredKind {
  return jobKind({
    kind: 'reextract',
    payload: reextractTargetSchema,
    async run(_job, target, context): Promise<JobResult> {
      const ids = articleIds(db, target)
      const result: JobResult = { done: 0, failed: [], skipped: [] }
      context.progress(0, ids.length)
      for (const [index, id] of ids.entries()) {
        if (context.signal.aborted) throw new FolioError('cancelled', 'Cancelled.')
        // "Every article" means every article with a page to extract: a failed or pending
        // capture has none, and is no failure of the re-extraction.
        if ('all' in target && !hasStoredPage(db, id)) {
          result.skipped?.push(id)
          context.progress(index + 1, ids.length)
          continue
        }
        try {
          await reextractOne(db, write, extract, id)
          result.done += 1
        } catch (error) {
          const info =
            error instanceof FolioError
              ? error.toInfo()
              : { code: 'internal' as const, message: String(error) }
          result.failed.push({ id, error: info })
        }
        context.progress(index + 1, ids.length)
        await nextTurn()
      }
      return result
    }
  })
}
