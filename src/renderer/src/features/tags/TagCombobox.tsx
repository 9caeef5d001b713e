import { useEffect, useId, useRef, useState } from 'react'
import type { TagInfo } from '../../../../shared/types'

/** Enough to choose from without the list covering the dialog's buttons. */
const shownOptions = 8

interface TagComboboxProps {
  id: string
  value: string
  /** The tags to offer, in tree order. */
  tags: TagInfo[]
  onChange(value: string): void
  /**
   * A comma-separated list of names (the tag editor): the list completes the last name, leaves
   * out names already typed, and opens only once a name is begun.
   */
  multiple?: boolean
}

/** The name being typed, and the names before it when the field holds a list. */
function splitTyped(value: string, multiple: boolean): { before: string[]; current: string } {
  if (!multiple) return { before: [], current: value }
  const parts = value.split(',')
  const current = parts.pop() ?? ''
  return { before: parts.map((part) => part.trim()).filter(Boolean), current }
}

/** Tags whose name contains what is typed; names starting with it (or a segment of it) first. */
export function matchingTags(tags: TagInfo[], typed: string): TagInfo[] {
  const query = typed.trim().toLowerCase()
  if (!query) return tags.slice(0, shownOptions)
  const starts = (tag: TagInfo): boolean =>
    tag.name.toLowerCase().startsWith(query) || tag.label.toLowerCase().startsWith(query)
  const matches = tags.filter((tag) => tag.name.toLowerCase().includes(query))
  return [...matches.filter(starts), ...matches.filter((tag) => !starts(tag))].slice(
    0,
    shownOptions
  )
}

/** The tags the list offers for what is typed, leaving out names already in the list. */
function offeredTags(
  value: string,
  tags: TagInfo[],
  multiple: boolean
): { before: string[]; options: TagInfo[]; exact: boolean } {
  const { before, current } = splitTyped(value, multiple)
  const typedKeys = new Set(before.map((name) => name.toLowerCase()))
  const begun = !multiple || current.trim() !== ''
  const options = begun
    ? matchingTags(
        tags.filter((tag) => !typedKeys.has(tag.name.toLowerCase())),
        current
      )
    : []
  const exact =
    options.length === 1 && options[0].name.toLowerCase() === current.trim().toLowerCase()
  return { before, options, exact }
}

/**
 * A text field with the library's tags as a list under it (the ARIA combobox pattern): typing
 * filters, ↓/↑ move through the list, Enter or a click takes a tag, Escape closes the list.
 * Enter with nothing highlighted is left to the form, so a typed name can still be submitted.
 */
export function TagCombobox({
  id,
  value,
  tags,
  onChange,
  multiple = false
}: TagComboboxProps): React.JSX.Element {
  const listId = useId()
  const [open, setOpen] = useState(true)
  const [highlighted, setHighlighted] = useState(-1)
  const { before, options, exact } = offeredTags(value, tags, multiple)
  const expanded = open && options.length > 0 && !exact
  const optionId = (index: number): string => `${listId}-option-${index}`
  const show = (shown: boolean, index: number): void => {
    setOpen(shown)
    setHighlighted(index)
  }
  const take = (tag: TagInfo): void => {
    // In a list, the taken name is followed by ", " so the next one can be typed right away.
    onChange(multiple ? `${[...before, tag.name].join(', ')}, ` : tag.name)
    show(false, -1)
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void =>
    comboboxKey(event, {
      expanded,
      options,
      highlighted,
      take,
      open: (index) => show(true, index),
      close: () => show(false, -1),
      move: (step) => {
        // The positions are the options and, past either end, the typed text (-1).
        const positions = options.length + 1
        setHighlighted((index) => ((index + 1 + step + positions) % positions) - 1)
      }
    })

  return (
    <div className="combobox">
      <input
        id={id}
        className="text-field"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && highlighted >= 0 ? optionId(highlighted) : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
          show(true, -1)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <TagOptionList
        listId={listId}
        hidden={!expanded}
        options={options}
        highlighted={highlighted}
        optionId={optionId}
        onTake={take}
        onHighlight={setHighlighted}
      />
    </div>
  )
}

/** ↓/↑ open the list or move through it, Enter takes the highlighted tag, Escape closes. */
function comboboxKey(
  event: React.KeyboardEvent<HTMLInputElement>,
  list: {
    expanded: boolean
    options: TagInfo[]
    highlighted: number
    take(tag: TagInfo): void
    open(highlighted: number): void
    close(): void
    move(step: number): void
  }
): void {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault()
    if (!list.expanded) list.open(event.key === 'ArrowDown' ? 0 : list.options.length - 1)
    else list.move(event.key === 'ArrowDown' ? 1 : -1)
  } else if (event.key === 'Enter' && list.expanded && list.options[list.highlighted]) {
    event.preventDefault()
    list.take(list.options[list.highlighted])
  } else if (event.key === 'Escape' && list.expanded) {
    // Closes the list, not the dialog around it.
    event.preventDefault()
    list.close()
  }
}

function TagOptionList({
  listId,
  hidden,
  options,
  highlighted,
  optionId,
  onTake,
  onHighlight
}: {
  listId: string
  hidden: boolean
  options: TagInfo[]
  highlighted: number
  optionId(index: number): string
  onTake(tag: TagInfo): void
  onHighlight(index: number): void
}): React.JSX.Element {
  const list = useRef<HTMLUListElement>(null)
  useEffect(() => {
    // Arrowing past the sixth option scrolls the list along.
    list.current?.children[highlighted]?.scrollIntoView({ block: 'nearest' })
  }, [highlighted])
  return (
    <ul ref={list} id={listId} role="listbox" className="combobox-list" hidden={hidden}>
      {options.map((tag, index) => (
        <li
          key={tag.name}
          id={optionId(index)}
          role="option"
          aria-selected={index === highlighted}
          className="combobox-option"
          title={tag.name}
          // The field keeps the focus, so typing goes on after a click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTake(tag)}
          onMouseMove={() => onHighlight(index)}
        >
          <span className="tag-label">
            <span className="tag-hash" aria-hidden="true">
              #
            </span>
            {tag.label}
            {tag.parent && <span className="option-parent"> in {tag.parent}</span>}
          </span>
          <span className="nav-count">{tag.total.toLocaleString()}</span>
        </li>
      ))}
    </ul>
  )
}
