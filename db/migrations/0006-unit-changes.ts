// Migration 6: units as users change them (the 2025 reform). A unit may start from a month
// (`opened_from`: a commune made by a merger reports from the merger's month), and its
// history records additions and sub-sites ("điểm trạm") beside renames, moves, merges and
// closings; each change has an optional note. org_unit_history is rebuilt to widen its CHECK
// (nothing refers to it). Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion6(db: Database): void {
  db.exec(`
    ALTER TABLE org_unit ADD COLUMN opened_from TEXT CHECK (opened_from IS NULL OR opened_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]');
    CREATE TABLE org_unit_history_v6 (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      change TEXT NOT NULL CHECK (change IN ('add', 'rename', 'move', 'merge', 'close', 'site')),
      old_value TEXT,
      new_value TEXT,
      effective_from TEXT,
      note TEXT,
      changed_by TEXT NOT NULL,
      changed_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO org_unit_history_v6 (id, unit_id, change, old_value, new_value, effective_from, changed_by, changed_at)
      SELECT id, unit_id, change, old_value, new_value, effective_from, changed_by, changed_at FROM org_unit_history;
    DROP TABLE org_unit_history;
    ALTER TABLE org_unit_history_v6 RENAME TO org_unit_history;
    CREATE INDEX org_unit_history_unit ON org_unit_history(unit_id, id);
  `);
}
