// Migration 5: the provincial office's reporting status (issue 11). For each accepted
// (unit, month): the signed send time (the bundle header's `created`) of the revision held and
// of the first revision accepted (timeliness is judged on the first: a correction sent later
// does not make an on-time report late), when the first one was received, and the bundle's own
// count of unexplained high-importance problems. Rows accepted before this version have nulls
// (their send time was not kept). Units registered by `units import` are marked: their name and
// parent are the province's, and a bundle that says otherwise is shown, not applied.
// Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion5(db: Database): void {
  db.exec(`
    ALTER TABLE bundle_received ADD COLUMN sent_at TEXT;
    ALTER TABLE bundle_received ADD COLUMN first_sent_at TEXT;
    ALTER TABLE bundle_received ADD COLUMN first_received_at TEXT;
    ALTER TABLE bundle_received ADD COLUMN unexplained INTEGER CHECK (unexplained IS NULL OR unexplained >= 0);
    ALTER TABLE org_unit ADD COLUMN registered_at TEXT;
  `);
}
