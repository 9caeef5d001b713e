import { cslItem } from './citation'
import type { Exporter } from './format'
import { recordPages } from './records'

/** A CSL-JSON array (pandoc's `--bibliography`, Zotero's import), one item a line. */
export const exportCslJson: Exporter = function* (db, selection, out) {
  out.write('[')
  let written = 0
  for (const page of recordPages(db, selection)) {
    for (const record of page) {
      out.write(`${written === 0 ? '\n' : ',\n'}${JSON.stringify(cslItem(record))}`)
      written += 1
    }
    yield written
  }
  out.write('\n]\n')
}
