import { useState } from 'react'
import { Dialog } from './Dialog'

/** What a custom field gets: the value, a way to change it, and the id its label points at. */
export interface PromptField {
  id: string
  value: string
  setValue: React.Dispatch<React.SetStateAction<string>>
}

interface TextPromptProps {
  title: string
  label: string
  initial: string
  submitLabel: string
  hint?: string
  /** A field other than a plain text input (the tag editor's completing list), with its extras. */
  renderField?(field: PromptField): React.ReactNode
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
  renderField,
  onSubmit,
  onClose
}: TextPromptProps): React.JSX.Element {
  const [value, setValue] = useState(initial)
  const id = 'prompt-field'
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
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {renderField ? (
          renderField({ id, value, setValue })
        ) : (
          <input
            id={id}
            className="text-field"
            autoFocus
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        {hint && <p className="muted prompt-hint">{hint}</p>}
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
