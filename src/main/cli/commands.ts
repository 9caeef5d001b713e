import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { fileURLToPath } from 'node:url'
import type { OperationInput, OperationName, OperationOutput } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { Engine } from '../core/engine'
import { jobs, reextract, save } from './capture-commands'
import { highlightCommands } from './highlight-commands'
import { importCommand } from './import-command'
import { backup, check, exportCommand } from './library-commands'
import { reindex, search } from './search-commands'
import { tag, tags } from './tag-commands'
import { formatArticleRows, formatArticleText, formatStats } from './format'
import { UsageError, exitCodes } from './io'
import type { CliIo } from './io'

export interface CommandContext {
  engine: Engine
  io: CliIo
  libraryDir: string
}

export interface Command {
  summary: string
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  /** A command that serves until stopped keeps the app's slower retry schedule. */
  keepsRunning?: boolean
  run(context: CommandContext, args: ParsedArgs): Promise<number>
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

const jsonOption = { json: { type: 'boolean' } } as const

function call<K extends OperationName>(
  context: CommandContext,
  name: K,
  input: OperationInput<K>
): Promise<Result<OperationOutput<K>>> {
  return context.engine.call(name, input)
}

function reportFailure(context: CommandContext, result: Result<unknown>, json: boolean): number {
  if (result.ok) return exitCodes.ok
  if (json) context.io.out(JSON.stringify({ error: result.error }))
  context.io.err(`folio: ${result.error.message}`)
  return exitCodes.failed
}

function parseId(text: string): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id <= 0)
    throw new UsageError(`"${text}" is not an article id (a positive whole number).`)
  return id
}

function parseLimit(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const limit = Number(text)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError(`--limit takes a whole number from 1 to 1000, not "${text}".`)
  }
  return limit
}

const stats: Command = {
  summary: 'Count the articles, tags and images in the library',
  usage: 'folio stats [--json]',
  options: jsonOption,
  async run(context, { values }) {
    const result = await call(context, 'library.stats', {})
    if (!result.ok) return reportFailure(context, result, Boolean(values.json))
    const value = result.value
    context.io.out(values.json ? JSON.stringify(value) : formatStats(value, context.libraryDir))
    return exitCodes.ok
  }
}

const list: Command = {
  summary: 'List saved articles, newest first',
  usage: 'folio list [--json] [--limit N] [--state unread|read|archived] [--tag NAME]',
  options: {
    ...jsonOption,
    limit: { type: 'string' },
    state: { type: 'string' },
    // A parent tag lists everything beneath it too.
    tag: { type: 'string' }
  },
  async run(context, { values }) {
    const state = values.state as string | undefined
    if (state !== undefined && !['unread', 'read', 'archived'].includes(state)) {
      throw new UsageError(`--state takes unread, read or archived, not "${state}".`)
    }
    const result = await call(context, 'articles.list', {
      limit: parseLimit(values.limit as string | undefined, 50),
      state: state as 'unread' | 'read' | 'archived' | undefined,
      tag: values.tag as string | undefined
    })
    if (!result.ok) return reportFailure(context, result, Boolean(values.json))
    const page = result.value
    context.io.out(
      values.json ? JSON.stringify(page.items) : formatArticleRows(page.items, page.total)
    )
    return exitCodes.ok
  }
}

const show: Command = {
  summary: 'Show one article as text, reader HTML or JSON',
  usage: 'folio show <id> [--format text|html|json]',
  options: { format: { type: 'string', default: 'text' }, ...jsonOption },
  async run(context, { values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('show takes exactly one article id.')
    const format = values.json ? 'json' : (values.format as string)
    if (!['text', 'html', 'json'].includes(format)) {
      throw new UsageError(`--format takes text, html or json, not "${format}".`)
    }
    const content = format === 'json' ? 'all' : format === 'html' ? 'html' : 'text'
    const result = await call(context, 'articles.get', { id: parseId(positionals[0]), content })
    if (!result.ok) return reportFailure(context, result, format === 'json')
    const article = result.value
    if (format === 'json') context.io.out(JSON.stringify(article))
    else if (format === 'html') context.io.out(article.contentHtml ?? '')
    else context.io.out(formatArticleText(article))
    return exitCodes.ok
  }
}

const remove: Command = {
  summary: 'Delete articles with their images and tags',
  usage: 'folio delete <id>... [--json]',
  options: jsonOption,
  async run(context, { values, positionals }) {
    if (positionals.length === 0) throw new UsageError('delete takes one or more article ids.')
    const result = await call(context, 'articles.delete', { ids: positionals.map(parseId) })
    if (!result.ok) return reportFailure(context, result, Boolean(values.json))
    const { deleted, notFound } = result.value
    if (values.json) context.io.out(JSON.stringify({ deleted, notFound }))
    else if (deleted.length > 0) {
      context.io.out(
        `Deleted ${deleted.length} article${deleted.length === 1 ? '' : 's'}: ${deleted.join(', ')}`
      )
    }
    if (notFound.length > 0) {
      context.io.err(`folio: no article with id ${notFound.join(', ')} in this library.`)
      return exitCodes.failed
    }
    return exitCodes.ok
  }
}

/** The renderer that `npm run build` produces, relative to this source file and to its bundle. */
export function defaultRendererDir(): string {
  return fileURLToPath(new URL('../../../out/renderer', import.meta.url))
}

const serve: Command = {
  summary: 'Serve the library and its web interface on 127.0.0.1',
  usage: 'folio serve [--port N] [--json]',
  keepsRunning: true,
  // 8765, the port the extension, the bookmarklet and the app's Browser Capture assume
  // (defaultBrowserCapturePort); --port 0 picks any free one.
  options: { port: { type: 'string', default: '8765' }, ...jsonOption },
  async run(context, { values }) {
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(
        `--port takes a port number from 0 to 65535, not "${String(values.port)}".`
      )
    }
    // The server (and zod's schemas it validates with) loads only for this command.
    const [{ startServer }, { bookmarkletFor }] = await Promise.all([
      import('../server/server'),
      import('../server/capture-page')
    ])
    const token = context.engine.serverToken()
    const server = await startServer({
      engine: context.engine,
      token,
      port,
      rendererDir: defaultRendererDir()
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error
      return null
    })
    if (!server) {
      context.io.err(
        `folio: port ${port} on 127.0.0.1 is already in use (another folio serve, or the app's ` +
          'Browser Capture?). Stop that one, or choose another port with --port N and enter it ' +
          "in the extension's options too."
      )
      return exitCodes.failed
    }
    context.engine.start()
    if (values.json) {
      context.io.out(
        JSON.stringify({
          url: server.url,
          port: server.port,
          token,
          bookmarklet: bookmarkletFor(server.port, token),
          library: context.libraryDir
        })
      )
    } else {
      context.io.out(
        [
          `Folio is serving the library in ${context.libraryDir}`,
          `Open ${server.url}`,
          `Token (for the browser extension): ${token}`,
          'Bookmarklet (drag to the bookmarks bar, or add a bookmark with this as its address):',
          bookmarkletFor(server.port, token),
          'Press Ctrl+C to stop.'
        ].join('\n')
      )
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await server.close()
    return exitCodes.ok
  }
}

export const commands: Record<string, Command> = {
  save,
  search,
  list,
  show,
  delete: remove,
  reextract,
  reindex,
  jobs,
  stats,
  tag,
  tags,
  ...highlightCommands,
  import: importCommand,
  export: exportCommand,
  backup,
  check,
  serve
}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true
    })
    return { values, positionals }
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
