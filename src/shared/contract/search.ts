import { z } from 'zod'
import { operation, returns } from './define'

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

export const searchOperations = {
  'search.query': operation({
    input: z
      .object({
        query: z.string().max(2000),
        limit: z.number().int().min(1).max(200).default(20),
        offset: z.number().int().min(0).max(10_000).default(0),
        sort: z.enum(['relevance', 'date']).default('relevance'),
        /** Search-as-you-type: the last word also matches as a prefix of titles, sites and tags. */
        asYouType: z.boolean().default(false)
      })
      .strict(),
    output: returns<SearchPage>()
  }),
  /** Rebuilds the index from the stored articles, as a job with progress. */
  'search.reindex': operation({
    input: z.object({}).strict(),
    output: returns<{ jobId: number; articles: number }>()
  })
}
