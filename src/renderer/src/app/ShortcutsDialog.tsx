import { Dialog } from '../ui/Dialog'
import { commandIds, commands, keyLabel } from './commands'
import type { Where } from './commands'

const sections: { where: Where; title: string }[] = [
  { where: 'list', title: 'In the list' },
  { where: 'articles', title: 'On the selection, else the open article, else the cursor’s' },
  { where: 'window', title: 'Anywhere' }
]

/** The `?` list: every command of the table with its keys, grouped by where it acts. */
export function ShortcutsDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <Dialog label="Keyboard shortcuts" wide onClose={onClose}>
      <div className="prompt">
        <h2>Keyboard shortcuts</h2>
        {sections.map(({ where, title }) => (
          <section key={where} className="shortcut-section">
            <h3 className="shortcut-heading">{title}</h3>
            <dl className="shortcut-list">
              {commandIds
                .filter((id) => commands[id].where === where)
                .map((id) => (
                  <div key={id} className="shortcut" data-command={id}>
                    <dt>
                      {commands[id].keys.map((key, index) => (
                        <span key={key}>
                          {index > 0 && ' / '}
                          <kbd>{keyLabel(key)}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{commands[id].label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <div className="prompt-actions">
          <button type="button" className="primary-button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}
