import { FolioError } from '../../shared/errors'
import type { Command, ParsedArgs } from './commands'
import { UsageError, exitCodes } from './io'
import type { CliIo } from './io'

function mainHelp(commands: Record<string, Command>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  return [
    'Folio: your offline library of web articles.',
    '',
    'Usage: folio [--library DIR] <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(
      ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`
    ),
    '',
    'Options:',
    "  --library DIR  the library folder (default: $FOLIO_LIBRARY, else the app's user-data folder)",
    '  -h, --help     help for folio or for a command (folio <command> --help)',
    '',
    'Exit codes: 0 success, 1 an operation failed, 2 the command line was wrong.'
  ].join('\n')
}

/** Splits `--library DIR` (accepted anywhere) from the rest of the arguments. */
function takeLibraryFlag(argv: string[]): { library: string | undefined; rest: string[] } {
  const rest: string[] = []
  let library: string | undefined
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]
    if (arg === '--library') {
      library = argv[index + 1]
      if (library === undefined || library.startsWith('-'))
        throw new UsageError('--library needs a folder.')
      index += 1
    } else if (arg.startsWith('--library=')) {
      library = arg.slice('--library='.length)
    } else {
      rest.push(arg)
    }
  }
  return { library, rest }
}

/**
 * A command reports within about a minute of its last try: temporary failures are tried again
 * after 1, 4 and 15 s (4 tries in all), where the app and `folio serve` wait 2, 8 and 32 s.
 */
const commandRetries = { retryBaseMs: 1000, maxRetryDelayMs: 15_000 }

/** Opens the library and the engine, and runs one command on them. */
async function runCommand(
  command: Command,
  args: ParsedArgs,
  library: string | undefined,
  io: CliIo,
  env: NodeJS.ProcessEnv
): Promise<number> {
  // Loaded here, not at the top: `folio --help` and usage errors need neither SQLite nor the
  // engine. What extracts pages loads later still, at the first capture (capture/service.ts).
  const { lookupFromEnvironment, openEngine, resolveLibraryDir } = await import('../core/engine')
  const libraryDir = resolveLibraryDir(library, env)
  const engine = openEngine(libraryDir, {
    log: (message) => io.err(message),
    capture: { lookup: lookupFromEnvironment(env) },
    queue: command.keepsRunning ? {} : commandRetries
  })
  try {
    return await command.run({ engine, io, libraryDir }, args)
  } finally {
    await engine.close()
  }
}

export async function runCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  try {
    const { library, rest } = takeLibraryFlag(argv)
    const [name, ...commandArgs] = rest
    const { commands, parseCommandArgs } = await import('./commands')
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(mainHelp(commands))
      return name === undefined ? exitCodes.usage : exitCodes.ok
    }
    const command = commands[name]
    if (!command) throw new UsageError(`"${name}" is not a folio command. See folio --help.`)
    const args = parseCommandArgs(command, commandArgs)
    if (args.values.help) {
      io.out(`${command.summary}.\n\nUsage: ${command.usage}`)
      return exitCodes.ok
    }
    return await runCommand(command, args, library, io, env)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`folio: ${error.message}`)
      return exitCodes.usage
    }
    if (error instanceof FolioError) {
      io.err(`folio: ${error.message}`)
      return exitCodes.failed
    }
    io.err(`folio: unexpected error: ${(error as Error).stack ?? String(error)}`)
    return exitCodes.failed
  }
}
