#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/, once per Electron version,
// so `npm start` can open the library while node_modules keeps the Node build that the CLI,
// the server and the tests load. Runs before `npm start` and `npm run dev`.
//
// Why not @electron/rebuild: it rebuilds node_modules in place, which would break the Node build
// (DESIGN.md §2, "better-sqlite3 and two runtimes"). This script copies the package aside first.
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`, { paths: [root] }))
}

const electronVersion = JSON.parse(readFileSync(join(packageDir('electron'), 'package.json'), 'utf8')).version
const { platform, arch } = process
const targetDir = join(root, '.electron-native', `${electronVersion}-${platform}-${arch}`)
const target = join(targetDir, 'better_sqlite3.node')

if (existsSync(target)) process.exit(0)

console.log(`Folio: building the database driver for Electron ${electronVersion} (first start only)…`)
const workDir = join(root, '.electron-native', 'build', 'better-sqlite3')
rmSync(workDir, { recursive: true, force: true })
cpSync(packageDir('better-sqlite3'), workDir, {
  recursive: true,
  filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`)
})

function run(command, args) {
  execFileSync(command, args, { cwd: workDir, stdio: 'inherit' })
}

const electronArgs = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${arch}`]
try {
  // A prebuilt binary from better-sqlite3's releases: seconds instead of a compile.
  const prebuildInstall = join(packageDir('prebuild-install'), 'bin.js')
  run(process.execPath, [prebuildInstall, ...electronArgs])
} catch {
  console.log('Folio: no prebuilt driver for this Electron; compiling it (needs a C++ toolchain)…')
  const nodeGyp =
    process.env.npm_config_node_gyp ??
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  try {
    run(process.execPath, [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers'
    ])
  } catch {
    console.error(
      `Folio could not build better-sqlite3 for Electron ${electronVersion}. It needs either a ` +
        'network connection to download a prebuilt driver or a C++ toolchain (python3, make, g++ or ' +
        'Visual Studio Build Tools) and Electron\'s headers. The CLI and `folio serve` work without it.'
    )
    process.exit(1)
  }
}

mkdirSync(targetDir, { recursive: true })
copyFileSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'), target)
rmSync(join(root, '.electron-native', 'build'), { recursive: true, force: true })
console.log(`Folio: database driver ready in ${target}`)
