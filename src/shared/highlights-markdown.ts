import type { HighlightArticle, HighlightListItem } from './contract/highlights'

/**
 * Highlights as Markdown, one section per article, in the shape Obsidian and Logseq users keep
 * reading notes in (and Readwise exports): a heading with the title, the link, author and dates
 * as a list, the article's note, then each highlight as a `>` quote followed by its note. Pure,
 * so the CLI and the interface export the same text.
 */

function day(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString().slice(0, 10)
}

/** Every line of a quote behind `> `, so paragraphs stay inside one quote block. */
export function blockQuote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n')
}

function heading(article: HighlightArticle): string[] {
  const facts = [
    `- Link: <${article.url}>`,
    article.byline ? `- Author: ${article.byline}` : null,
    article.site ? `- Site: ${article.site}` : null,
    day(article.publishedAt) ? `- Published: ${day(article.publishedAt)}` : null,
    `- Saved: ${day(article.savedAt)}`
  ].filter((line): line is string => line !== null)
  const title = (article.title || article.url).replace(/\s+/g, ' ').trim()
  return [`## ${title}`, '', ...facts]
}

function highlightBlock(highlight: HighlightListItem): string[] {
  const lines = [blockQuote(highlight.quote)]
  if (highlight.status === 'orphaned') {
    lines.push('', '_(Could not be placed in the article’s current text.)_')
  }
  if (highlight.note?.trim()) lines.push('', highlight.note.trim())
  return lines
}

/** One section for an article and its highlights (in the order given). */
export function articleHighlightsMarkdown(
  article: HighlightArticle,
  highlights: HighlightListItem[]
): string {
  const lines = heading(article)
  if (article.note?.trim()) lines.push('', '### Note', '', article.note.trim())
  if (highlights.length > 0) {
    lines.push('', '### Highlights')
    for (const highlight of highlights) lines.push('', ...highlightBlock(highlight))
  }
  return lines.join('\n')
}

/** Sections for every article of a highlight list, in the order its articles first appear. */
export function highlightsMarkdown(items: HighlightListItem[]): string {
  const byArticle = new Map<number, { article: HighlightArticle; items: HighlightListItem[] }>()
  for (const item of items) {
    const group = byArticle.get(item.articleId) ?? { article: item.article, items: [] }
    group.items.push(item)
    byArticle.set(item.articleId, group)
  }
  return [...byArticle.values()]
    .map((group) => articleHighlightsMarkdown(group.article, group.items))
    .join('\n\n')
}
