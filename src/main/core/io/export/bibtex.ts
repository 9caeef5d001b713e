import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type { CslItem, CslName } from './citation'
import { cslItem } from './citation'
import type { Exporter } from './format'
import { recordPages } from './records'

// citation-js's ASCII mode drops what it cannot spell in LaTeX (every CJK character); in UTF-8
// mode it escapes nothing, so the text fields are escaped here and the keys are ours.
const bibtexConfig = plugins.config.get('@bibtex')
bibtexConfig.format.asciiOnly = false
bibtexConfig.format.useIdAsLabel = true

const latexEscapes: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}'
}

/** LaTeX's special characters made literal: `50% & $5` → `50\% \& \$5`. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$%#&_^~]/g, (character) => latexEscapes[character] ?? `\\${character}`)
}

function escapeName(name: CslName): CslName {
  return 'literal' in name
    ? { literal: escapeLatex(name.literal) }
    : { given: escapeLatex(name.given), family: escapeLatex(name.family) }
}

function escapedItem(item: CslItem): CslItem {
  return {
    ...item,
    title: escapeLatex(item.title),
    author: item.author.map(escapeName),
    ...(item['container-title'] ? { 'container-title': escapeLatex(item['container-title']) } : {})
  }
}

/**
 * BibLaTeX `@online` entries (author or site as organisation, title, the site as booktitle, date,
 * url, urldate = the day saved), UTF-8, which pandoc, Zotero and biber read; written by citation-js
 * a page of 500 at a time.
 */
export const exportBibtex: Exporter = function* (db, selection, out) {
  let written = 0
  for (const page of recordPages(db, selection)) {
    const items = page.map((record) => escapedItem(cslItem(record)))
    out.write(new Cite(items).format('biblatex'))
    written += page.length
    yield written
  }
}
