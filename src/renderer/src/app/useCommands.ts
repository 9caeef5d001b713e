import { useEffect, useRef } from 'react'
import { api } from '../api'
import type { Target } from '../features/library/articleActions'
import { useKeyboard } from '../ui/useKeyboard'
import type { KeyMap } from '../ui/useKeyboard'
import { commandForMenu, commandIds, commands } from './commands'
import type { ArticleCommandId, Command, CommandContext, CommandId } from './commands'
import type { Workspace } from './useWorkspace'

export interface CommandRunner {
  /** Runs a command as its key does; an article command acts on `Workspace.targets()`. */
  run(id: CommandId): void | false
  /** Runs an article command on the given articles (a toolbar's article, the selection). */
  runOn(id: ArticleCommandId, targets: Target[]): void
}

/** The reader keeps the arrow keys: they scroll the article there. */
const readerScrollKeys = new Set(['ArrowDown', 'ArrowUp'])

/**
 * The command table wired to the window: its keys, and `menu.command` events from the desktop
 * app's menu, both run the table's commands.
 */
export function useCommands(workspace: Workspace): CommandRunner {
  const context = commandContext(workspace)
  const runner: CommandRunner = {
    run: (id) => {
      const command: Command = commands[id]
      if (command.where !== 'articles') return command.run(context)
      void workspace.targets().then((targets) => {
        if (targets.length > 0) command.run(context, targets)
      })
    },
    runOn: (id, targets) => {
      if (targets.length > 0) commands[id].run(context, targets)
    }
  }
  useKeyboard(keyMap(runner.run, workspace.reading.mode))
  useMenuCommands(runner.run)
  return runner
}

function commandContext(workspace: Workspace): CommandContext {
  const { browsing, reading, actions, settle } = workspace
  const change =
    (action: (targets: Target[]) => Promise<void>) =>
    (targets: Target[]): void =>
      void action(targets).then(() => settle(targets))
  return {
    step: workspace.step,
    openCursor: () => reading.open(browsing.cursorIndex),
    backToList: reading.backToList,
    focusSearch: () => workspace.searchRef.current?.focus(),
    hasSelection: browsing.selection.selected.size > 0,
    clearSelection: browsing.selection.clear,
    toggleCursorSelection: () => browsing.selection.toggle(browsing.cursorIndex),
    selectAll: workspace.selectAll,
    undoLatest: workspace.undo.undoLatest,
    openDialog: workspace.setDialog,
    archive: change((targets) => actions.archive(targets)),
    toggleFavorite: change((targets) => actions.toggleFavorite(targets)),
    toggleRead: change((targets) => actions.toggleRead(targets)),
    remove: workspace.remove,
    highlightSelection: () =>
      reading.mode === 'reader' && (workspace.highlighter.current?.highlightSelection() ?? false),
    jumpHighlight: (delta) =>
      reading.mode === 'reader' && (workspace.highlighter.current?.jump(delta) ?? false)
  }
}

/** Each key of the table; a key bound twice tries its commands in table order. */
function keyMap(run: CommandRunner['run'], mode: 'list' | 'reader'): KeyMap {
  const map: KeyMap = {}
  for (const id of commandIds) {
    for (const key of commands[id].keys) {
      const earlier = map[key]
      map[key] = (event) => {
        if (mode === 'reader' && readerScrollKeys.has(key)) return false
        if (earlier && earlier(event) !== false) return
        return run(id)
      }
    }
  }
  return map
}

/** The desktop app's menu items arrive as `menu.command` events and run their command. */
function useMenuCommands(run: CommandRunner['run']): void {
  const current = useRef(run)
  useEffect(() => {
    current.current = run
  })
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'menu.command') return
        const id = commandForMenu(event.command)
        if (id) current.current(id)
      }),
    []
  )
}
