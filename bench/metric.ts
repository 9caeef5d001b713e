/**
 * The extraction metrics of /work/shared/corpus/README.md: scrapinghub's shingle F1 for corpora
 * with full ground-truth text, and trafilatura's snippet counts for trafilatura-eval.
 */

/** Han, Hiragana, Katakana, Hangul, 々 and ー: each character is a token of its own. */
const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々ー]/u
// Python's `\w` in Unicode mode: letters, numbers (Nd, Nl, No) and the underscore.
const tokenPattern =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々ー]|[\p{L}\p{N}_]+/gu

/** Splits text into word tokens, with every CJK character a token of its own. */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  for (const match of text.matchAll(tokenPattern)) {
    const token = match[0]
    if (token.length > 1 && cjkCharacter.test(token)) {
      splitCjkRun(token, tokens)
    } else {
      tokens.push(token)
    }
  }
  return tokens
}

/** A run like `abc漢字def` matched as one `\w+` token: split the CJK characters out of it. */
function splitCjkRun(token: string, tokens: string[]): void {
  let word = ''
  for (const character of token) {
    if (cjkCharacter.test(character)) {
      if (word) tokens.push(word)
      word = ''
      tokens.push(character)
    } else {
      word += character
    }
  }
  if (word) tokens.push(word)
}

/** The multiset of 4-grams of consecutive tokens (one shorter shingle for short texts). */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = tokenize(text)
  const counts = new Map<string, number>()
  const last = Math.max(1, tokens.length - size + 1)
  if (tokens.length === 0) return counts
  for (let index = 0; index < last; index += 1) {
    const shingle = tokens.slice(index, index + size).join('\u0001')
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1)
  }
  return counts
}

export interface PageCounts {
  truePositive: number
  falsePositive: number
  falseNegative: number
}

export function comparePage(truth: string, prediction: string): PageCounts {
  const truthShingles = shingles(truth)
  const predictionShingles = shingles(prediction)
  let truePositive = 0
  let falsePositive = 0
  let falseNegative = 0
  for (const [shingle, count] of predictionShingles) {
    const expected = truthShingles.get(shingle) ?? 0
    truePositive += Math.min(count, expected)
    falsePositive += Math.max(0, count - expected)
  }
  for (const [shingle, count] of truthShingles) {
    falseNegative += Math.max(0, count - (predictionShingles.get(shingle) ?? 0))
  }
  return { truePositive, falsePositive, falseNegative }
}

export interface Score {
  precision: number
  recall: number
  f1: number
}

function harmonicMean(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

/**
 * Corpus score: mean page precision over pages that predicted something, mean page recall over
 * pages with truth, F1 their harmonic mean. Counts are normalised per page (scrapinghub divides
 * by tp+fp+fn), which leaves the ratios unchanged.
 */
export function scoreCorpus(pages: PageCounts[]): Score {
  const precisions: number[] = []
  const recalls: number[] = []
  for (const { truePositive, falsePositive, falseNegative } of pages) {
    const perfect = falsePositive === 0 && falseNegative === 0
    if (truePositive + falsePositive > 0 || perfect) {
      precisions.push(perfect ? 1 : truePositive / (truePositive + falsePositive))
    }
    if (truePositive + falseNegative > 0 || perfect) {
      recalls.push(perfect ? 1 : truePositive / (truePositive + falseNegative))
    }
  }
  const precision = mean(precisions)
  const recall = mean(recalls)
  return { precision, recall, f1: harmonicMean(precision, recall) }
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length
}

export interface SnippetCounts {
  truePositive: number
  falsePositive: number
  falseNegative: number
  trueNegative: number
}

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** trafilatura's eval: "with" snippets found are TP, "without" snippets found are FP. */
export function compareSnippets(
  output: string,
  withSnippets: string[],
  withoutSnippets: string[]
): SnippetCounts {
  const normalized = normalizeWhitespace(output)
  const counts = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 }
  for (const snippet of withSnippets) {
    if (normalized.includes(normalizeWhitespace(snippet))) counts.truePositive += 1
    else counts.falseNegative += 1
  }
  for (const snippet of withoutSnippets) {
    if (normalized.includes(normalizeWhitespace(snippet))) counts.falsePositive += 1
    else counts.trueNegative += 1
  }
  return counts
}

export function scoreSnippets(pages: SnippetCounts[]): Score {
  let truePositive = 0
  let falsePositive = 0
  let falseNegative = 0
  for (const page of pages) {
    truePositive += page.truePositive
    falsePositive += page.falsePositive
    falseNegative += page.falseNegative
  }
  const precision = truePositive / Math.max(1, truePositive + falsePositive)
  const recall = truePositive / Math.max(1, truePositive + falseNegative)
  return { precision, recall, f1: harmonicMean(precision, recall) }
}

export interface PageScore {
  precision: number
  recall: number
  f1: number
}

// Python's `re.findall(r'\w+', text.lower())`, as wcxb's evaluate.py tokenizes: letters, numbers
// and the underscore, with no special case for CJK (the corpus is English).
const wordPattern = /[\p{L}\p{N}_]+/gu

function wordCounts(text: string): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>()
  let total = 0
  for (const [word] of text.toLowerCase().matchAll(wordPattern)) {
    counts.set(word, (counts.get(word) ?? 0) + 1)
    total += 1
  }
  return { counts, total }
}

/**
 * wcxb's word F1 (upstream `evaluate.py` `word_f1`): precision and recall of the multiset overlap
 * of words; an empty reference scores 1 only for an empty prediction.
 */
export function wordScore(truth: string, prediction: string): PageScore {
  const reference = wordCounts(truth)
  const predicted = wordCounts(prediction)
  if (reference.total === 0) {
    const score = predicted.total === 0 ? 1 : 0
    return { precision: score, recall: score, f1: score }
  }
  if (predicted.total === 0) return { precision: 0, recall: 0, f1: 0 }
  let overlap = 0
  for (const [word, count] of predicted.counts) {
    overlap += Math.min(count, reference.counts.get(word) ?? 0)
  }
  const precision = overlap / predicted.total
  const recall = overlap / reference.total
  return { precision, recall, f1: harmonicMean(precision, recall) }
}

/** wcxb's corpus score: the mean of the page precisions, recalls and F1s (not their harmonic). */
export function scoreWords(pages: PageScore[]): Score {
  return {
    precision: mean(pages.map((page) => page.precision)),
    recall: mean(pages.map((page) => page.recall)),
    f1: mean(pages.map((page) => page.f1))
  }
}
