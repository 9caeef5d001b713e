import { tagKey } from '../../../../shared/tags'
import type { ArticleState, ArticleSummary } from '../../../../shared/types'
import { api } from '../../api'
import type { Undo } from './useUndo'

/** What an action needs to know of an article to change it and to put it back. */
export type Target = Pick<ArticleSummary, 'id' | 'state' | 'favorite' | 'tags' | 'title'>

/** What tagging needs of an article: a search hit has it, without the article's state. */
export type TagTarget = Pick<Target, 'id' | 'tags' | 'title'>

function describe(targets: Pick<Target, 'title'>[], verb: string): string {
  return targets.length === 1
    ? `${verb} “${shorten(targets[0].title)}”`
    : `${verb} ${targets.length.toLocaleString()} articles`
}

function shorten(title: string): string {
  return title.length > 48 ? `${title.slice(0, 47)}…` : title
}

/** Every change goes through `undo`, which offers to put back each article's own old values. */
export function createArticleActions(undo: Undo) {
  function setState(targets: Target[], state: ArticleState, verb: string): Promise<void> {
    return undo.update(
      targets.map((target) => ({ id: target.id, state })),
      targets.map((target) => ({ id: target.id, state: target.state })),
      describe(targets, verb)
    )
  }

  return {
    /** Archives, or brings back to read when every target is already archived. */
    archive(targets: Target[]): Promise<void> {
      return targets.every((target) => target.state === 'archived')
        ? setState(targets, 'read', 'Unarchived')
        : setState(targets, 'archived', 'Archived')
    },
    setRead(targets: Target[], read: boolean): Promise<void> {
      return setState(targets, read ? 'read' : 'unread', read ? 'Marked read' : 'Marked unread')
    },
    toggleRead(targets: Target[]): Promise<void> {
      return this.setRead(
        targets,
        targets.some((target) => target.state === 'unread')
      )
    },
    toggleFavorite(targets: Target[]): Promise<void> {
      const favorite = !targets.every((target) => target.favorite)
      return undo.update(
        targets.map((target) => ({ id: target.id, favorite })),
        targets.map((target) => ({ id: target.id, favorite: target.favorite })),
        describe(targets, favorite ? 'Added to favorites' : 'Removed from favorites')
      )
    },
    editTitle(target: Target, title: string): Promise<void> {
      return undo.update(
        [{ id: target.id, title }],
        [{ id: target.id, title: target.title }],
        'Title changed'
      )
    },
    remove(targets: Target[]): void {
      undo.remove(
        targets.map((target) => target.id),
        describe(targets, 'Deleted')
      )
    },
    async tag(targets: TagTarget[], names: string[]): Promise<void> {
      // Undo removes each tag only from the articles that did not have it before.
      const newly = names.map((name) => ({
        name,
        ids: targets
          .filter((target) => !target.tags.some((tag) => tagKey(tag) === tagKey(name)))
          .map((target) => target.id)
      }))
      const tagList = names.map((name) => `#${name}`).join(' ')
      if (newly.every(({ ids }) => ids.length === 0)) {
        const subject = targets.length === 1 ? 'The article' : 'Every one of these articles'
        return undo.notify(`${subject} already has ${tagList}`)
      }
      const ids = targets.map((target) => target.id)
      const result = await api['articles.tag']({ ids, add: names })
      if (!result.ok) return undo.notify(result.error.message)
      undo.offer(`${describe(targets, 'Tagged')} with ${tagList}`, async () => {
        for (const { name, ids: tagged } of newly) {
          if (tagged.length > 0) await api['articles.tag']({ ids: tagged, remove: [name] })
        }
      })
    },
    saveProgress(id: number, readingProgress: number): void {
      void api['articles.update']({ changes: [{ id, readingProgress }] })
    }
  }
}

export type ArticleActions = ReturnType<typeof createArticleActions>
