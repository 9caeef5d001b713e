import type { Article, ArticleSummary, LibraryStats } from '../../shared/types'

export function formatDate(time: number | null): string {
  return time === null ? '' : new Date(time).toISOString().slice(0, 10)
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

export function formatStats(stats: LibraryStats, dir: string): string {
  return [
    `Library   ${dir}`,
    `Articles  ${stats.articles} (${stats.unread} unread, ${stats.read} read, ${stats.archived} archived)`,
    `Favorites ${stats.favorites}`,
    `Failed    ${stats.failed}`,
    `Tags      ${stats.tags}`,
    `Images    ${stats.assets} (${formatBytes(stats.assetBytes)})`,
    `Schema    version ${stats.schemaVersion}`
  ].join('\n')
}

const stateMarks: Record<ArticleSummary['state'], string> = {
  unread: '•',
  read: ' ',
  archived: 'a'
}

export function formatArticleRows(articles: ArticleSummary[], total: number): string {
  if (articles.length === 0) return 'No articles yet. Save one with: folio save <url>'
  const idWidth = Math.max(...articles.map((article) => String(article.id).length))
  const lines = articles.map((article) => {
    const id = String(article.id).padStart(idWidth)
    const mark = article.favorite ? '★' : stateMarks[article.state]
    const status = article.captureStatus === 'ready' ? '' : ` [${article.captureStatus}]`
    const site = article.site ? `  (${article.site})` : ''
    return `${id} ${mark} ${formatDate(article.savedAt)}  ${article.title || article.url}${site}${status}`
  })
  if (total > articles.length) lines.push(`… ${total - articles.length} more; use --limit`)
  return lines.join('\n')
}

export function formatArticleText(article: Article): string {
  const header = [
    article.title || article.url,
    [article.byline, article.siteName ?? article.site, formatDate(article.publishedAt)]
      .filter(Boolean)
      .join(' · '),
    article.url,
    article.tags.length > 0 ? `Tags: ${article.tags.join(', ')}` : ''
  ].filter(Boolean)
  const body =
    article.captureStatus === 'failed'
      ? `This article could not be saved: ${article.errorMessage ?? article.errorCode ?? 'unknown error'}`
      : (article.text ?? '(No text stored for this article yet.)')
  return `${header.join('\n')}\n\n${body}`
}
