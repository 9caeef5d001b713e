// citation-js ships no types; these are the few parts the citation exports use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown)
    data: Record<string, unknown>[]
    format(format: string, options?: Record<string, unknown>): string
  }
  export const plugins: {
    config: { get(plugin: string): Record<string, Record<string, unknown>> }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
