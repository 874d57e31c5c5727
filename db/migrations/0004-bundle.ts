// Migration 4: the sync bundle. What this installation sent (revisions only grow per unit and
// month), what it accepted from below (the highest revision per unit and month: an older one
// is never applied again), the sending units' trusted keys, the log of accepted imports, and
// which units came from a bundle (their data is the sender's: read-only here). Refused imports
// are logged beside the database (`<db>.imports.log`), never in it: a refusal leaves the
// database byte for byte as it was. Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion4(db: Database): void {
  db.exec(`
    CREATE TABLE bundle_sent (
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      revision INTEGER NOT NULL CHECK (revision > 0),
      file_name TEXT NOT NULL,
      file_hash TEXT NOT NULL,
      sent_by TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, period, revision)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE bundle_received (
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      revision INTEGER NOT NULL CHECK (revision > 0),
      fingerprint TEXT NOT NULL,
      file_hash TEXT NOT NULL,
      received_by TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, period)
    ) STRICT, WITHOUT ROWID;
    -- The highest accepted revision never goes back (TUF's rule against rollback).
    CREATE TRIGGER bundle_received_grows BEFORE UPDATE OF revision ON bundle_received
    WHEN NEW.revision < OLD.revision BEGIN
      SELECT RAISE(ABORT, 'bundle revision must not go back');
    END;
    -- Keyed by the sending unit's code: a province learns a district from its first bundle.
    CREATE TABLE bundle_trust (
      unit TEXT PRIMARY KEY,
      public_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      trusted_by TEXT NOT NULL,
      trusted_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE bundle_import (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      file_hash TEXT NOT NULL,
      unit TEXT NOT NULL,
      periods TEXT NOT NULL,
      revisions TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      result TEXT NOT NULL,
      counts TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    -- Units whose data arrives by bundle: the code of the unit whose bundles carry them.
    ALTER TABLE org_unit ADD COLUMN received_from TEXT;
  `);
}
