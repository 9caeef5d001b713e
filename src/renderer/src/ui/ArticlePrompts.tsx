import { useEffect, useState } from 'react'
import { tagKey } from '../../../shared/tags'
import type { TagInfo } from '../../../shared/types'
import { api } from '../api'
import type { Target } from '../library/articleActions'
import { TextPrompt } from './TextPrompt'

/** Tags typed as a comma-separated list; suggestions come from the page and its site. */
export function TagPrompt({
  targets,
  tags,
  onSubmit,
  onClose
}: {
  targets: Target[]
  /** The library's tags, offered as the name being typed is completed. */
  tags: TagInfo[]
  onSubmit(names: string[]): void
  onClose(): void
}): React.JSX.Element {
  const [suggestions, setSuggestions] = useState<string[]>([])
  const single = targets.length === 1 ? targets[0] : null
  useEffect(() => {
    if (!single) return
    let current = true
    void api['tags.suggest']({ id: single.id, limit: 8 }).then((result) => {
      if (current && result.ok) {
        setSuggestions(
          result.value
            .map((suggestion) => suggestion.name)
            .filter((name) => !single.tags.includes(name))
        )
      }
    })
    return () => {
      current = false
    }
  }, [single])
  return (
    <TextPrompt
      title={single ? 'Tag article' : `Tag ${targets.length.toLocaleString()} articles`}
      label="Tags, separated by commas (use / for nesting: research/llm)"
      initial=""
      submitLabel="Add tags"
      hint={
        single && single.tags.length > 0 ? `Already tagged: ${single.tags.join(', ')}` : undefined
      }
      suggestions={suggestions}
      completions={
        single ? tags.filter((tag) => !single.tags.some((name) => sameTag(name, tag.name))) : tags
      }
      onSubmit={(value) =>
        onSubmit(
          value
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        )
      }
      onClose={onClose}
    />
  )
}

function sameTag(left: string, right: string): boolean {
  return tagKey(left) === tagKey(right)
}

export function TitlePrompt({
  target,
  onSubmit,
  onClose
}: {
  target: Target
  onSubmit(title: string): void
  onClose(): void
}): React.JSX.Element {
  return (
    <TextPrompt
      title="Edit title"
      label="Title"
      initial={target.title}
      submitLabel="Save title"
      onSubmit={onSubmit}
      onClose={onClose}
    />
  )
}
