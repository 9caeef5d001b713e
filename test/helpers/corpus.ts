import { gunzipSync } from 'node:zlib'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The shared test corpora live beside the checkout (../shared/corpus), never inside it. FOLIO_CORPUS
 * points elsewhere; a checkout that has no ../shared (a git worktree sits deeper) uses the
 * machine's /work/shared/corpus. Every test reads the corpora through this one path.
 */
function findCorpus(): string {
  if (process.env.FOLIO_CORPUS) return `${process.env.FOLIO_CORPUS.replace(/\/$/, '')}/`
  const beside = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
  return existsSync(beside) ? beside : '/work/shared/corpus/'
}

export const corpusDir = findCorpus()

/** The raw bytes of a gzipped corpus page, exactly as the site served them. */
export function corpusPage(relativePath: string): Buffer {
  return gunzipSync(readFileSync(corpusDir + relativePath))
}
