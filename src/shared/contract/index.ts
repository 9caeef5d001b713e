import type { z } from 'zod'
import type { Result } from '../errors'
import type { FolioEventListener } from '../events'
import { articleOperations } from './articles'
import { captureOperations } from './capture'
import { highlightOperations } from './highlights'
import { jobOperations } from './jobs'
import { libraryOperations } from './library'
import { searchOperations } from './search'
import { tagOperations } from './tags'

export * from './define'
export * from './articles'
export * from './capture'
export * from './highlights'
export * from './jobs'
export * from './library'
export * from './search'
export * from './tags'

/**
 * The FolioApi contract (DESIGN.md §1): every operation by name, one file per domain, each with
 * its input schema, result type and door policy side by side. Every door carries exactly these.
 */
export const contract = {
  ...articleOperations,
  ...captureOperations,
  ...searchOperations,
  ...jobOperations,
  ...tagOperations,
  ...highlightOperations,
  ...libraryOperations
}

export type Contract = typeof contract
export type OperationName = keyof Contract

export const operationNames = Object.keys(contract) as OperationName[]

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name)
}

export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>
export type OperationOutput<K extends OperationName> = Contract[K]['output']

/** The contract every door carries: one function per operation, errors as values. */
export type FolioApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>
}

/** Article HTML whose images point where this door serves them, and the CSP sources for them. */
export interface ResolvedAssets {
  html: string
  imageSources: string
}

/** What the preload exposes as `window.folio`, and what the HTTP client provides alike. */
export type FolioBridge = FolioApi & {
  onEvent(listener: FolioEventListener): () => void
  /** Rewrites `folio-asset://<sha256>` image references for this door. */
  resolveAssets(html: string): Promise<ResolvedAssets>
}

/** Turns zod's issues into one sentence naming the offending fields. */
export function describeInputError(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input'
    return `${where}: ${issue.message}`
  })
  return `The request was not understood (${parts.join('; ')}).`
}
