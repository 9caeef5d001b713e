import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import config, { layeringConfig } from '../../eslint.config.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The layering rule exactly as `npm run lint` applies it, on code placed in a given folder. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      layeringConfig
    ]
  })
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

describe('the layering lint rule (DESIGN.md §1)', () => {
  it('is part of the project’s lint configuration', () => {
    expect(config).toContain(layeringConfig)
  })

  it('fails when src/main/core imports electron', async () => {
    const messages = await lint(
      'src/main/core/window.ts',
      "import { app } from 'electron'\nexport const a = app"
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('folio/layering')
  })

  it('fails when src/renderer imports node:fs or fs', async () => {
    expect(
      await lint(
        'src/renderer/src/x.ts',
        "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"
      )
    ).toHaveLength(1)
    expect(
      await lint('src/renderer/src/x.ts', "import fs from 'fs'\nexport const a = fs")
    ).toHaveLength(1)
  })

  it('fails when the renderer reaches into main, or core into the server or CLI', async () => {
    expect(
      await lint(
        'src/renderer/src/x.ts',
        "import { openLibrary } from '../../main/core/library'\nexport const a = openLibrary"
      )
    ).toHaveLength(1)
    expect(
      await lint(
        'src/main/core/x.ts',
        "import { startServer } from '../server/server'\nexport const a = startServer"
      )
    ).toHaveLength(1)
    expect(
      await lint(
        'src/main/core/x.ts',
        "import { runCli } from '../cli/cli'\nexport const a = runCli"
      )
    ).toHaveLength(1)
  })

  it('fails when a door reaches past the engine into a domain', async () => {
    for (const door of ['src/main/server/x.ts', 'src/main/cli/x.ts', 'src/main/electron/x.ts']) {
      const messages = await lint(
        door,
        "import { getArticle } from '../core/articles/queries'\nexport const a = getArticle"
      )
      expect(messages).toHaveLength(1)
      expect(messages[0]).toContain('reaches the core only through src/main/core/engine.ts')
    }
    expect(
      await lint(
        'src/main/cli/x.ts',
        "import type { Engine } from '../core/engine'\nexport type A = Engine"
      )
    ).toEqual([])
  })

  it('fails when the renderer’s ui/ imports a feature or the app shell', async () => {
    const messages = await lint(
      'src/renderer/src/ui/Widget.tsx',
      "import { useTags } from '../features/tags/useTags'\nexport const a = useTags"
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('renderer ui/ code may not import features/ code')
    expect(
      await lint(
        'src/renderer/src/ui/Widget.tsx',
        "import { App } from '../app/App'\nexport const a = App"
      )
    ).toHaveLength(1)
  })

  it('fails when a renderer feature imports the app shell', async () => {
    expect(
      await lint(
        'src/renderer/src/features/library/x.ts',
        "import { commands } from '../../app/commands'\nexport const a = commands"
      )
    ).toHaveLength(1)
  })

  it('fails when shared code imports Node', async () => {
    expect(
      await lint('src/shared/x.ts', "import { join } from 'node:path'\nexport const a = join")
    ).toHaveLength(1)
  })

  it('allows the imports the design allows', async () => {
    expect(
      await lint(
        'src/main/core/x.ts',
        "import { join } from 'node:path'\nimport { ok } from '../../shared/errors'\nexport const a = [join, ok]"
      )
    ).toEqual([])
    expect(
      await lint(
        'src/main/electron/x.ts',
        "import { app } from 'electron'\nimport { openEngine } from '../core/engine'\nexport const a = [app, openEngine]"
      )
    ).toEqual([])
    expect(
      await lint(
        'src/renderer/src/x.ts',
        "import { ok } from '../../shared/errors'\nexport const a = ok"
      )
    ).toEqual([])
    expect(
      await lint(
        'src/renderer/src/features/tags/x.ts',
        "import { api } from '../../api'\nimport { Dialog } from '../../ui/Dialog'\nimport { views } from '../library/views'\nexport const a = [api, Dialog, views]"
      )
    ).toEqual([])
    expect(
      await lint(
        'src/renderer/src/app/x.ts',
        "import { useTags } from '../features/tags/useTags'\nimport { Dialog } from '../ui/Dialog'\nexport const a = [useTags, Dialog]"
      )
    ).toEqual([])
  })
})
