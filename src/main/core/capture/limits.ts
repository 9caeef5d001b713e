const mebibyte = 1024 * 1024

/**
 * The biggest page Folio saves, fetched or read from a file: the biggest real article pages
 * weigh a few MiB of HTML; 15 MiB leaves room without risk (a 114 MB text file took 97 s and
 * 4.4 GB of memory to become one article).
 */
export const maxPageBytes = 15 * mebibyte

/** "15 MiB", "2.5 MiB": a size in mebibytes, to one decimal. */
export function inMebibytes(bytes: number): string {
  return `${Math.round((bytes / mebibyte) * 10) / 10} MiB`
}
