// Migration 7: each unit's month totals stored in the file, so a province's figures read a few
// hundred rows instead of summing 2 M values in every new process (issue 11: under 200 ms).
// `unit_total` holds, for a unit and month, exactly what the grouped query of db/figures.repo.ts
// gives over the unit's subtree as it stood in that month (a rate counts only the unit's own
// value); `unit_total_done` says which (unit, month) pairs are stored. Totals are written by the
// bundle apply and `thongke totals rebuild` (db/unit-total.repo.ts), never by a read.
//
// The triggers below keep the invariant: a stored total is never older than the values it sums.
// A value written, cleared, moved or deleted forgets its month's totals of the unit and of every
// unit above it, following the parent it has now and every parent it had before a move (its
// history's 'move' rows), so a unit that counted under another parent in that month is covered.
// A change of the tree (a unit's parent, code, level, closing, merger or opening; a deleted unit;
// any history row) or of an element's kind forgets everything. A new unit holds no values, so
// inserting one changes no total and forgets nothing (each district's first bundle inserts its
// units: forgetting everything there would make a province re-sum every district each time).
// Both tables are keyed by month first: forgetting a unit's month is a few range deletes, and a
// write to a month with nothing stored (every district database) costs one index lookup.
// Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

/** The unit `id` and every unit its values count under, now or before a move. */
const upFrom = (id: string) => `(WITH RECURSIVE up(id) AS (
    SELECT ${id}
    UNION SELECT o.parent_id FROM org_unit o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
    UNION SELECT p.id FROM org_unit_history h JOIN up ON h.unit_id = up.id JOIN org_unit p ON p.code = h.old_value WHERE h.change = 'move')
  SELECT id FROM up)`;

const forget = (unit: string, period: string) => `
    DELETE FROM unit_total_done WHERE period = ${period} AND unit_id IN ${upFrom(unit)};
    DELETE FROM unit_total WHERE period = ${period} AND unit_id IN ${upFrom(unit)};`;

const FORGET_ALL = 'DELETE FROM unit_total_done; DELETE FROM unit_total;';

// What makes a unit's place in a month's tree (db/figures.repo.ts: subtree, treeIn, predecessors).
const TREE_COLUMNS = ['id', 'code', 'level', 'parent_id', 'closed_from', 'merged_into_id', 'opened_from'];

export function updateToSchemaVersion7(db: Database): void {
  db.exec(`
    CREATE TABLE unit_total (
      period TEXT NOT NULL,
      unit_id INTEGER NOT NULL,
      element_id INTEGER NOT NULL,
      total REAL NOT NULL,
      PRIMARY KEY (period, unit_id, element_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE unit_total_done (
      period TEXT NOT NULL,
      unit_id INTEGER NOT NULL,
      PRIMARY KEY (period, unit_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER unit_total_value_insert AFTER INSERT ON data_value
    WHEN EXISTS (SELECT 1 FROM unit_total_done WHERE period = NEW.period) BEGIN${forget('NEW.unit_id', 'NEW.period')}
    END;
    CREATE TRIGGER unit_total_value_update AFTER UPDATE OF value, unit_id, period, element_id ON data_value
    WHEN EXISTS (SELECT 1 FROM unit_total_done WHERE period IN (OLD.period, NEW.period)) BEGIN${forget('OLD.unit_id', 'OLD.period')}${forget('NEW.unit_id', 'NEW.period')}
    END;
    CREATE TRIGGER unit_total_value_delete AFTER DELETE ON data_value
    WHEN EXISTS (SELECT 1 FROM unit_total_done WHERE period = OLD.period) BEGIN${forget('OLD.unit_id', 'OLD.period')}
    END;

    CREATE TRIGGER unit_total_unit_update AFTER UPDATE ON org_unit
    WHEN ${TREE_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')} BEGIN ${FORGET_ALL} END;
    CREATE TRIGGER unit_total_unit_delete AFTER DELETE ON org_unit BEGIN ${FORGET_ALL} END;
    CREATE TRIGGER unit_total_unit_history AFTER INSERT ON org_unit_history BEGIN ${FORGET_ALL} END;
    CREATE TRIGGER unit_total_element_insert AFTER INSERT ON data_element BEGIN ${FORGET_ALL} END;
    CREATE TRIGGER unit_total_element_update AFTER UPDATE OF id, kind ON data_element BEGIN ${FORGET_ALL} END;
    CREATE TRIGGER unit_total_element_delete AFTER DELETE ON data_element BEGIN ${FORGET_ALL} END;
  `);
}
