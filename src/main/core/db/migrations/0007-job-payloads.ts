import type { Migration } from '../migrate'

/**
 * Libraries made before capture jobs dropped what they carried keep, in `jobs.payload`, the full
 * HTML of every page captured in a browser and the bytes of every dropped file, even after the
 * article was saved or deleted (a privacy problem for signed-in pages). This forgets them: done
 * captures lose their `html` and `contentBase64` fields (their labels and outcomes stay), and
 * captures whose article was deleted (`article_id` set to NULL by the foreign key) lose their
 * payload, the waiting ones being cancelled. The space is reused by SQLite for later writes.
 *
 * Numbered 0007: 0006 (highlights) comes from another branch; this follows it in the list.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'job-payloads',
  up(db) {
    db.exec(`
      UPDATE jobs SET payload = json_remove(payload, '$.html', '$.contentBase64')
        WHERE kind = 'capture' AND status = 'done' AND json_valid(payload)
          AND (json_type(payload, '$.html') IS NOT NULL
            OR json_type(payload, '$.contentBase64') IS NOT NULL);
      UPDATE jobs SET status = 'cancelled', stage = NULL, error_code = 'cancelled',
          error_message = 'Cancelled: its article was deleted.'
        WHERE kind = 'capture' AND article_id IS NULL AND status = 'queued';
      UPDATE jobs SET payload = '{}'
        WHERE kind = 'capture' AND article_id IS NULL AND payload <> '{}';
    `)
  }
}
