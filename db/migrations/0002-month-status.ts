// Migration 2: the status of a unit's month (open while figures are entered, complete once
// the statistician has checked it: "hoàn thành"). Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion2(db: Database): void {
  db.exec(`
    -- No row means open. Marking complete is refused while a high-importance rule is violated
    -- without an explanation comment; explained_count records how many were accepted that way.
    CREATE TABLE month_status (
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      status TEXT NOT NULL CHECK (status IN ('open', 'complete')),
      explained_count INTEGER NOT NULL DEFAULT 0 CHECK (explained_count >= 0),
      changed_by TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, period)
    ) STRICT, WITHOUT ROWID;
  `);
}
