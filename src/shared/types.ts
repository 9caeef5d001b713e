/** The records the contract's operations return, gathered for the code that shows them. */
export type * from './contract/articles'
export type * from './contract/capture'
export type * from './contract/jobs'
export type * from './contract/library'
export type * from './contract/search'
export type * from './contract/tags'
export { articleStates, captureStatuses } from './contract/articles'
export { jobKinds, jobStatuses } from './contract/jobs'
