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
