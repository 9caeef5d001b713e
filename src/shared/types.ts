export const articleStates = ['unread', 'read', 'archived'] as const
export type ArticleState = (typeof articleStates)[number]

export const captureStatuses = ['pending', 'ready', 'failed'] as const
export type CaptureStatus = (typeof captureStatuses)[number]

/** What the list shows of an article; times are milliseconds since the epoch. */
export interface ArticleSummary {
  id: number
  url: string
  title: string
  site: string | null
  siteName: string | null
  byline: string | null
  excerpt: string | null
  lang: string | null
  savedAt: number
  /** The publisher's wall-clock time read as UTC (shown in UTC, it is the day the page printed). */
  publishedAt: number | null
  state: ArticleState
  favorite: boolean
  wordCount: number
  readingMinutes: number
  readingProgress: number
  captureStatus: CaptureStatus
  errorCode: string | null
  errorMessage: string | null
  tags: string[]
}

export interface Article extends ArticleSummary {
  canonicalUrl: string | null
  dir: 'ltr' | 'rtl' | null
  updatedAt: number
  readAt: number | null
  /** Sanitized reader HTML; present when asked for. */
  contentHtml?: string | null
  /** Plain text of the article; present when asked for. */
  text?: string | null
}

export interface ArticlePage {
  items: ArticleSummary[]
  total: number
}

export interface LibraryStats {
  articles: number
  unread: number
  read: number
  archived: number
  favorites: number
  failed: number
  tags: number
  assets: number
  assetBytes: number
  schemaVersion: number
}

/** A site articles were saved from, for the sidebar. */
export interface SiteInfo {
  /** The host, `www.example.com`. */
  site: string
  /** The site's own name when a page gave one. */
  siteName: string | null
  count: number
}

export interface UpdateResult {
  updated: number[]
  notFound: number[]
}

export interface DeleteResult {
  deleted: number[]
  notFound: number[]
}

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export type JobStatus = (typeof jobStatuses)[number]

/** Where a running capture is: queued → fetching → extracting → images → saving → done/failed. */
export type CaptureStage = 'queued' | 'fetching' | 'extracting' | 'images' | 'saving' | 'done'

export interface JobInfo {
  id: number
  kind: 'capture'
  /** What the user gave: a URL or a file path. */
  input: string
  status: JobStatus
  stage: CaptureStage | null
  attempts: number
  articleId: number | null
  error: { code: string; message: string } | null
  createdAt: number
  updatedAt: number
}

export interface SaveItemResult {
  input: string
  ok: boolean
  articleId: number | null
  jobId: number | null
  error: { code: string; message: string } | null
}

export interface ReextractResult {
  reextracted: number[]
  failed: { id: number; error: { code: string; message: string } }[]
}

/**
 * One node of the tag tree, in tree order. Parents that no article or row names directly (only
 * `research/llm` exists) still appear, with `id: null`, so the tree has no holes.
 */
export interface TagInfo {
  /** The full name, `research/llm`. */
  name: string
  /** The last segment, `llm`. */
  label: string
  parent: string | null
  /** 0 for a top-level tag. */
  depth: number
  /** null for a parent that exists only through its children. */
  id: number | null
  /** Articles tagged with exactly this tag. */
  count: number
  /** Articles tagged with this tag or any tag beneath it, each counted once. */
  total: number
}

/** What `tags.restore` needs to undo a delete, merge or rename: the tag rows and links before. */
export interface TagUndo {
  tags: { id: number; name: string; createdAt: number }[]
  /** `[articleId, tagId]` pairs. */
  links: [number, number][]
}

export interface TagEditResult {
  /** Old and new name of every tag the change renamed, merged or deleted (`to: null`). */
  tags: { from: string; to: string | null }[]
  /** Articles whose tags changed. */
  articles: number[]
  undo: TagUndo
}

export interface TagRestoreResult {
  restored: string[]
  articles: number[]
}

export interface TagSuggestion {
  name: string
  /** `keyword`: the page's own keywords; `site`: frequent on other articles from the same site. */
  source: 'keyword' | 'site'
  /** False for a keyword no tag has yet: choosing it creates the tag. */
  exists: boolean
}

export interface ArticleTagResult {
  /** Articles whose tags changed. */
  changed: number[]
  added: number
  removed: number
}

export interface SearchHit {
  id: number
  title: string
  url: string
  site: string | null
  savedAt: number
  publishedAt: number | null
  tags: string[]
  /** A piece of the article's plain text around the best match. */
  snippet: string
  /** [start, end) offsets into `snippet` of the words that matched. */
  highlights: [number, number][]
  /** Higher is better. */
  score: number
}

export interface SearchPage {
  items: SearchHit[]
  /** Matches counted up to 1000; with `totalIsLowerBound` there are more ("1000+"). */
  total: number
  totalIsLowerBound: boolean
  /** Parts of the query that were not understood, so the UI can say so. */
  ignored: string[]
}
