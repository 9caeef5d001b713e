import { Dialog } from '../ui/Dialog'

export const shortcuts: [keys: string, action: string][] = [
  ['j / ↓', 'Next article'],
  ['k / ↑', 'Previous article'],
  ['Enter / o', 'Open the article'],
  ['u / Esc', 'Back to the list'],
  ['/', 'Search'],
  ['a', 'Archive (or unarchive)'],
  ['f', 'Favorite'],
  ['m', 'Mark read / unread'],
  ['t', 'Tag'],
  ['e', 'Edit title'],
  ['Shift+D', 'Delete'],
  ['x', 'Select the article'],
  ['Ctrl+A', 'Select every article in the view'],
  ['Ctrl+Z', 'Undo the last change'],
  ['n', 'Add articles'],
  ['?', 'This list']
]

export function ShortcutsDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <Dialog label="Keyboard shortcuts" wide onClose={onClose}>
      <div className="prompt">
        <h2>Keyboard shortcuts</h2>
        <dl className="shortcut-list">
          {shortcuts.map(([keys, action]) => (
            <div key={keys} className="shortcut">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <div className="prompt-actions">
          <button type="button" className="primary-button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}
