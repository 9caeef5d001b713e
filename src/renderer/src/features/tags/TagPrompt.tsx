import { useEffect, useState } from 'react'
import { tagKey } from '../../../../shared/tags'
import type { TagInfo } from '../../../../shared/types'
import { api } from '../../api'
import { TextPrompt } from '../../ui/TextPrompt'
import type { TagTarget } from '../library/articleActions'
import { TagCombobox } from './TagCombobox'

/** Tags typed as a comma-separated list; suggestions come from the page and its site. */
export function TagPrompt({
  targets,
  tags,
  onSubmit,
  onClose
}: {
  targets: TagTarget[]
  /** The library's tags, offered as the name being typed is completed. */
  tags: TagInfo[]
  onSubmit(names: string[]): void
  onClose(): void
}): React.JSX.Element {
  const single = targets.length === 1 ? targets[0] : null
  const suggestions = useSuggestions(single)
  const completions = single
    ? tags.filter((tag) => !single.tags.some((name) => sameTag(name, tag.name)))
    : tags
  return (
    <TextPrompt
      title={single ? 'Tag article' : `Tag ${targets.length.toLocaleString()} articles`}
      label="Tags, separated by commas (use / for nesting: research/llm)"
      initial=""
      submitLabel="Add tags"
      renderField={({ id, value, setValue }) => (
        <>
          <TagCombobox id={id} value={value} tags={completions} onChange={setValue} multiple />
          {single && single.tags.length > 0 && (
            <p className="muted prompt-hint">Already tagged: {single.tags.join(', ')}</p>
          )}
          <Suggestions
            suggestions={suggestions}
            onPick={(name) => setValue((previous) => [...namesIn(previous), name].join(', '))}
          />
        </>
      )}
      onSubmit={(value) => onSubmit(namesIn(value))}
      onClose={onClose}
    />
  )
}

/** Tags the page and its site suggest for one article, leaving out those it has. */
function useSuggestions(single: TagTarget | null): string[] {
  const [suggestions, setSuggestions] = useState<string[]>([])
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
  return suggestions
}

function Suggestions({
  suggestions,
  onPick
}: {
  suggestions: string[]
  onPick(name: string): void
}): React.JSX.Element | null {
  if (suggestions.length === 0) return null
  return (
    <div className="suggestions" aria-label="Suggestions">
      {suggestions.map((suggestion) => (
        <button
          key={suggestion}
          type="button"
          className="tag-chip tag-suggestion"
          onClick={() => onPick(suggestion)}
        >
          + {suggestion}
        </button>
      ))}
    </div>
  )
}

function namesIn(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
}

function sameTag(left: string, right: string): boolean {
  return tagKey(left) === tagKey(right)
}
