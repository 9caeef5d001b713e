// Bundles the `folio` CLI into out/cli/lib, which bin/folio.js runs instead of the TypeScript
// sources: tsx compiles ~180 modules on every start (~1 s), the bundle loads a few files.
//
// - ESM with code splitting: what is imported lazily (the engine, the capture pipeline)
//   stays in its own chunks: `folio --help` never reads the engine, `folio list` the pipeline.
// - Packages stay external (better-sqlite3 is native; the patched linkedom must be the one in
//   node_modules) and load from node_modules as they do under tsx, all but zod: every command
//   validates with it, and one chunk loads in ~20 ms where its 95 files took ~55 ms.
// - The extraction worker is a second entry, `extract-worker.js`, beside the chunk holding the
//   pool, which is where pool.ts looks for it.
// - Three folders deep, like src/main/cli: `folio serve` finds the interface at
//   `../../../out/renderer` from its own module (defaultRendererDir in commands.ts).
// - sources.json lists every file the bundle was built from with its mtime and size;
//   bin/folio.js runs the bundle only while every one of them is unchanged.
import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const cliBuildDir = join(root, 'out', 'cli', 'lib')
const manifestFile = join(cliBuildDir, 'sources.json')
const bundledPackages = ['zod']

function externalPackages() {
  const { dependencies, devDependencies } = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8')
  )
  return Object.keys({ ...dependencies, ...devDependencies }).filter(
    (name) => !bundledPackages.includes(name)
  )
}

/** [path relative to the repository, mtimeMs, size], or null for a file that is gone. */
function fingerprint(path) {
  const stat = statSync(join(root, path), { throwIfNoEntry: false })
  return stat ? [path, stat.mtimeMs, stat.size] : null
}

export async function buildCli() {
  const startedAt = Date.now()
  rmSync(cliBuildDir, { recursive: true, force: true })
  mkdirSync(cliBuildDir, { recursive: true })
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      folio: 'src/main/cli/index.ts',
      'extract-worker': 'src/main/core/capture/extract/worker.ts'
    },
    outdir: cliBuildDir,
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: externalPackages(),
    metafile: true,
    logLevel: 'warning'
  })
  // Our sources and the bundled packages' files: an upgraded zod makes the build stale too.
  const sources = Object.keys(result.metafile.inputs).sort().map(fingerprint)
  // A file saved while esbuild read the sources may be in the bundle in its older form: leave no
  // manifest, so the CLI runs from the sources until the next build.
  const changed = sources.find((entry) => entry === null || entry[1] > startedAt)
  if (changed !== undefined) {
    throw new Error(`${changed?.[0] ?? 'a source file'} changed during the build; build again.`)
  }
  writeFileSync(manifestFile, JSON.stringify({ builtAt: startedAt, sources }))
  return { dir: cliBuildDir, sources: sources.length }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildCli()
  console.log(`folio CLI: ${built.dir} (from ${built.sources} source files)`)
}
