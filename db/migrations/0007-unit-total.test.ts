import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '.';

let db: Database.Database;

// Province 1 → districts 2, 3 → communes 4 (under 2) and 5 (under 3). One element, a flow.
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.slice(0, 6)) m(db);
  const unit = db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES (?, ?, ?, ?, 0, 'x')");
  unit.run('P', 'Tỉnh', 'province', null);
  unit.run('D', 'Huyện', 'district', 1);
  unit.run('D2', 'Huyện Hai', 'district', 1);
  unit.run('C', 'Xã', 'commune', 2);
  unit.run('C2', 'Xã Hai', 'commune', 3);
  db.prepare("INSERT INTO data_element (code, programme, kind, value_type, entry_level, sort) VALUES ('E', 'X', 'flow', 'count', 'commune', 0)").run();
  db.prepare("INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (4, '2024-05', 1, 3, 1, 'lan', 'x')").run();
});
afterEach(() => db.close());

const store = (unit: number, period: string, total = 1) => {
  db.prepare('INSERT OR IGNORE INTO unit_total_done (period, unit_id) VALUES (?, ?)').run(period, unit);
  db.prepare('INSERT OR REPLACE INTO unit_total (period, unit_id, element_id, total) VALUES (?, ?, 1, ?)').run(period, unit, total);
};
const storeAll = () => {
  for (const u of [1, 2, 3, 4, 5]) for (const p of ['2024-04', '2024-05']) store(u, p);
};
const done = () =>
  (db.prepare('SELECT period, unit_id FROM unit_total_done ORDER BY period, unit_id').all() as { period: string; unit_id: number }[]).map(
    (r) => `${r.unit_id}@${r.period}`,
  );
const totals = () => (db.prepare('SELECT count(*) AS n FROM unit_total').get() as { n: number }).n;
const setValue = (unit: number, period: string, value: number | null) =>
  db
    .prepare(
      `INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (?, ?, 1, ?, 1, 'lan', 'x')
       ON CONFLICT DO UPDATE SET value = excluded.value, revision = revision + 1`,
    )
    .run(unit, period, value);

describe('migration 7: stored unit totals', () => {
  it('adds two strict tables keyed by month, and keeps the data of version 6', () => {
    db.transaction(() => MIGRATIONS[6]!(db))();
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'unit_total%'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['unit_total', 'unit_total_done']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    expect(() => db.prepare("INSERT INTO unit_total VALUES ('2024-05', 1, 1, NULL)").run()).toThrow(/NOT NULL/);
    expect(() => db.prepare("INSERT INTO unit_total VALUES ('2024-05', 1, 1, 'x')").run()).toThrow(/cannot store/);
    expect(db.prepare('SELECT unit_id, value FROM data_value').all()).toEqual([{ unit_id: 4, value: 3 }]);
    expect(done()).toEqual([]);
  });

  it('a value written, cleared or deleted forgets its month for the unit and the units above it only', () => {
    MIGRATIONS[6]!(db);
    storeAll();
    setValue(4, '2024-05', 5);
    const rest = ['1@2024-04', '2@2024-04', '3@2024-04', '4@2024-04', '5@2024-04', '3@2024-05', '5@2024-05'];
    expect(done()).toEqual(rest);
    expect(totals()).toBe(7);
    storeAll();
    setValue(4, '2024-05', null);
    expect(done()).toEqual(rest);
    storeAll();
    db.prepare('DELETE FROM data_value').run();
    expect(done()).toEqual(rest);
    // A write to a month with nothing stored finds nothing to forget.
    setValue(5, '2024-06', 1);
    expect(done()).toEqual(rest);
  });

  it('an update forgets both the old and the new place of a value; a comment alone forgets nothing', () => {
    MIGRATIONS[6]!(db);
    storeAll();
    db.prepare("UPDATE data_value SET comment = 'ghi chú', revision = 2").run();
    expect(done()).toHaveLength(10);
    db.prepare("UPDATE data_value SET period = '2024-04', unit_id = 5, revision = 3").run();
    expect(done()).toEqual(['2@2024-04', '4@2024-04', '3@2024-05', '5@2024-05']);
    expect(totals()).toBe(4);
  });

  it('a value of a moved unit forgets the parent it had before the move too', () => {
    MIGRATIONS[6]!(db);
    // C (4) was under D2 (3) until 2024-06, under D (2) since.
    db.prepare("INSERT INTO org_unit_history (unit_id, change, old_value, new_value, effective_from, changed_by, changed_at) VALUES (4, 'move', 'D2', 'D', '2024-06', 'lan', 't')").run();
    storeAll();
    setValue(4, '2024-05', 5);
    expect(done()).toEqual(['1@2024-04', '2@2024-04', '3@2024-04', '4@2024-04', '5@2024-04', '5@2024-05']);
  });

  it('a change of the tree or of an element forgets everything; a new unit or a new name forgets nothing', () => {
    MIGRATIONS[6]!(db);
    const forgetsAll = (sql: string) => {
      storeAll();
      db.prepare(sql).run();
      return done().length === 0 && totals() === 0;
    };
    const keeps = (sql: string) => {
      db.exec('DELETE FROM unit_total_done; DELETE FROM unit_total;');
      storeAll();
      db.prepare(sql).run();
      return done().length === 10 && totals() === 10;
    };
    expect(keeps("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES ('C3', 'Xã Ba', 'commune', 2, 0, 'x')")).toBe(true);
    expect(keeps("UPDATE org_unit SET name = 'Huyện mới', sort = 3 WHERE id = 2")).toBe(true);
    expect(forgetsAll('UPDATE org_unit SET parent_id = 3 WHERE id = 4')).toBe(true);
    expect(forgetsAll("UPDATE org_unit SET closed_from = '2024-07' WHERE id = 5")).toBe(true);
    expect(forgetsAll("UPDATE org_unit SET merged_into_id = 4 WHERE id = 5")).toBe(true);
    expect(forgetsAll("UPDATE org_unit SET opened_from = '2024-01' WHERE id = 5")).toBe(true);
    expect(forgetsAll("UPDATE org_unit SET code = 'CX' WHERE id = 5")).toBe(true);
    expect(forgetsAll("DELETE FROM org_unit WHERE code = 'C3'")).toBe(true);
    expect(forgetsAll("INSERT INTO org_unit_history (unit_id, change, old_value, new_value, changed_by, changed_at) VALUES (2, 'rename', 'a', 'b', 'lan', 't')")).toBe(true);
    expect(forgetsAll("INSERT INTO data_element (code, programme, kind, value_type, entry_level, sort) VALUES ('E2', 'X', 'flow', 'count', 'commune', 1)")).toBe(true);
    expect(keeps("UPDATE data_element SET sort = 5 WHERE code = 'E2'")).toBe(true);
    expect(forgetsAll("UPDATE data_element SET kind = 'rate' WHERE code = 'E2'")).toBe(true);
    expect(forgetsAll("DELETE FROM data_element WHERE code = 'E2'")).toBe(true);
  });
});
