import { AddPanel } from '../features/capture/AddPanel'
import { TitlePrompt } from '../features/library/TitlePrompt'
import { tagView, views } from '../features/library/views'
import { DeleteTagPrompt } from '../features/tags/DeleteTagPrompt'
import { MergeTagPrompt } from '../features/tags/MergeTagPrompt'
import { TagPrompt } from '../features/tags/TagPrompt'
import { TextPrompt } from '../ui/TextPrompt'
import type { OpenDialog } from './dialogs'
import { ShortcutsDialog } from './ShortcutsDialog'
import type { Workspace } from './useWorkspace'

/** The one place dialogs are rendered: whichever `workspace.dialog` names, or none. */
export function DialogHost({ workspace }: { workspace: Workspace }): React.JSX.Element | null {
  const { dialog, setDialog, actions, settle } = workspace
  const close = (): void => setDialog(null)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'add':
      return (
        <AddPanel
          jobs={workspace.jobs}
          initialText={dialog.text}
          initialFiles={dialog.files}
          onClose={close}
        />
      )
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />
    case 'tag':
      return (
        <TagPrompt
          targets={dialog.targets}
          tags={workspace.tags}
          onSubmit={(names) => {
            void actions.tag(dialog.targets, names).then(() => settle(dialog.targets))
            close()
          }}
          onClose={close}
        />
      )
    case 'title':
      return (
        <TitlePrompt
          target={dialog.target}
          onSubmit={(title) => {
            void actions.editTitle(dialog.target, title)
            close()
          }}
          onClose={close}
        />
      )
    default:
      return <TagDialog dialog={dialog} workspace={workspace} onClose={close} />
  }
}

type TagDialogKind = Extract<OpenDialog, { kind: 'renameTag' | 'mergeTag' | 'deleteTag' }>

/** Renaming, merging or deleting a tag from the sidebar; the list follows a tag it showed. */
function TagDialog({
  dialog,
  workspace,
  onClose
}: {
  dialog: TagDialogKind
  workspace: Workspace
  onClose(): void
}): React.JSX.Element | null {
  const { tags, tagEdits, browsing } = workspace
  const showing = browsing.view.key === `tag:${dialog.name}`
  const follow = (name: string | null): void => {
    if (name && showing) browsing.selectView(tagView(name))
  }
  // A tag renamed or deleted elsewhere while its dialog is open closes the dialog.
  const source = tags.find((tag) => tag.name === dialog.name)
  if (dialog.kind === 'renameTag') {
    return (
      <TextPrompt
        title="Rename tag"
        label="New name (an existing tag's name merges the two)"
        initial={dialog.name}
        submitLabel="Rename"
        onSubmit={(to) => {
          void tagEdits.rename(dialog.name, to).then(follow)
          onClose()
        }}
        onClose={onClose}
      />
    )
  }
  if (!source) return null
  if (dialog.kind === 'mergeTag') {
    return (
      <MergeTagPrompt
        source={source}
        tags={tags}
        onSubmit={(into) => {
          void tagEdits.merge(source.name, into).then(follow)
          onClose()
        }}
        onClose={onClose}
      />
    )
  }
  return (
    <DeleteTagPrompt
      tag={source}
      tags={tags}
      onConfirm={() => {
        if (showing) browsing.selectView(views[0])
        void tagEdits.remove(source.name)
        onClose()
      }}
      onClose={onClose}
    />
  )
}
