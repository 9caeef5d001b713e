/**
 * wcxb-dev's table: mean word F1 per page type for each extractor, beside the best published
 * system on this split (rs-trafilatura, corpus README) and issue #18's targets.
 */
import type { BenchPage } from './corpora'
import { type PageScore, scoreWords } from './metric'

export const pageTypes = [
  'article',
  'documentation',
  'service',
  'forum',
  'product',
  'listing',
  'collection'
] as const

/** rs-trafilatura's published mean F1 on wcxb's dev split, per type and overall. */
const published: Record<string, number> = {
  overall: 0.859,
  article: 0.932,
  documentation: 0.932,
  service: 0.844,
  forum: 0.808,
  product: 0.641,
  listing: 0.707,
  collection: 0.716
}

/** Issue #18's targets. */
const targets: Record<string, number> = {
  overall: 0.88,
  article: 0.94,
  documentation: 0.93,
  service: 0.85,
  forum: 0.85,
  product: 0.72,
  listing: 0.75,
  collection: 0.75
}

export interface ExtractorPageScores {
  name: string
  scores: PageScore[]
}

function scoresOfType(
  pages: BenchPage[],
  scores: PageScore[],
  type: string
): { count: number; f1: number; recall: number } {
  const chosen = scores.filter((_, index) => type === 'overall' || pages[index].pageType === type)
  const score = scoreWords(chosen)
  return { count: chosen.length, f1: score.f1, recall: score.recall }
}

/** One row per page type and the overall mean: F1 (and recall) of each extractor. */
export function printWcxbTable(pages: BenchPage[], extractors: ExtractorPageScores[]): void {
  const names = extractors.map((extractor) => `${extractor.name} F1 (R)`)
  console.log(`\n### wcxb-dev per page type (mean word F1, recall in brackets)`)
  console.log(`| page type | pages | ${names.join(' | ')} | rs-trafilatura | target |`)
  console.log(`|---|---:|${names.map(() => '---:|').join('')}---:|---:|`)
  for (const type of [...pageTypes, 'overall']) {
    const cells = extractors.map(({ scores }) => scoresOfType(pages, scores, type))
    const count = cells[0]?.count ?? 0
    const values = cells.map((cell) =>
      cell.count === 0 ? '-' : `${cell.f1.toFixed(4)} (${cell.recall.toFixed(3)})`
    )
    console.log(
      `| ${type} | ${count} | ${values.join(' | ')} | ${published[type].toFixed(3)} | ≥ ${targets[type].toFixed(2)} |`
    )
  }
}
