/**
 * Drawing 500 highlights into a long article in Chromium (issue 14: target ≤ 100 ms). The reader's
 * own drawing code (`features/highlights/draw.ts`) is bundled and run in a page holding the
 * article as the reader frame does; highlights are spread over the text, some across paragraphs
 * and inline elements. Prints the median and worst of the runs: a benchmark, not a test.
 *   npm run bench:highlights -- --highlights 500 --paragraphs 1500 --runs 7
 */
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { launchChromium } from '../test/helpers/browser'

/** What the bundle exposes as `window.folioDraw` (the renderer's code, typed for the page). */
interface Drawing {
  buildTextMap(root: Node): { text: string }
  clearHighlights(body: HTMLElement): void
  drawHighlights(body: HTMLElement, highlights: unknown[]): unknown[]
}

const { values } = parseArgs({
  options: {
    highlights: { type: 'string', default: '500' },
    paragraphs: { type: 'string', default: '1500' },
    runs: { type: 'string', default: '7' }
  }
})
const highlightCount = Number(values.highlights)
const paragraphs = Number(values.paragraphs)
const runs = Number(values.runs)

/** A long article with links and emphasis inside its paragraphs, as extracted articles have. */
function articleHtml(): string {
  const sentence =
    'The archive keeps what was read, <em>with its pictures</em>, and <a href="#">links</a> to its sources. '
  return Array.from(
    { length: paragraphs },
    (_, index) => `<p>${index + 1}. ${sentence.repeat(3)}</p>`
  ).join('')
}

async function drawingScript(): Promise<string> {
  const folder = fileURLToPath(new URL('../src/renderer/src/features/highlights/', import.meta.url))
  const result = await build({
    stdin: {
      contents: "export * from './draw'; export { buildTextMap } from './textMap'",
      resolveDir: folder,
      loader: 'ts'
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'folioDraw'
  })
  return result.outputFiles[0].text
}

async function main(): Promise<void> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.setContent(`<!doctype html><html><body>${articleHtml()}</body></html>`)
    await page.addScriptTag({ content: await drawingScript() })
    const times = await page.evaluate(
      ({ highlightCount, runs }) => {
        const draw = (window as unknown as { folioDraw: Drawing }).folioDraw
        const text = draw.buildTextMap(document.body).text
        const step = Math.floor(text.length / highlightCount)
        const highlights = Array.from({ length: highlightCount }, (_, index) => {
          const start = index * step
          const end = start + Math.min(step - 1, 40 + (index % 7) * 30)
          return {
            id: index + 1,
            articleId: 1,
            color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[index % 5],
            note: null,
            quote: text.slice(start, end),
            prefix: '',
            suffix: '',
            start,
            end,
            status: 'anchored' as const,
            createdAt: index,
            updatedAt: index
          }
        })
        const result: number[] = []
        for (let run = 0; run < runs; run++) {
          draw.clearHighlights(document.body)
          const started = performance.now()
          draw.drawHighlights(document.body, highlights)
          result.push(performance.now() - started)
        }
        return { result, marks: document.querySelectorAll('mark').length, length: text.length }
      },
      { highlightCount, runs }
    )
    const sorted = [...times.result].sort((a, b) => a - b)
    console.log(
      `${highlightCount} highlights, ${paragraphs} paragraphs (${times.length.toLocaleString('en')} characters), ${times.marks} marks drawn`
    )
    console.log(
      `draw: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, worst ${sorted[sorted.length - 1].toFixed(1)} ms over ${runs} runs (target ≤ 100 ms)`
    )
  } finally {
    await browser.close()
  }
}

await main()
