/**
 * Search (DESIGN.md §4): the public surface for capture, the doors and the UI.
 *
 * On open:      `ensureIndexCurrent(db, onProgress)` (rebuilds after a tokenizer change, else
 *               repairs rows that disagree with the articles), then
 *               `const quick = createQuickIndex(db)` (FTS5 on search_meta: nothing to load; its
 *               load/save/add/update/remove exist for the FlexSearch alternative and cost nothing).
 * On save:      inside the transaction that writes the article, its text and tags:
 *               `indexArticle(db, id)` (writes both FTS5 tables).
 * On a tag change: `indexArticlesMetadata(db, ids)` (search_meta only: the body's row holds no
 *               tags).
 * On delete:    `removeArticleFromIndex(db, id)` (or `indexArticle`, which notices).
 * To search:    `searchArticles(db, quick, text, { limit, offset, sort, asYouType })`;
 *               `quick.search(text, limit)` alone for an instant title dropdown.
 *
 * The query language lives in `src/shared/query.ts` (`parseQuery`), so the renderer can show
 * what was understood without a round trip.
 */
export { indexArticle, indexArticlesMetadata, removeArticleFromIndex } from './fts'
export { createFlexSearchQuickIndex } from './flexsearch-quick-index'
export { createQuickIndex } from './quick-index'
export type { QuickIndex } from './quick-index'
export { ensureIndexCurrent, rebuildIndex, repairIndex } from './rebuild'
export type { IndexRepair, RebuildProgress, RebuildProgressListener } from './rebuild'
export { searchArticles, totalCap } from './search'
export type { SearchHit, SearchOptions, SearchResult } from './search'
export { tokenize, tokenizerVersion } from './tokenize'
export type { Token } from './tokenize'
