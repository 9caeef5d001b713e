import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The benchmark corpus: real text Debian ships, scaled to 100k documents by the generator in
 * /work/shared/tools/search-corpus (see its README). Everything is cached under bench/.data/.
 */
export interface CorpusDocument {
  id: number
  lang: string
  src: string
  title: string
  body: string
}

export const dataDir = resolve('bench/.data')
const generatorDir = '/work/shared/tools/search-corpus'
const corpusSize = 100_000
const debianPackages = [
  'libreoffice-help-en-us',
  'libreoffice-help-de',
  'libreoffice-help-fr',
  'libreoffice-help-es',
  'libreoffice-help-it',
  'libreoffice-help-pt-br',
  'libreoffice-help-nl',
  'libreoffice-help-ru',
  'libreoffice-help-ja',
  'libreoffice-help-ko',
  'libreoffice-help-zh-cn',
  'libreoffice-help-zh-tw',
  'manpages-ja',
  'manpages-zh',
  'debian-reference-en',
  'debian-reference-ja',
  'debian-reference-zh-cn',
  'debian-reference-zh-tw',
  'debian-handbook',
  'postgresql-doc-15',
  'python3.11-doc'
]

function run(command: string, args: string[], cwd?: string): void {
  execFileSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: resolve('node_modules') }
  })
}

/** Downloads (never installs) the Debian packages and runs the two generator stages once. */
export function ensureCorpus(): string {
  const corpusFile = join(dataDir, `corpus-${corpusSize}.db`)
  if (existsSync(corpusFile)) return corpusFile
  const debs = join(dataDir, 'debs')
  const extracted = join(dataDir, 'x')
  mkdirSync(debs, { recursive: true })
  if (readdirSync(debs).filter((file) => file.endsWith('.deb')).length < debianPackages.length) {
    run('apt-get', ['update'])
    run('apt-get', ['download', ...debianPackages], debs)
  }
  mkdirSync(extracted, { recursive: true })
  for (const file of readdirSync(debs).filter((name) => name.endsWith('.deb'))) {
    run('dpkg-deb', ['-x', join(debs, file), extracted])
  }
  const pages = join(dataDir, 'pages.jsonl')
  run('node', [join(generatorDir, 'extract-pages.js'), extracted, pages])
  run('node', [join(generatorDir, 'gen-corpus.js'), pages, corpusFile, String(corpusSize), '42'])
  return corpusFile
}

/** The first `count` documents (ids 1..~6137 are real text, the rest synthetic). */
export function readCorpus(file: string, count: number): CorpusDocument[] {
  const db = new Database(file, { readonly: true })
  try {
    return db
      .prepare('SELECT id, lang, src, title, body FROM docs WHERE id <= ? ORDER BY id')
      .all(count) as CorpusDocument[]
  } finally {
    db.close()
  }
}

/** A deterministic site per document, with subdomains, so `site:` has something to do. */
export function siteOf(document: CorpusDocument): string {
  const base =
    document.src === 'synthetic' ? `site${document.id % 300}.example.org` : `${document.src}.org`
  return document.id % 3 === 0 ? `docs.${base}` : base
}
