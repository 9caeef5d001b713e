/**
 * Bump when the output for the same page changes; stored per article for re-extraction.
 * Apart from extract.ts so that the main thread, which stores the number, never loads the
 * extractor (Readability, linkedom, DOMPurify on jsdom): only the worker threads do.
 */
export const extractorVersion = 5
