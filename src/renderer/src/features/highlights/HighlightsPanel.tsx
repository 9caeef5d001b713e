import { useState } from 'react'
import type { Article } from '../../../../shared/types'
import { api } from '../../api'
import type { ReaderHighlights } from './useReaderHighlights'

/**
 * The open article's note and highlights in reading order; a highlight scrolls the reader to
 * itself, and those this text has no place for are listed with their quote.
 */
export function HighlightsPanel({
  article,
  highlights,
  notify,
  onClose
}: {
  article: Article
  highlights: ReaderHighlights
  notify(message: string): void
  onClose(): void
}): React.JSX.Element {
  const placed = highlights.highlights.filter((item) => !highlights.unplaced.includes(item))
  return (
    <aside className="highlights-panel" aria-label="Highlights and note">
      <div className="highlights-panel-head">
        <h2>Highlights and note</h2>
        <button type="button" className="text-button" onClick={onClose}>
          Close
        </button>
      </div>
      <ArticleNote key={article.id} article={article} notify={notify} />
      {placed.length === 0 && highlights.unplaced.length === 0 && (
        <p className="muted">Select text in the article to highlight it.</p>
      )}
      <ol className="highlights-panel-list">
        {placed.map((highlight) => (
          <li key={highlight.id}>
            <button
              type="button"
              className="highlight-item"
              onClick={() => {
                highlights.scrollTo(highlight.id)
                highlights.edit(highlight.id)
              }}
            >
              <span className="highlight-dot" data-color={highlight.color} aria-hidden="true" />
              <span className="highlight-quote">{highlight.quote}</span>
              {highlight.note && <span className="highlight-item-note">{highlight.note}</span>}
            </button>
          </li>
        ))}
      </ol>
      {highlights.unplaced.length > 0 && (
        <section aria-label="Could not be placed">
          <h3>Could not be placed</h3>
          <p className="muted">
            The article’s text changed where these were; they are kept with their words.
          </p>
          <ul className="highlights-panel-list">
            {highlights.unplaced.map((highlight) => (
              <li key={highlight.id} className="highlight-item orphaned">
                <span className="highlight-dot" data-color={highlight.color} aria-hidden="true" />
                <span className="highlight-quote">{highlight.quote}</span>
                {highlight.note && <span className="highlight-item-note">{highlight.note}</span>}
                <button
                  type="button"
                  className="text-button"
                  onClick={() => void highlights.remove(highlight)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  )
}

function ArticleNote({
  article,
  notify
}: {
  article: Article
  notify(message: string): void
}): React.JSX.Element {
  const [note, setNote] = useState(article.note ?? '')
  const [saved, setSaved] = useState(article.note ?? '')
  const save = (): void => {
    if (note === saved) return
    void api['articles.setNote']({ id: article.id, note }).then((result) => {
      if (!result.ok) return notify(result.error.message)
      setSaved(note)
    })
  }
  return (
    <label className="article-note">
      <span>
        Your note on this article <span className="muted">(Markdown, saved when you leave it)</span>
      </span>
      <textarea
        rows={4}
        value={note}
        placeholder="Why you kept it, what to do with it"
        onChange={(event) => setNote(event.target.value)}
        onBlur={save}
      />
    </label>
  )
}
