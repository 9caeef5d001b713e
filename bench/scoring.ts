/**
 * Scoring bench:extract's outputs by each corpus's metric (corpus README), per page and per
 * corpus, and the recall check of issue #18: pages where Folio keeps far less of the article than
 * plain Readability does.
 */
import type { BenchPage, CorpusMetric } from './corpora'
import {
  comparePage,
  compareSnippets,
  type PageScore,
  scoreCorpus,
  scoreSnippets,
  scoreWords,
  type Score,
  wordScore
} from './metric'

/** One page's precision and recall by its corpus's metric; null when the page has nothing to score. */
export function scorePage(metric: CorpusMetric, page: BenchPage, text: string): PageScore | null {
  if (metric === 'words') return wordScore(page.truth ?? '', text)
  if (metric === 'snippets') {
    const counts = compareSnippets(text, page.withSnippets ?? [], page.withoutSnippets ?? [])
    const found = counts.truePositive + counts.falseNegative
    if (found === 0) return null
    const recall = counts.truePositive / found
    const precision = counts.truePositive / Math.max(1, counts.truePositive + counts.falsePositive)
    return { precision, recall, f1: harmonic(precision, recall) }
  }
  if (page.truth === undefined) return null
  const { truePositive, falsePositive, falseNegative } = comparePage(page.truth, text)
  if (truePositive + falseNegative === 0) return null
  const precision = truePositive / Math.max(1, truePositive + falsePositive)
  const recall = truePositive / (truePositive + falseNegative)
  return { precision, recall, f1: harmonic(precision, recall) }
}

function harmonic(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

/** The corpus's score as its README defines it. */
export function scoreOutputs(metric: CorpusMetric, pages: BenchPage[], texts: string[]): Score {
  if (metric === 'snippets') {
    return scoreSnippets(
      pages.map((page, index) =>
        compareSnippets(texts[index], page.withSnippets ?? [], page.withoutSnippets ?? [])
      )
    )
  }
  if (metric === 'words') {
    return scoreWords(pages.map((page, index) => wordScore(page.truth ?? '', texts[index])))
  }
  const counts = pages.flatMap((page, index) =>
    page.truth === undefined ? [] : [comparePage(page.truth, texts[index])]
  )
  return scoreCorpus(counts)
}

/**
 * "Never cut an article in half" (issue #18): a page is cut when Folio's recall is below this
 * share of plain Readability's on the same page. Target: no such page on any corpus.
 */
export const cutRecallShare = 0.5

export interface CutPage {
  id: string
  pageType?: string
  folioRecall: number
  baselineRecall: number
}

/** Pages where Folio's recall is below `cutRecallShare` × Readability's, worst first. */
export function findCutPages(
  metric: CorpusMetric,
  pages: BenchPage[],
  baselineTexts: string[],
  folioTexts: string[]
): CutPage[] {
  const cut: CutPage[] = []
  pages.forEach((page, index) => {
    const baseline = scorePage(metric, page, baselineTexts[index])
    const folio = scorePage(metric, page, folioTexts[index])
    if (!baseline || !folio) return
    if (folio.recall < cutRecallShare * baseline.recall) {
      cut.push({
        id: page.id,
        pageType: page.pageType,
        folioRecall: folio.recall,
        baselineRecall: baseline.recall
      })
    }
  })
  return cut.sort(
    (left, right) =>
      left.folioRecall - left.baselineRecall - (right.folioRecall - right.baselineRecall)
  )
}

export function printCutPages(corpus: string, cut: CutPage[]): void {
  console.log(
    `\nrecall check (${corpus}): ${cut.length} pages with folio recall < ${cutRecallShare} × readability's (target 0)`
  )
  for (const page of cut) {
    const type = page.pageType ? ` [${page.pageType}]` : ''
    console.log(
      `- ${page.id}${type}: folio ${page.folioRecall.toFixed(3)}, readability ${page.baselineRecall.toFixed(3)}`
    )
  }
}
