import { Cite } from '@citation-js/core'
import '@citation-js/plugin-ris'
import { cslItem } from './citation'
import type { Exporter } from './format'
import { recordPages } from './records'

/**
 * RIS `ELEC` records (EndNote, Zotero, Mendeley), written by citation-js a page at a time. Its RIS
 * mapping has no container for web pages, so the site's name goes in as publisher (`PB`).
 */
export const exportRis: Exporter = function* (db, selection, out) {
  let written = 0
  for (const page of recordPages(db, selection)) {
    const items = page.map((record) => {
      const item = cslItem(record)
      return item['container-title'] ? { ...item, publisher: item['container-title'] } : item
    })
    out.write(`${new Cite(items).format('ris')}\n`)
    written += page.length
    yield written
  }
}
