interface SearchFieldProps {
  search: string
  onSearch(text: string): void
  /** Enter or Escape in the field hands the keyboard back to the list. */
  onDone(): void
  /** The placeholder, which names the key that focuses the field. */
  placeholder: string
  fieldRef: React.RefObject<HTMLInputElement | null>
}

/** Search as you type; Escape empties the field. */
export function SearchField({
  search,
  onSearch,
  onDone,
  placeholder,
  fieldRef
}: SearchFieldProps): React.JSX.Element {
  return (
    <input
      ref={fieldRef}
      type="search"
      className="search-field"
      placeholder={placeholder}
      aria-label="Search"
      value={search}
      onChange={(event) => onSearch(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onSearch('')
        if (event.key === 'Escape' || event.key === 'Enter') {
          event.preventDefault()
          onDone()
        }
      }}
    />
  )
}
