import type { MenuCommand } from '../../../shared/events'
import type { Target } from '../features/library/articleActions'
import type { OpenDialog } from './dialogs'

/**
 * Where a command acts, which is also how the `?` list groups them:
 * - `window`: anywhere in the window;
 * - `list`: on the list's cursor and selection;
 * - `articles`: on the selection, else the open article in the reader, else the cursor's article.
 */
export type Where = 'window' | 'list' | 'articles'

/** What commands can do to the window; `useCommandContext` builds it from the app's state. */
export interface CommandContext {
  step(delta: number): void
  openCursor(): void
  backToList(): void
  focusSearch(): void
  hasSelection: boolean
  clearSelection(): void
  toggleCursorSelection(): void
  selectAll(): void
  undoLatest(): void
  openDialog(dialog: OpenDialog): void
  archive(targets: Target[]): void
  toggleFavorite(targets: Target[]): void
  toggleRead(targets: Target[]): void
  remove(targets: Target[]): void
  /** Highlights the reader's selection; false when nothing is selected there. */
  highlightSelection(): boolean
  /** Scrolls to the open article's next (1) or previous (-1) highlight; false when none. */
  jumpHighlight(delta: number): boolean
}

interface CommandBase {
  label: string
  /**
   * Chords as `KeyboardEvent.key`, `Shift+` before a capital letter and `Ctrl+` before a lower-case
   * one (`Shift+D`, `Ctrl+a`; ⌘ counts as Ctrl). The first is the one buttons mention.
   */
  keys: string[]
  /** The desktop app's menu item that runs this command (src/main/electron/menu.ts). */
  menu?: MenuCommand
}

export interface WindowCommand extends CommandBase {
  where: 'window' | 'list'
  /** Returning false leaves the key to the next command bound to it, then to the browser. */
  run(app: CommandContext): void | false
}

export interface ArticleCommand extends CommandBase {
  where: 'articles'
  /** Runs on at least one article. */
  run(app: CommandContext, targets: Target[]): void
}

export type Command = WindowCommand | ArticleCommand

const windowCommand = (command: Omit<WindowCommand, 'where'>): WindowCommand => ({
  ...command,
  where: 'window'
})
const listCommand = (command: Omit<WindowCommand, 'where'>): WindowCommand => ({
  ...command,
  where: 'list'
})
const articleCommand = (command: Omit<ArticleCommand, 'where'>): ArticleCommand => ({
  ...command,
  where: 'articles'
})

/**
 * Every command of the window, in the order the `?` list shows them. Keys, toolbar titles, the
 * desktop menu and the shortcuts list all read this table: a shortcut is written here only.
 */
export const commands = {
  next: listCommand({ label: 'Next article', keys: ['j', 'ArrowDown'], run: (app) => app.step(1) }),
  previous: listCommand({
    label: 'Previous article',
    keys: ['k', 'ArrowUp'],
    run: (app) => app.step(-1)
  }),
  open: listCommand({
    label: 'Open the article',
    keys: ['Enter', 'o'],
    run: (app) => app.openCursor()
  }),
  select: listCommand({
    label: 'Select the article',
    keys: ['x'],
    run: (app) => app.toggleCursorSelection()
  }),
  selectAll: listCommand({
    label: 'Select every article in the view',
    keys: ['Ctrl+a'],
    run: (app) => app.selectAll()
  }),
  // Before `back`, which shares Escape: a selection is cleared first.
  clearSelection: listCommand({
    label: 'Clear the selection',
    keys: ['Escape'],
    run: (app) => (app.hasSelection ? app.clearSelection() : false)
  }),
  back: windowCommand({
    label: 'Back to the list',
    keys: ['u', 'Escape'],
    run: (app) => app.backToList()
  }),
  search: windowCommand({
    label: 'Search',
    keys: ['/'],
    menu: 'search',
    run: (app) => app.focusSearch()
  }),
  add: windowCommand({
    label: 'Add articles',
    keys: ['n'],
    menu: 'add',
    run: (app) => app.openDialog({ kind: 'add', text: '' })
  }),
  undo: windowCommand({
    label: 'Undo the last change',
    keys: ['Ctrl+z'],
    run: (app) => app.undoLatest()
  }),
  shortcuts: windowCommand({
    label: 'Keyboard shortcuts',
    keys: ['?'],
    menu: 'shortcuts',
    run: (app) => app.openDialog({ kind: 'shortcuts' })
  }),
  highlight: windowCommand({
    label: 'Highlight the selected text',
    keys: ['h'],
    run: (app) => (app.highlightSelection() ? undefined : false)
  }),
  nextHighlight: windowCommand({
    label: 'Next highlight',
    keys: [']'],
    run: (app) => (app.jumpHighlight(1) ? undefined : false)
  }),
  previousHighlight: windowCommand({
    label: 'Previous highlight',
    keys: ['['],
    run: (app) => (app.jumpHighlight(-1) ? undefined : false)
  }),
  archive: articleCommand({
    label: 'Archive or unarchive',
    keys: ['a'],
    run: (app, targets) => app.archive(targets)
  }),
  favorite: articleCommand({
    label: 'Favorite',
    keys: ['f'],
    run: (app, targets) => app.toggleFavorite(targets)
  }),
  toggleRead: articleCommand({
    label: 'Mark read or unread',
    keys: ['m'],
    run: (app, targets) => app.toggleRead(targets)
  }),
  tag: articleCommand({
    label: 'Tag',
    keys: ['t'],
    run: (app, targets) => app.openDialog({ kind: 'tag', targets })
  }),
  editTitle: articleCommand({
    label: 'Edit title',
    keys: ['e'],
    run: (app, [target]) => app.openDialog({ kind: 'title', target })
  }),
  delete: articleCommand({
    label: 'Delete',
    keys: ['Shift+D'],
    run: (app, targets) => app.remove(targets)
  })
} satisfies Record<string, Command>

export type CommandId = keyof typeof commands
export type ArticleCommandId = {
  [Id in CommandId]: (typeof commands)[Id] extends ArticleCommand ? Id : never
}[CommandId]

export const commandIds = Object.keys(commands) as CommandId[]

/** The command a desktop menu item runs; every menu command has exactly one. */
export function commandForMenu(menu: MenuCommand): CommandId | undefined {
  return commandIds.find((id) => commands[id].menu === menu)
}

const keyNames: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc'
}

/** A chord as people read it: `Ctrl+a` → `Ctrl+A`, `ArrowDown` → `↓`. */
export function keyLabel(chord: string): string {
  if (chord.startsWith('Ctrl+')) return `Ctrl+${chord.slice(5).toUpperCase()}`
  return keyNames[chord] ?? chord
}

/** The key a hint names for a command: its first. */
export function keyOfCommand(id: string): string {
  return id in commands ? keyLabel(commands[id as CommandId].keys[0]) : `{${id}}`
}

/** A button's tooltip: its command and the key that does the same (`Archive (a)`). */
export function commandTitle(id: CommandId, label: string = commands[id].label): string {
  return `${label} (${keyLabel(commands[id].keys[0])})`
}
