import { useState } from 'react'
import type { TagInfo } from '../../../shared/types'
import { Dialog } from './Dialog'
import { TagCombobox } from './TagCombobox'

interface TextPromptProps {
  title: string
  label: string
  initial: string
  submitLabel: string
  hint?: string
  suggestions?: string[]
  /** Tags that complete the name being typed in a comma-separated list (the tag editor). */
  completions?: TagInfo[]
  onSubmit(value: string): void
  onClose(): void
}

/** One text field in a dialog: editing a title, typing tags. */
export function TextPrompt({
  title,
  label,
  initial,
  submitLabel,
  hint,
  suggestions = [],
  completions,
  onSubmit,
  onClose
}: TextPromptProps): React.JSX.Element {
  const [value, setValue] = useState(initial)
  return (
    <Dialog label={title} onClose={onClose}>
      <form
        className="prompt"
        onSubmit={(event) => {
          event.preventDefault()
          if (value.trim()) onSubmit(value.trim())
        }}
      >
        <h2>{title}</h2>
        <label className="field-label" htmlFor="prompt-field">
          {label}
        </label>
        {completions ? (
          <TagCombobox
            id="prompt-field"
            value={value}
            tags={completions}
            onChange={setValue}
            multiple
          />
        ) : (
          <input
            id="prompt-field"
            className="text-field"
            autoFocus
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        {hint && <p className="muted prompt-hint">{hint}</p>}
        {suggestions.length > 0 && (
          <div className="suggestions" aria-label="Suggestions">
            {suggestions.map((suggestion) => (
              <button
                key={suggestion}
                type="button"
                className="tag-chip tag-suggestion"
                onClick={() =>
                  setValue((previous) =>
                    [
                      ...previous
                        .split(',')
                        .map((part) => part.trim())
                        .filter(Boolean),
                      suggestion
                    ].join(', ')
                  )
                }
              >
                + {suggestion}
              </button>
            ))}
          </div>
        )}
        <div className="prompt-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
