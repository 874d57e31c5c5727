// Migration 3: a month marked complete is locked. While month_status says 'complete' for a
// unit's month, no value and no narrative of that unit, or of any unit below it (their values
// roll up into it), may be written for that month, whichever path tries (grid, paste, CSV, CLI,
// API, a future one): the database itself refuses. The app checks first to say it clearly; these
// triggers make sure nothing slips past. Frozen: never edit after release.
import type { Database } from 'better-sqlite3';

/** The message the triggers raise; db/ turns it into the user's sentence. */
export const MONTH_LOCKED = 'thongke: month is complete';

// The unit and its ancestors (the tree is a few levels deep), then whether any is complete.
const locked = (unit: string, period: string) => `EXISTS (
  WITH RECURSIVE up(id) AS (SELECT ${unit} UNION SELECT o.parent_id FROM org_unit o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
  SELECT 1 FROM month_status s WHERE s.period = ${period} AND s.status = 'complete' AND s.unit_id IN (SELECT id FROM up))`;

export function updateToSchemaVersion3(db: Database): void {
  const statements: string[] = [];
  for (const table of ['data_value', 'narrative']) {
    statements.push(`
      CREATE TRIGGER ${table}_locked_insert BEFORE INSERT ON ${table} WHEN ${locked('NEW.unit_id', 'NEW.period')}
      BEGIN SELECT RAISE(ABORT, '${MONTH_LOCKED}'); END;
      CREATE TRIGGER ${table}_locked_update BEFORE UPDATE ON ${table}
      WHEN ${locked('OLD.unit_id', 'OLD.period')} OR ${locked('NEW.unit_id', 'NEW.period')}
      BEGIN SELECT RAISE(ABORT, '${MONTH_LOCKED}'); END;
      CREATE TRIGGER ${table}_locked_delete BEFORE DELETE ON ${table} WHEN ${locked('OLD.unit_id', 'OLD.period')}
      BEGIN SELECT RAISE(ABORT, '${MONTH_LOCKED}'); END;`);
  }
  db.exec(statements.join('\n'));
}
