import { isWithin } from '../../../../shared/tags'
import type { TagInfo } from '../../../../shared/types'
import { articleCount } from './tagEdits'
import { Dialog } from '../../ui/Dialog'

interface DeleteTagPromptProps {
  tag: TagInfo
  /** Every tag of the library, in tree order. */
  tags: TagInfo[]
  onConfirm(): void
  onClose(): void
}

/** "Delete" from the tag tree: says what goes (the tag, its sub-tags) and what stays (articles). */
export function DeleteTagPrompt({
  tag,
  tags,
  onConfirm,
  onClose
}: DeleteTagPromptProps): React.JSX.Element {
  const subTags = tags.filter((other) => isWithin(other.name, tag.name)).length - 1
  return (
    <Dialog label="Delete tag" onClose={onClose}>
      <form
        className="prompt"
        onSubmit={(event) => {
          event.preventDefault()
          onConfirm()
        }}
      >
        <h2>
          Delete <span className="tag-name">#{tag.name}</span>?
        </h2>
        <p className="merge-summary">
          <strong>
            {tag.total === 0
              ? 'No article carries it.'
              : `It comes off ${articleCount(tag.total)}; ${tag.total === 1 ? 'the article stays' : 'the articles stay'} in the library.`}
          </strong>{' '}
          {subTags > 0 &&
            `${subTags === 1 ? 'Its sub-tag goes' : `Its ${subTags} sub-tags go`} with it. `}
          You can undo this.
        </p>
        <div className="prompt-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          {/* The dialog focuses Cancel, its first button: a stray Enter deletes nothing. */}
          <button type="submit" className="primary-button danger">
            Delete
          </button>
        </div>
      </form>
    </Dialog>
  )
}
