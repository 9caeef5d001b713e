// The layering rule of DESIGN.md §1, as a local ESLint rule: each folder is a runtime, and a
// runtime may import only what exists where it runs.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const nodeBuiltins = new Set(builtinModules)

/** Which layer a file (relative to the project root, with forward slashes) belongs to. */
export function layerOf(file) {
  if (file.startsWith('src/shared/')) return 'shared'
  if (file.startsWith('src/renderer/')) return 'renderer'
  if (file.startsWith('src/preload/')) return 'preload'
  if (file.startsWith('src/main/core/')) return 'core'
  if (file.startsWith('src/main/server/')) return 'server'
  if (file.startsWith('src/main/cli/')) return 'cli'
  if (file.startsWith('src/main/electron/') || file === 'src/main/index.ts') return 'electron'
  return null
}

/** For each layer: the source layers it may import, and whether Node builtins or electron are allowed. */
const policy = {
  shared: { layers: ['shared'], node: false, electron: false },
  renderer: { layers: ['shared', 'renderer'], node: false, electron: false },
  preload: { layers: ['shared', 'preload'], node: false, electron: true },
  core: { layers: ['shared', 'core'], node: true, electron: false },
  server: { layers: ['shared', 'core', 'server'], node: true, electron: false },
  cli: { layers: ['shared', 'core', 'server', 'cli'], node: true, electron: false },
  electron: { layers: ['shared', 'core', 'server', 'electron'], node: true, electron: true }
}

/** The doors reach the engine through one module (DESIGN.md §1), never a domain's code. */
const doors = new Set(['server', 'cli', 'electron'])
const engineModule = 'src/main/core/engine'

/**
 * Inside the renderer (DESIGN.md §1 "Where things live"): `ui/` holds generic pieces and never
 * imports a feature or the app shell; a feature never imports the app shell that composes it.
 */
const rendererRoot = 'src/renderer/src/'
const rendererPolicy = { ui: ['features', 'app'], features: ['app'] }

function rendererPartOf(file) {
  if (!file.startsWith(rendererRoot)) return null
  return file.slice(rendererRoot.length).split('/')[0]
}

function rendererProblem(file, target) {
  const from = rendererPartOf(file)
  const to = rendererPartOf(target)
  if (!from || !to || !rendererPolicy[from]?.includes(to)) return null
  return `renderer ${from}/ code may not import ${to}/ code`
}

function isNodeBuiltin(source) {
  return source.startsWith('node:') || nodeBuiltins.has(source.split('/')[0])
}

function checkImport(context, node, source, root) {
  if (typeof source !== 'string') return
  const file = relative(root, context.filename).split(sep).join('/')
  const layer = layerOf(file)
  if (!layer) return
  const allowed = policy[layer]
  let problem = null
  if (source === 'electron' || source.startsWith('electron/')) {
    if (!allowed.electron)
      problem = `src/${file.split('/').slice(1, 3).join('/')} runs without Electron`
  } else if (isNodeBuiltin(source)) {
    if (!allowed.node) problem = `${layer} code does not run in Node, so it cannot use "${source}"`
  } else if (source.startsWith('.')) {
    const target = relative(root, resolve(dirname(context.filename), source))
      .split(sep)
      .join('/')
    const targetLayer = layerOf(
      target.endsWith('.ts') || target.endsWith('.tsx') ? target : `${target}.ts`
    )
    if (targetLayer && !allowed.layers.includes(targetLayer)) {
      problem = `${layer} code may not import ${targetLayer} code`
    } else if (
      doors.has(layer) &&
      targetLayer === 'core' &&
      target.replace(/\.ts$/, '') !== engineModule
    ) {
      problem = `${layer} is a door: it reaches the core only through ${engineModule}.ts`
    } else if (layer === 'renderer') {
      problem = rendererProblem(file, target)
    }
  }
  if (problem) {
    context.report({ node, messageId: 'layering', data: { source, problem } })
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the runtime layering of DESIGN.md §1' },
    messages: {
      layering: 'Import of "{{source}}" breaks the layering: {{problem}} (DESIGN.md §1).'
    },
    schema: []
  },
  create(context) {
    const root = context.cwd
    const check = (node) => checkImport(context, node, node.source?.value, root)
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: (node) => checkImport(context, node, node.source?.value, root),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          checkImport(context, node, node.arguments[0]?.value, root)
        }
      }
    }
  }
}

/** @type {import('eslint').ESLint.Plugin} */
export const layeringPlugin = { rules: { layering: rule } }
