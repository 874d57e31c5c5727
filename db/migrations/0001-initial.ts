// Migration 1: the first schema. Frozen: never edit after release; add a new migration.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE org_unit (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'facility')),
      parent_id INTEGER REFERENCES org_unit(id),
      sort INTEGER NOT NULL DEFAULT 0,
      closed_from TEXT,
      merged_into_id INTEGER REFERENCES org_unit(id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX org_unit_parent ON org_unit(parent_id);

    -- Renames, moves and merges: the unit keeps its code and its values; the history says when.
    CREATE TABLE org_unit_history (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      change TEXT NOT NULL CHECK (change IN ('rename', 'move', 'merge', 'close')),
      old_value TEXT,
      new_value TEXT,
      effective_from TEXT,
      changed_by TEXT NOT NULL,
      changed_at TEXT NOT NULL
    ) STRICT;

    -- Ids for the catalogue's elements; definitions live in resources/catalogue.
    CREATE TABLE data_element (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      programme TEXT NOT NULL,
      kind TEXT NOT NULL,
      value_type TEXT NOT NULL,
      entry_level TEXT NOT NULL,
      sort INTEGER NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
    ) STRICT;

    -- One value per (unit, month, element). A cleared value keeps its row (value NULL) so the
    -- clearing travels in bundles like any other change.
    CREATE TABLE data_value (
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      element_id INTEGER NOT NULL REFERENCES data_element(id),
      value REAL,
      comment TEXT,
      revision INTEGER NOT NULL CHECK (revision > 0),
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT 'ui',
      PRIMARY KEY (unit_id, period, element_id)
    ) STRICT, WITHOUT ROWID;

    -- Keyed by month first: an import (month by month) appends near the end of one b-tree,
    -- and the history of a value is one range scan. A value's revision only grows (see the
    -- trigger below), so (value, revision) names one change.
    CREATE TABLE audit (
      period TEXT NOT NULL,
      unit_id INTEGER NOT NULL,
      element_id INTEGER NOT NULL,
      old_value REAL,
      new_value REAL,
      old_comment TEXT,
      new_comment TEXT,
      revision INTEGER NOT NULL,
      changed_by TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      source TEXT NOT NULL,
      PRIMARY KEY (period, unit_id, element_id, revision)
    ) STRICT, WITHOUT ROWID;

    -- An older revision never overwrites a newer one.
    CREATE TRIGGER data_value_revision_grows BEFORE UPDATE OF revision ON data_value
    WHEN NEW.revision <= OLD.revision BEGIN
      SELECT RAISE(ABORT, 'revision must grow');
    END;

    -- Every change of a value writes its audit row, whichever path made it (grid, CSV, bundle).
    CREATE TRIGGER data_value_audit_insert AFTER INSERT ON data_value BEGIN
      INSERT INTO audit (unit_id, period, element_id, old_value, new_value, old_comment, new_comment,
                         revision, changed_by, changed_at, source)
      VALUES (NEW.unit_id, NEW.period, NEW.element_id, NULL, NEW.value, NULL, NEW.comment,
              NEW.revision, NEW.updated_by, NEW.updated_at, NEW.source);
    END;
    CREATE TRIGGER data_value_audit_update AFTER UPDATE ON data_value BEGIN
      INSERT INTO audit (unit_id, period, element_id, old_value, new_value, old_comment, new_comment,
                         revision, changed_by, changed_at, source)
      VALUES (NEW.unit_id, NEW.period, NEW.element_id, OLD.value, NEW.value, OLD.comment, NEW.comment,
              NEW.revision, NEW.updated_by, NEW.updated_at, NEW.source);
    END;

    CREATE TABLE plan_target (
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
      element_id INTEGER NOT NULL REFERENCES data_element(id),
      target REAL NOT NULL,
      direction TEXT NOT NULL DEFAULT '>=' CHECK (direction IN ('>=', '<=', '<')),
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, year, element_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE narrative (
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      period TEXT NOT NULL,
      section TEXT NOT NULL,
      body TEXT NOT NULL,
      revision INTEGER NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, period, section)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
