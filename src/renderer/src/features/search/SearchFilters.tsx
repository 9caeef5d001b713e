/** A filter written in the search box (`tag:research`, `#llm`, `is:unread`, `site:…`), and where. */
export interface FilterToken {
  label: string
  start: number
  end: number
}

const filterPattern = /(^|\s)(-?)(?:(tag|site|is|lang|before|after|url):("[^"]*"|\S+)|#(\S+))/gi

const names: Record<string, string> = {
  tag: 'Tag',
  site: 'Site',
  is: 'Only',
  lang: 'Language',
  before: 'Saved before',
  after: 'Saved after',
  url: 'Address'
}

export function filterTokens(text: string): FilterToken[] {
  const tokens: FilterToken[] = []
  for (const match of text.matchAll(filterPattern)) {
    const [whole, space, negated, key, value, hashTag] = match
    const name = hashTag !== undefined ? 'Tag' : names[key.toLowerCase()]
    const shown = (hashTag ?? value).replace(/^"|"$/g, '')
    const start = (match.index ?? 0) + space.length
    tokens.push({
      label: `${negated ? 'Not ' : ''}${name}: ${shown}`,
      start,
      end: start + whole.length - space.length
    })
  }
  return tokens
}

interface SearchFiltersProps {
  search: string
  onSearch(text: string): void
}

/** The filters of the current search as chips; removing one takes it out of the query. */
export function SearchFilters({ search, onSearch }: SearchFiltersProps): React.JSX.Element | null {
  const tokens = filterTokens(search)
  if (tokens.length === 0) return null
  return (
    <ul className="filter-chips" aria-label="Search filters">
      {tokens.map((token) => (
        <li key={`${token.start}-${token.label}`} className="filter-chip">
          <span>{token.label}</span>
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={`Remove filter ${token.label}`}
            onClick={() =>
              onSearch(
                `${search.slice(0, token.start)}${search.slice(token.end)}`
                  .replace(/\s{2,}/g, ' ')
                  .trim()
              )
            }
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
