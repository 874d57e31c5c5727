// Migration 5: the month totals of a unit's subtree, kept so a province's figures do not sum
// its 2 M values again on every read (issue 11). A row holds what db/figures.repo.ts's grouped
// query gives for one unit, month and element (the subtree's sum; a rate's own value); a
// `month_total_done` row says the unit's month was computed (a month with no values has none
// in month_total). The totals are a cache: every change of a value forgets its month, every
// change of the tree or of an element's kind forgets them all, and the next read recomputes
// them with the same query. Both tables are keyed by month first, so forgetting a month is one
// range delete, and a write to a month with nothing kept costs one lookup. Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion5(db: Database): void {
  db.exec(`
    CREATE TABLE month_total (
      period TEXT NOT NULL,
      unit_id INTEGER NOT NULL,
      element_id INTEGER NOT NULL,
      total REAL NOT NULL,
      PRIMARY KEY (period, unit_id, element_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE month_total_done (
      period TEXT NOT NULL,
      unit_id INTEGER NOT NULL,
      PRIMARY KEY (period, unit_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER month_total_value_insert AFTER INSERT ON data_value
    WHEN EXISTS (SELECT 1 FROM month_total_done WHERE period = NEW.period) BEGIN
      DELETE FROM month_total_done WHERE period = NEW.period;
      DELETE FROM month_total WHERE period = NEW.period;
    END;
    CREATE TRIGGER month_total_value_update AFTER UPDATE OF value, unit_id, period, element_id ON data_value
    WHEN EXISTS (SELECT 1 FROM month_total_done WHERE period IN (OLD.period, NEW.period)) BEGIN
      DELETE FROM month_total_done WHERE period IN (OLD.period, NEW.period);
      DELETE FROM month_total WHERE period IN (OLD.period, NEW.period);
    END;
    CREATE TRIGGER month_total_value_delete AFTER DELETE ON data_value
    WHEN EXISTS (SELECT 1 FROM month_total_done WHERE period = OLD.period) BEGIN
      DELETE FROM month_total_done WHERE period = OLD.period;
      DELETE FROM month_total WHERE period = OLD.period;
    END;
    CREATE TRIGGER month_total_unit_insert AFTER INSERT ON org_unit BEGIN
      DELETE FROM month_total_done;
      DELETE FROM month_total;
    END;
    CREATE TRIGGER month_total_unit_move AFTER UPDATE OF parent_id, id ON org_unit BEGIN
      DELETE FROM month_total_done;
      DELETE FROM month_total;
    END;
    CREATE TRIGGER month_total_unit_delete AFTER DELETE ON org_unit BEGIN
      DELETE FROM month_total_done;
      DELETE FROM month_total;
    END;
    CREATE TRIGGER month_total_element_insert AFTER INSERT ON data_element BEGIN
      DELETE FROM month_total_done;
      DELETE FROM month_total;
    END;
    CREATE TRIGGER month_total_element_kind AFTER UPDATE OF kind, id ON data_element BEGIN
      DELETE FROM month_total_done;
      DELETE FROM month_total;
    END;
  `);
}
