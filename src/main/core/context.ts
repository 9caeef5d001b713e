import type { Database } from 'better-sqlite3'
import type { Caller } from '../../shared/contract'
import type { CaptureService } from './capture/service'
import type { JobQueue } from './jobs/queue'
import type { Library } from './library'
import type { SearchService } from './search/service'
import type { Write } from './write'

/** What every operation of a domain may use: the open library and the engine's services. */
export interface EngineContext {
  readonly library: Library
  readonly db: Database
  readonly write: Write
  readonly jobs: JobQueue
  readonly capture: CaptureService
  readonly search: SearchService
}

/** Who asked for this call (the contract's callers), for the few rules that depend on it. */
export interface CallContext {
  caller: Caller
}
