import type { Migration } from '../migrate'
import { migration0001 } from './0001-initial'
import { migration0002 } from './0002-search'
import { migration0003 } from './0003-job-runner'
import { migration0004 } from './0004-tag-counts'
import { migration0005 } from './0005-job-kinds'
import { migration0006 } from './0006-highlights'
import { migration0007 } from './0007-job-payloads'

/** Append-only: a released migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007
]
