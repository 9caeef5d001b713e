import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runFolio } from '../helpers/cli'
import { corpusPage } from '../helpers/corpus'
import { useTempDirs } from '../helpers/temp'

describe('folio highlight, folio highlights and folio note', () => {
  const tempDir = useTempDirs()

  /** A library holding one real corpus page, saved with `folio save` from a file. */
  async function libraryWithArticle(): Promise<{ dir: string; text: string }> {
    const dir = tempDir()
    const page = join(tempDir(), 'whales.html')
    writeFileSync(page, corpusPage('readability-testpages/pages/guardian-1/source.html.gz'))
    const saved = await runFolio(['--library', dir, 'save', page, '--tag', 'nature'])
    expect(saved.code).toBe(0)
    const shown = await runFolio(['--library', dir, 'show', '1', '--json'])
    return { dir, text: (JSON.parse(shown.stdout) as { text: string }).text }
  }

  it('highlights quotes, notes the article and exports Markdown for notes apps', async () => {
    const { dir, text } = await libraryWithArticle()
    const quote = text.slice(text.indexOf('Seven decades'), text.indexOf('Seven decades') + 47)
    const placed = await runFolio([
      '--library',
      dir,
      'highlight',
      '1',
      '--quote',
      quote,
      '--note',
      'Fifty years of *strandings*.',
      '--color',
      'green'
    ])
    expect(placed.code).toBe(0)
    expect(placed.stdout).toMatch(/^Highlight 1 at \d+–\d+/)
    const lost = await runFolio(['--library', dir, 'highlight', '1', '--quote', 'Not in it.'])
    expect(lost.code).toBe(0)
    expect(lost.stdout).toContain('could not be placed')
    const noted = await runFolio(['--library', dir, 'note', '1', 'Read for the **Māori** view.'])
    expect(noted.stdout).toBe('Noted article 1.\n')

    const markdown = await runFolio(['--library', dir, 'highlights', '1', '--format', 'markdown'])
    expect(markdown.code).toBe(0)
    const lines = markdown.stdout.split('\n')
    expect(lines[0]).toMatch(/^## 'What is the sea telling us\?'/)
    expect(lines[2]).toMatch(/^- Link: <file:\/\/.*whales.html>$/)
    expect(markdown.stdout).toContain('- Author: Eleanor Ainge Roy')
    expect(markdown.stdout).toContain('- Published: 2019-01-03')
    expect(markdown.stdout).toContain('### Note\n\nRead for the **Māori** view.')
    expect(markdown.stdout).toContain(`> ${quote}\n\nFifty years of *strandings*.`)
    expect(markdown.stdout).toContain('> Not in it.\n\n_(Could not be placed')

    const json = await runFolio(['--library', dir, 'highlights', '--tag', 'nature', '--json'])
    const page = JSON.parse(json.stdout) as { total: number; items: { color: string }[] }
    expect(page.total).toBe(2)
    const listed = await runFolio(['--library', dir, 'highlights', '--color', 'green'])
    expect(listed.stdout).toContain('green')
    expect(listed.stdout).not.toContain('Not in it')
    const found = await runFolio(['--library', dir, 'search', 'strandings in:highlights', '--json'])
    expect(JSON.parse(found.stdout).map((item: { id: number }) => item.id)).toEqual([1])
  })

  it('exits 2 for a wrong command line and 1 for an unknown article', async () => {
    const { dir } = await libraryWithArticle()
    for (const args of [
      ['highlight', '1'],
      ['highlight', '1', '--quote', 'x', '--color', 'red'],
      ['highlight', '1', '--quote', '   '],
      ['highlights', '--format', 'pdf'],
      ['note', '1']
    ]) {
      const run = await runFolio(['--library', dir, ...args])
      expect({ args, code: run.code }).toEqual({ args, code: 2 })
      expect(run.stderr).toMatch(/^folio: /)
    }
    const missing = await runFolio(['--library', dir, 'note', '99', 'text'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no article with id 99')
  })
})
