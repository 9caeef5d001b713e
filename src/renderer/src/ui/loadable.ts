import type { ErrorInfo } from '../../../shared/errors'

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ErrorInfo }
