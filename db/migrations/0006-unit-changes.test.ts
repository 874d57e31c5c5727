import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-month-status';
import { updateToSchemaVersion3 } from './0003-month-lock';
import { updateToSchemaVersion4 } from './0004-bundle';
import { updateToSchemaVersion5 } from './0005-status';
import { updateToSchemaVersion6 } from './0006-unit-changes';

describe('migration 6', () => {
  it('keeps every history row, and takes additions and sub-sites with a note', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of [updateToSchemaVersion1, updateToSchemaVersion2, updateToSchemaVersion3, updateToSchemaVersion4, updateToSchemaVersion5]) m(db);
    db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES ('C', 'Xã', 'commune', NULL, 0, 'x')").run();
    db.prepare("INSERT INTO org_unit_history (unit_id, change, old_value, new_value, effective_from, changed_by, changed_at) VALUES (1, 'rename', 'A', 'B', '2024-05', 'lan', 't')").run();
    expect(() => db.prepare("INSERT INTO org_unit_history (unit_id, change, changed_by, changed_at) VALUES (1, 'add', 'lan', 't')").run()).toThrow(/CHECK/);
    db.transaction(() => updateToSchemaVersion6(db))();
    expect(db.prepare('SELECT unit_id, change, old_value, new_value, effective_from, note, changed_by FROM org_unit_history').all()).toEqual([
      { unit_id: 1, change: 'rename', old_value: 'A', new_value: 'B', effective_from: '2024-05', note: null, changed_by: 'lan' },
    ]);
    db.prepare("INSERT INTO org_unit_history (unit_id, change, note, changed_by, changed_at) VALUES (1, 'site', 'C', 'lan', 't')").run();
    db.prepare("UPDATE org_unit SET opened_from = '2025-07'").run();
    expect(() => db.prepare("UPDATE org_unit SET opened_from = 'July'").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
