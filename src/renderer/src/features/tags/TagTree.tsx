import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { TagInfo } from '../../../../shared/types'
import { isArticleDrag } from './articleDrag'

export interface TagTreeActions {
  select(name: string): void
  rename(name: string): void
  merge(name: string): void
  remove(name: string): void
  /** Articles dragged from the list were dropped on this tag. */
  drop(name: string): void
}

interface TagTreeProps {
  /** In tree order: each tag right after its parent. */
  tags: TagInfo[]
  /** The tag whose articles are listed, if any. */
  currentTag: string | null
  /** True while articles from the list are being dragged: tags then take a drop. */
  draggingArticles: boolean
  actions: TagTreeActions
}

const collapsedKey = 'folio.collapsedTags'

/** The parents the user folded, kept per browser like the sort order. */
function useCollapsedTags(): [ReadonlySet<string>, (name: string) => void] {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(collapsedKey) ?? '[]')
      return new Set(Array.isArray(stored) ? stored.filter((name) => typeof name === 'string') : [])
    } catch {
      // A hand-edited value: start unfolded.
      return new Set()
    }
  })
  const toggle = useCallback((name: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous)
      if (!next.delete(name)) next.add(name)
      localStorage.setItem(collapsedKey, JSON.stringify([...next]))
      return next
    })
  }, [])
  return [collapsed, toggle]
}

/** The tags not hidden inside a folded parent. */
function shownTags(tags: TagInfo[], collapsed: ReadonlySet<string>): TagInfo[] {
  if (collapsed.size === 0) return tags
  const folded = [...collapsed].map((name) => `${name}/`)
  return tags.filter((tag) => !folded.some((prefix) => tag.name.startsWith(prefix)))
}

/**
 * The tag tree: a tag lists its articles, a parent folds its children away, each tag has tools
 * (rename, merge, delete) on hover or Tab, and articles dragged from the list drop onto a tag.
 */
export function TagTree({ actions, ...props }: TagTreeProps): React.JSX.Element {
  // The library re-renders as its list scrolls and pages load; a tree of 5,000 tags rendered
  // again each time dropped frames (bench:ui). The tree re-renders only when its tags, the
  // current tag or a drag change; its actions reach the latest handlers through a ref.
  const latest = useRef(actions)
  useLayoutEffect(() => {
    latest.current = actions
  })
  const stableActions = useMemo<TagTreeActions>(
    () => ({
      select: (name) => latest.current.select(name),
      rename: (name) => latest.current.rename(name),
      merge: (name) => latest.current.merge(name),
      remove: (name) => latest.current.remove(name),
      drop: (name) => latest.current.drop(name)
    }),
    []
  )
  return <TagTreeItems {...props} actions={stableActions} />
}

const TagTreeItems = memo(function TagTreeItems({
  tags,
  currentTag,
  draggingArticles,
  actions
}: TagTreeProps): React.JSX.Element {
  const [collapsed, toggle] = useCollapsedTags()
  const [dropTag, setDropTag] = useState<string | null>(null)
  const parents = new Set(tags.map((tag) => tag.parent))
  return (
    <ul
      className="nav-list tag-tree"
      aria-label="Tags"
      data-dragging={draggingArticles || undefined}
    >
      {shownTags(tags, collapsed).map((tag) => (
        <li
          key={tag.name}
          className="tag-item"
          data-drop-target={(draggingArticles && dropTag === tag.name) || undefined}
          onDragEnter={(event) => {
            if (!isArticleDrag(event)) return
            event.preventDefault()
            setDropTag(tag.name)
          }}
          onDragOver={(event) => {
            if (!isArticleDrag(event)) return
            event.preventDefault()
            event.dataTransfer.dropEffect = 'copy'
            setDropTag(tag.name)
          }}
          onDragLeave={(event) => {
            if (event.currentTarget.contains(event.relatedTarget as Node | null)) return
            setDropTag((current) => (current === tag.name ? null : current))
          }}
          onDrop={(event) => {
            if (!isArticleDrag(event)) return
            event.preventDefault()
            event.stopPropagation()
            setDropTag(null)
            actions.drop(tag.name)
          }}
        >
          {parents.has(tag.name) && (
            <FoldButton
              tag={tag}
              folded={collapsed.has(tag.name)}
              onToggle={() => toggle(tag.name)}
            />
          )}
          <button
            type="button"
            className="nav-item"
            style={{ paddingInlineStart: `calc(var(--space) * ${5 + tag.depth * 4})` }}
            aria-current={currentTag === tag.name ? 'page' : undefined}
            title={tag.name}
            onClick={() => actions.select(tag.name)}
          >
            <span className="tag-label">
              <span className="tag-hash" aria-hidden="true">
                #
              </span>
              {tag.label}
            </span>
            <span className="nav-count">{tag.total}</span>
          </button>
          <TagTools name={tag.name} actions={actions} />
        </li>
      ))}
    </ul>
  )
})

/** A parent's chevron, which folds its children away. */
function FoldButton({
  tag,
  folded,
  onToggle
}: {
  tag: TagInfo
  folded: boolean
  onToggle(): void
}): React.JSX.Element {
  return (
    <button
      type="button"
      className="tag-fold"
      style={{ insetInlineStart: `calc(var(--space) * ${tag.depth * 4})` }}
      aria-expanded={!folded}
      aria-label={`Tags in ${tag.name}`}
      title={folded ? 'Unfold' : 'Fold'}
      onClick={onToggle}
    >
      <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
        <path d="M3 1.5 6.5 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </button>
  )
}

function TagTools({ name, actions }: { name: string; actions: TagTreeActions }): React.JSX.Element {
  return (
    <span className="tag-tools">
      <button
        type="button"
        className="icon-button"
        aria-label={`Rename tag ${name}`}
        title="Rename"
        onClick={() => actions.rename(name)}
      >
        ✎
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Merge tag ${name} into…`}
        title="Merge into…"
        onClick={() => actions.merge(name)}
      >
        <MergeIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Delete tag ${name}`}
        title="Delete (articles keep everything else)"
        onClick={() => actions.remove(name)}
      >
        ✕
      </button>
    </span>
  )
}

/** Two tags flowing into one: "merge into". */
function MergeIcon(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3 2v3.5c0 2 1.5 3 3 3.8L8 10.5M13 2v3.5c0 2-1.5 3-3 3.8L8 10.5V14M5.5 12 8 14.5 10.5 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
