import type { Database } from 'better-sqlite3'
import type { CheckProblem, CheckReport } from '../../../shared/types'
import type { Library } from '../library'
import { rebuildIndex } from '../search/rebuild'
import type { Write } from '../write'
import {
  articlesWithMissingAssets,
  assetProblems,
  collectAssetReferences,
  deleteAssets,
  forgetAssetReferences,
  unusedAssets
} from './check-assets'
import { indexDifference, indexProblems } from './check-index'
import { integrityProblems, orphanProblems, repairOrphans } from './check-orphans'
import { recountTags, tagCountMismatches, tagProblems } from './check-tags'

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Every problem of the library, as sentences (reads only; its temporary table aside). */
export function findProblems(db: Database): CheckProblem[] {
  const problems = [...integrityProblems(db), ...indexProblems(indexDifference(db))]
  problems.push(...tagProblems(tagCountMismatches(db)))
  problems.push(...orphanProblems(db))
  collectAssetReferences(db)
  try {
    problems.push(...assetProblems(articlesWithMissingAssets(db), unusedAssets(db)))
  } finally {
    forgetAssetReferences(db)
  }
  return problems
}

/**
 * Rebuilds what is derived from the user's data, never the data itself (articles, contents,
 * tags, links): the search index, the tag counts, orphaned image records and job links, and
 * images nothing uses. Returns a sentence per repair.
 */
export function repairDerived(library: Library, write: Write): string[] {
  const { db } = library
  const repaired: string[] = []
  const index = indexDifference(db)
  if (index.outdated) {
    rebuildIndex(db, ({ done, total }) => library.emit({ type: 'index.progress', done, total }))
    repaired.push('Rebuilt the search index.')
  } else if (index.missing.length + index.stale.length > 0) {
    // write() indexes each article it is told about, and drops the rows of those that are gone.
    write(
      () => undefined,
      () => ({ articles: [...index.missing, ...index.stale] })
    )
    repaired.push(
      `Indexed ${count(index.missing.length, 'missing article')} and dropped ${count(index.stale.length, 'stale index entry', 'stale index entries')}.`
    )
  }
  const countsWrong = tagCountMismatches(db).length > 0
  const tidied = write(
    (db) => {
      if (countsWrong) recountTags(db)
      const orphans = repairOrphans(db)
      collectAssetReferences(db)
      try {
        const removed = deleteAssets(db, unusedAssets(db))
        if (removed > 0) orphans.push(`Deleted ${count(removed, 'image')} no article uses.`)
      } finally {
        forgetAssetReferences(db)
      }
      return orphans
    },
    () => ({ tags: countsWrong })
  )
  if (countsWrong) repaired.push('Counted the articles of every tag again.')
  return [...repaired, ...tidied]
}

export function checkLibrary(library: Library, write: Write, repair: boolean): CheckReport {
  const problems = findProblems(library.db)
  if (!repair || !problems.some((problem) => problem.repairable)) {
    return { problems, repaired: [], remaining: problems }
  }
  const repaired = repairDerived(library, write)
  return { problems, repaired, remaining: findProblems(library.db) }
}
