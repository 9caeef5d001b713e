import type { Migration } from '../migrate'
import { migration0001 } from './0001-initial'

/** Append-only: a released migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [migration0001]
