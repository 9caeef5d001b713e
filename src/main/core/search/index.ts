/**
 * Search (DESIGN.md §4): the public surface for the engine and the tests.
 *
 * On start:     `service.checkIndex()` repairs rows that disagree with the articles, or, after a
 *               tokenizer change, queues a `reindex` job (a one-shot CLI rebuilds at once).
 * On a write:   write.ts indexes what the write reports, in its transaction:
 *               `indexArticle(db, id)` (both FTS5 tables; removes a deleted article) or
 *               `indexArticlesMetadata(db, ids)` after a tag change (search_meta only).
 * To search:    `searchArticles(db, quick, text, { limit, offset, sort, asYouType })`;
 *               `createQuickIndex(db).search(text, limit)` alone for an instant title dropdown.
 *
 * The query language lives in `src/shared/query.ts` (`parseQuery`), so the renderer can show
 * what was understood without a round trip.
 */
export { indexArticle, indexArticlesMetadata, removeArticleFromIndex } from './fts'
export { createQuickIndex } from './quick-index'
export type { QuickIndex } from './quick-index'
export { ensureIndexCurrent, isIndexCurrent, rebuildIndex, repairIndex } from './rebuild'
export type { IndexRepair, RebuildProgress, RebuildProgressListener } from './rebuild'
export { searchArticles, totalCap } from './search'
export type { SearchHit, SearchOptions, SearchResult } from './search'
export { createSearchService } from './service'
export type { SearchService } from './service'
export { tokenize, tokenizerVersion } from './tokenize'
export type { Token } from './tokenize'
