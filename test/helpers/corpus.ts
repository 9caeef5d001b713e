import { gunzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The shared test corpora live beside the checkout (../shared/corpus), never inside it;
 * FOLIO_CORPUS points elsewhere, as for the other corpus tests (git worktrees sit deeper).
 */
export const corpusDir = process.env.FOLIO_CORPUS
  ? `${process.env.FOLIO_CORPUS.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))

/** The raw bytes of a gzipped corpus page, exactly as the site served them. */
export function corpusPage(relativePath: string): Buffer {
  return gunzipSync(readFileSync(corpusDir + relativePath))
}
