import type { Migration } from '../migrate'

/**
 * Every long task is a job of some kind (capture, re-extract, re-index; import and export
 * later): each job keeps a label for people (what it is about), counted progress and the result
 * it finished with. Capture jobs made before get their address or file as label.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'job-kinds',
  up(db) {
    db.exec(`
      ALTER TABLE jobs ADD COLUMN label TEXT NOT NULL DEFAULT '';
      ALTER TABLE jobs ADD COLUMN progress_done INTEGER;
      ALTER TABLE jobs ADD COLUMN progress_total INTEGER;
      ALTER TABLE jobs ADD COLUMN result TEXT;
      UPDATE jobs SET label = coalesce(
        json_extract(payload, '$.path'), json_extract(payload, '$.name'),
        json_extract(payload, '$.url'), '');
      CREATE INDEX jobs_by_kind ON jobs (kind, status);
    `)
  }
}
