import { TextPrompt } from '../../ui/TextPrompt'
import type { Target } from './articleActions'

/** "Edit title": one field holding the article's title. */
export function TitlePrompt({
  target,
  onSubmit,
  onClose
}: {
  target: Target
  onSubmit(title: string): void
  onClose(): void
}): React.JSX.Element {
  return (
    <TextPrompt
      title="Edit title"
      label="Title"
      initial={target.title}
      submitLabel="Save title"
      onSubmit={onSubmit}
      onClose={onClose}
    />
  )
}
