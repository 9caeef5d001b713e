/**
 * Search (DESIGN.md §4): the public surface for capture, the doors and the UI.
 *
 * On open:      `ensureIndexCurrent(db, onProgress)` (rebuilds after a tokenizer change, else
 *               repairs rows that disagree with the articles), then
 *               `const quick = createQuickIndex(db); quick.load()`.
 * On save:      inside the transaction that writes the article, its text and tags:
 *               `indexArticle(db, id)`; after commit `quick.update(id)`.
 * On delete:    `removeArticleFromIndex(db, id)` (or `indexArticle`, which notices) and
 *               `quick.remove(id)`.
 * On quit / every few minutes: `quick.save()`.
 * To search:    `searchArticles(db, quick, text, { limit, offset, sort, asYouType })`.
 *
 * The query language lives in `src/shared/query.ts` (`parseQuery`), so the renderer can show
 * what was understood without a round trip.
 */
export { indexArticle, removeArticleFromIndex } from './fts'
export { createQuickIndex } from './quick-index'
export type { QuickIndex } from './quick-index'
export { ensureIndexCurrent, rebuildIndex, repairIndex } from './rebuild'
export type { IndexRepair, RebuildProgress, RebuildProgressListener } from './rebuild'
export { searchArticles, totalCap } from './search'
export type { SearchHit, SearchOptions, SearchResult } from './search'
export { tokenize, tokenizerVersion } from './tokenize'
export type { Token } from './tokenize'
