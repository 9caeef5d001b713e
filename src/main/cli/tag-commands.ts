import type { Result } from '../../shared/errors'
import type { TagEditResult, TagInfo } from '../../shared/types'
import { UsageError, exitCodes } from './io'
import type { Command, CommandContext } from './commands'

/** Refused names and other bad input came from the command line: exit 2, not 1. */
function reportFailure(context: CommandContext, result: Result<unknown>, json: boolean): number {
  if (result.ok) return exitCodes.ok
  if (json) context.io.out(JSON.stringify({ error: result.error }))
  context.io.err(`folio: ${result.error.message}`)
  return result.error.code === 'invalid_input' ? exitCodes.usage : exitCodes.failed
}

function parseIds(texts: string[]): number[] {
  return texts.map((text) => {
    const id = Number(text)
    if (!Number.isInteger(id) || id <= 0) {
      throw new UsageError(`"${text}" is not an article id (a positive whole number).`)
    }
    return id
  })
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

export const tag: Command = {
  summary: 'Add or remove tags on articles',
  usage: 'folio tag <id>... [--add NAME]... [--remove NAME]... [--json]',
  options: {
    add: { type: 'string', multiple: true },
    remove: { type: 'string', multiple: true },
    json: { type: 'boolean' }
  },
  async run(context, { values, positionals }) {
    const add = (values.add as string[] | undefined) ?? []
    const remove = (values.remove as string[] | undefined) ?? []
    if (positionals.length === 0) throw new UsageError('tag takes one or more article ids.')
    if (add.length + remove.length === 0) {
      throw new UsageError('tag needs --add NAME or --remove NAME.')
    }
    const json = Boolean(values.json)
    const ids = parseIds(positionals)
    const result = await context.engine.call('articles.tag', { ids, add, remove })
    if (!result.ok) return reportFailure(context, result, json)
    const value = result.value
    if (json) context.io.out(JSON.stringify(value))
    else {
      context.io.out(
        `${plural(value.changed.length, 'article')} changed: ` +
          `${plural(value.added, 'tag')} added, ${value.removed} removed.`
      )
    }
    return exitCodes.ok
  }
}

/** The tree with each tag's own count and its total with everything beneath it. */
export function formatTagTree(tags: TagInfo[]): string {
  if (tags.length === 0) return 'No tags yet. Add one with: folio tag <id> --add NAME'
  const labels = tags.map((info) => `${'  '.repeat(info.depth)}${info.label}`)
  const width = Math.max(3, ...labels.map((label) => label.length))
  const lines = tags.map(
    (info, index) =>
      `${labels[index].padEnd(width)}  ${String(info.count).padStart(5)}  ${String(info.total).padStart(5)}`
  )
  return [`${'Tag'.padEnd(width)}  ${'Own'.padStart(5)}  ${'Total'.padStart(5)}`, ...lines].join(
    '\n'
  )
}

function describeEdit(value: TagEditResult, verb: string): string {
  const lines = value.tags.map((change) =>
    change.to === null ? `  ${change.from}` : `  ${change.from} → ${change.to}`
  )
  return [
    `${verb} ${plural(value.tags.length, 'tag')}; ${plural(value.articles.length, 'article')} changed.`,
    ...lines
  ].join('\n')
}

type TagsAction = (
  context: CommandContext,
  names: string[],
  keepChildren: boolean
) => Promise<Result<TagEditResult>>

const tagsActions: Record<string, { verb: string; run: TagsAction }> = {
  rename: {
    verb: 'Renamed',
    run: (context, names) => {
      if (names.length !== 2) throw new UsageError('tags rename takes OLD and NEW.')
      return context.engine.call('tags.rename', { from: names[0], to: names[1] })
    }
  },
  merge: {
    verb: 'Merged',
    run: (context, names) => {
      if (names.length < 2)
        throw new UsageError('tags merge takes one or more tags, then the tag to merge them into.')
      return context.engine.call('tags.merge', {
        from: names.slice(0, -1),
        into: names[names.length - 1]
      })
    }
  },
  delete: {
    verb: 'Deleted',
    run: (context, names, keepChildren) => {
      if (names.length !== 1) throw new UsageError('tags delete takes one tag name.')
      return context.engine.call('tags.delete', { name: names[0], withDescendants: !keepChildren })
    }
  }
}

export const tags: Command = {
  summary: 'List tags as a tree with counts; rename, merge or delete them',
  usage:
    'folio tags [--json]\n' +
    '       folio tags rename OLD NEW [--json]\n' +
    '       folio tags merge FROM... INTO [--json]\n' +
    '       folio tags delete NAME [--keep-children] [--json]\n\n' +
    'Renaming or merging a tag moves the tags beneath it too; renaming onto an existing tag\n' +
    'merges them. Deleting a tag removes it (and, unless --keep-children, the tags beneath it)\n' +
    'from every article; the articles stay. With --json, the result holds `undo` for tags.restore.',
  options: { json: { type: 'boolean' }, 'keep-children': { type: 'boolean' } },
  async run(context, { values, positionals }) {
    const json = Boolean(values.json)
    const [actionName, ...names] = positionals
    if (actionName === undefined) {
      const result = await context.engine.call('tags.list', {})
      if (!result.ok) return reportFailure(context, result, json)
      const list = result.value
      context.io.out(json ? JSON.stringify(list) : formatTagTree(list))
      return exitCodes.ok
    }
    const action = tagsActions[actionName]
    if (!action)
      throw new UsageError(`"${actionName}" is not a tags action; use rename, merge or delete.`)
    const result = await action.run(context, names, Boolean(values['keep-children']))
    if (!result.ok) return reportFailure(context, result, json)
    const value = result.value
    context.io.out(json ? JSON.stringify(value) : describeEdit(value, action.verb))
    return exitCodes.ok
  }
}
