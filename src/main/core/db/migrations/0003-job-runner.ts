import type { Migration } from '../migrate'

/**
 * Which process runs a job (its pid), so a process that starts can tell a job left `running` by
 * a crashed Folio (resume it) from one another live Folio process is working on (leave it).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'job-runner',
  up(db) {
    db.exec('ALTER TABLE jobs ADD COLUMN runner_pid INTEGER')
  }
}
