import { useEffect, useRef, useState } from 'react'
import { highlightColors } from '../../../../shared/contract/highlights'
import type { Highlight, HighlightColor } from '../../../../shared/contract/highlights'
import type { PopoverPlace, ReaderHighlights } from './useReaderHighlights'

const colorNames: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple'
}

function ColorButtons({
  chosen,
  onChoose,
  verb
}: {
  chosen: HighlightColor | null
  onChoose(color: HighlightColor): void
  verb: string
}): React.JSX.Element {
  return (
    <div className="highlight-colors" role="group" aria-label="Colour">
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className="highlight-swatch"
          data-color={color}
          aria-pressed={chosen === null ? undefined : chosen === color}
          title={`${verb} ${colorNames[color].toLowerCase()}`}
          aria-label={`${verb} ${colorNames[color].toLowerCase()}`}
          onClick={() => onChoose(color)}
        />
      ))}
    </div>
  )
}

/** Over a fresh selection: a colour makes the highlight, Note makes it and opens its note. */
export function SelectionPopover({
  place,
  highlights,
  keyHint
}: {
  place: PopoverPlace
  highlights: ReaderHighlights
  keyHint: string
}): React.JSX.Element {
  return (
    <div
      className="highlight-popover"
      role="toolbar"
      aria-label="Highlight the selection"
      style={{ top: place.top, left: place.left }}
      onMouseDown={(event) => event.preventDefault()}
    >
      <ColorButtons
        chosen={null}
        verb="Highlight"
        onChoose={(color) => highlights.highlightSelection(color)}
      />
      <button
        type="button"
        className="text-button"
        title={`Highlight and write a note (${keyHint} highlights in yellow)`}
        onClick={() => highlights.highlightSelection('yellow', true)}
      >
        Note
      </button>
    </div>
  )
}

/** A highlight's colour, note and delete. */
export function EditPopover({
  highlight,
  place,
  highlights
}: {
  highlight: Highlight
  place: PopoverPlace
  highlights: ReaderHighlights
}): React.JSX.Element {
  const [note, setNote] = useState(highlight.note ?? '')
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    field.current?.focus()
  }, [highlight.id])
  const saveNote = (): void => {
    const next = note.trim() ? note : null
    if (next !== highlight.note) void highlights.update(highlight.id, { note: next })
    highlights.closePopovers()
  }
  return (
    <div
      className="highlight-popover highlight-editor"
      role="dialog"
      aria-label="Edit the highlight"
      style={{ top: place.top, left: place.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          highlights.closePopovers()
        }
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveNote()
      }}
    >
      <ColorButtons
        chosen={highlight.color}
        verb="Make it"
        onChoose={(color) => void highlights.update(highlight.id, { color })}
      />
      <label className="highlight-note-label">
        Note <span className="muted">(Markdown)</span>
        <textarea
          ref={field}
          className="highlight-note"
          rows={3}
          value={note}
          placeholder="What this passage is about for you"
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <div className="highlight-editor-actions">
        <button type="button" className="primary-button" onClick={saveNote}>
          Save note
        </button>
        <button
          type="button"
          className="secondary-button"
          onClick={() => void highlights.remove(highlight)}
        >
          Delete highlight
        </button>
        <button type="button" className="text-button" onClick={highlights.closePopovers}>
          Close
        </button>
      </div>
    </div>
  )
}

/** Whichever popover is open over the article. */
export function HighlightPopovers({
  highlights,
  keyHint
}: {
  highlights: ReaderHighlights
  keyHint: string
}): React.JSX.Element {
  return (
    <>
      {highlights.selectionPlace && (
        <SelectionPopover
          place={highlights.selectionPlace}
          highlights={highlights}
          keyHint={keyHint}
        />
      )}
      {highlights.editing && (
        <EditPopover
          key={highlights.editing.highlight.id}
          highlight={highlights.editing.highlight}
          place={highlights.editing.place}
          highlights={highlights}
        />
      )}
    </>
  )
}
