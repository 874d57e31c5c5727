import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateToSchemaVersion1 } from './0001-initial';

describe('migration 1', () => {
  it('creates STRICT tables and audits every change of a value', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.transaction(() => updateToSchemaVersion1(db))();
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['audit', 'data_element', 'data_value', 'narrative', 'org_unit', 'org_unit_history', 'plan_target', 'setting'].sort(),
    );
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    db.exec(`INSERT INTO org_unit (id, code, name, level, created_at) VALUES (1, 'C1', 'Xã', 'commune', 'now');
             INSERT INTO data_element (id, code, programme, kind, value_type, entry_level, sort) VALUES (1, 'E', 'P', 'flow', 'count', 'commune', 0);`);
    db.exec(`INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (1, '2024-05', 1, 5, 1, 'a', 't1')`);
    db.exec(`UPDATE data_value SET value = 6, revision = 2, updated_at = 't2'`);
    expect(db.prepare('SELECT old_value, new_value, revision FROM audit ORDER BY revision').all()).toEqual([
      { old_value: null, new_value: 5, revision: 1 },
      { old_value: 5, new_value: 6, revision: 2 },
    ]);
    // A revision never goes back, and STRICT and CHECK constraints refuse what the app never writes.
    expect(() => db.exec(`UPDATE data_value SET value = 7, revision = 2`)).toThrow(/revision must grow/);
    expect(() => db.exec(`UPDATE data_value SET value = 'năm'`)).toThrow();
    expect(() => db.exec(`INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (1, '2024-5', 1, 1, 1, 'a', 't')`)).toThrow();
    expect(() => db.exec(`INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (9, '2024-06', 1, 1, 1, 'a', 't')`)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
