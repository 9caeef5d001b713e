import { useState } from 'react'
import { isWithin, tagKey } from '../../../../shared/tags'
import type { TagInfo } from '../../../../shared/types'
import { articleCount } from './tagEdits'
import { Dialog } from '../../ui/Dialog'
import { TagCombobox } from './TagCombobox'

interface MergeTagPromptProps {
  source: TagInfo
  /** Every tag of the library, in tree order. */
  tags: TagInfo[]
  onSubmit(into: string): void
  onClose(): void
}

/**
 * "Merge into…" from the tag tree: the target is picked from the library's tags, and the dialog
 * says what the merge does (how many articles move, which sub-tags follow) before it is confirmed.
 */
export function MergeTagPrompt({
  source,
  tags,
  onSubmit,
  onClose
}: MergeTagPromptProps): React.JSX.Element {
  const [value, setValue] = useState('')
  const typed = value.trim().replace(/\s+/g, ' ')
  const candidates = tags.filter((tag) => !isWithin(tag.name, source.name))
  const target = tags.find((tag) => tagKey(tag.name) === tagKey(typed))
  const refused = typed !== '' && isWithin(typed, source.name)
  const subTags = tags.filter((tag) => isWithin(tag.name, source.name)).length - 1
  return (
    <Dialog label="Merge tag" onClose={onClose}>
      <form
        className="prompt merge-prompt"
        onSubmit={(event) => {
          event.preventDefault()
          if (typed && !refused) onSubmit(target?.name ?? typed)
        }}
      >
        <h2>
          Merge <span className="tag-name">#{source.name}</span> into…
        </h2>
        <label className="field-label" htmlFor="merge-into">
          Merge into (type to find a tag)
        </label>
        <TagCombobox id="merge-into" value={value} tags={candidates} onChange={setValue} />
        <p className="merge-summary" aria-live="polite" data-refused={refused || undefined}>
          {typed === '' ? (
            `Every article tagged #${source.name} will carry the tag you choose instead.`
          ) : refused ? (
            `#${typed} is #${source.name} or lies beneath it: choose a tag outside it.`
          ) : (
            <MergeSummary
              source={source}
              into={target?.name ?? typed}
              exists={target !== undefined}
              subTags={subTags}
            />
          )}
        </p>
        <div className="prompt-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" disabled={!typed || refused}>
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function MergeSummary({
  source,
  into,
  exists,
  subTags
}: {
  source: TagInfo
  into: string
  exists: boolean
  subTags: number
}): React.JSX.Element {
  const moving =
    source.total === 0
      ? `No article carries #${source.name}.`
      : `${articleCount(source.total)} ${source.total === 1 ? 'moves' : 'move'} from #${source.name} to #${into}.`
  return (
    <>
      <strong>{moving}</strong>{' '}
      {subTags > 0 &&
        `${subTags === 1 ? 'Its sub-tag moves' : `Its ${subTags} sub-tags move`} beneath #${into}. `}
      {`#${source.name} goes away`}
      {exists ? '.' : `, and #${into}, a new tag, takes its place.`} You can undo this.
    </>
  )
}
