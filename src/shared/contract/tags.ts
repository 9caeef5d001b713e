import { z } from 'zod'
import { operation, returns } from './define'
import { articleId, tagName } from './articles'
import { pageBodyBytes, tagNames } from './capture'

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

/** What a delete, merge or rename returned, handed back to `tags.restore` to undo it. */
const tagUndo = z
  .object({
    tags: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            name: z.string().min(1).max(1000),
            createdAt: z.number().int()
          })
          .strict()
      )
      .max(100_000),
    /** `[articleId, tagId]` pairs. */
    links: z.array(z.tuple([articleId, z.number().int().positive()])).max(10_000_000)
  })
  .strict()

/** What `tags.restore` needs to undo a delete, merge or rename: the tag rows and links before. */
export type TagUndo = z.infer<typeof tagUndo>

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

export const tagOperations = {
  'articles.tag': operation({
    input: z
      .object({
        ids: z.array(articleId).min(1).max(100_000),
        add: tagNames,
        remove: tagNames
      })
      .strict()
      .refine((input) => input.add.length + input.remove.length > 0, {
        message: 'name the tags to add or remove'
      }),
    output: returns<ArticleTagResult>()
  }),
  'tags.list': operation({ input: z.object({}).strict(), output: returns<TagInfo[]>() }),
  'tags.create': operation({
    input: z.object({ name: tagName }).strict(),
    output: returns<{ id: number; name: string; created: boolean }>()
  }),
  'tags.rename': operation({
    input: z.object({ from: tagName, to: tagName }).strict(),
    output: returns<TagEditResult>()
  }),
  'tags.merge': operation({
    input: z.object({ from: z.array(tagName).min(1).max(1000), into: tagName }).strict(),
    output: returns<TagEditResult>()
  }),
  'tags.delete': operation({
    input: z
      .object({
        name: tagName,
        /** False keeps the tags beneath it; they then show the name as their implicit parent. */
        withDescendants: z.boolean().default(true)
      })
      .strict(),
    output: returns<TagEditResult>()
  }),
  // The undo of a big tag change is large (its links: about 1.7 MB for 120,000).
  'tags.restore': operation({
    input: z.object({ undo: tagUndo }).strict(),
    output: returns<TagRestoreResult>(),
    maxBodyBytes: pageBodyBytes
  }),
  'tags.suggest': operation({
    input: z
      .object({ id: articleId, limit: z.number().int().min(1).max(100).default(12) })
      .strict(),
    output: returns<TagSuggestion[]>()
  })
}
