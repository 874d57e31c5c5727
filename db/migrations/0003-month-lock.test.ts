import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-month-status';
import { MONTH_LOCKED, updateToSchemaVersion3 } from './0003-month-lock';

let db: Database.Database;

// Province 1 → district 2 → commune 3; a sibling district 4.
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  updateToSchemaVersion1(db);
  updateToSchemaVersion2(db);
  const unit = db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES (?, ?, ?, ?, 0, 'x')");
  unit.run('P', 'Tỉnh', 'province', null);
  unit.run('D', 'Huyện', 'district', 1);
  unit.run('C', 'Xã', 'commune', 2);
  unit.run('D2', 'Huyện khác', 'district', 1);
  db.prepare("INSERT INTO data_element (code, programme, kind, value_type, entry_level, sort) VALUES ('E', 'X', 'flow', 'count', 'commune', 0)").run();
});

afterEach(() => db.close());

const setValue = (unit: number, period: string, value: number) =>
  db
    .prepare(
      `INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES (?, ?, 1, ?, 1, 'lan', 'x')
       ON CONFLICT DO UPDATE SET value = excluded.value, revision = revision + 1`,
    )
    .run(unit, period, value);
const complete = (unit: number, period: string, status = 'complete') =>
  db
    .prepare("INSERT INTO month_status (unit_id, period, status, changed_by, changed_at) VALUES (?, ?, ?, 'lan', 'x') ON CONFLICT DO UPDATE SET status = excluded.status")
    .run(unit, period, status);
const setNarrative = (unit: number, period: string, body: string) =>
  db
    .prepare("INSERT INTO narrative (unit_id, period, section, body, revision, updated_by, updated_at) VALUES (?, ?, 's', ?, 1, 'lan', 'x') ON CONFLICT DO UPDATE SET body = excluded.body")
    .run(unit, period, body);

describe('migration 3: a completed month is locked', () => {
  it('refuses every write to the month of a completed unit and of the units below it, until reopened', () => {
    setValue(3, '2024-05', 1);
    setNarrative(2, '2024-05', 'a');
    updateToSchemaVersion3(db);
    complete(2, '2024-05');
    // The commune's value rolls up into the completed district: insert, update and delete refused.
    expect(() => setValue(3, '2024-05', 2)).toThrow(MONTH_LOCKED);
    expect(() => setValue(2, '2024-05', 2)).toThrow(MONTH_LOCKED);
    expect(() => db.prepare("UPDATE data_value SET comment = 'x' WHERE unit_id = 3").run()).toThrow(MONTH_LOCKED);
    expect(() => db.prepare("UPDATE data_value SET period = '2024-04' WHERE unit_id = 3").run()).toThrow(MONTH_LOCKED);
    expect(() => db.prepare('DELETE FROM data_value WHERE unit_id = 3').run()).toThrow(MONTH_LOCKED);
    expect(() => setNarrative(2, '2024-05', 'b')).toThrow(MONTH_LOCKED);
    expect(() => setNarrative(3, '2024-05', 'b')).toThrow(MONTH_LOCKED);
    expect(db.prepare('SELECT value FROM data_value').all()).toEqual([{ value: 1 }]);
    // Other months, the parent and the sibling district stay open.
    setValue(3, '2024-04', 5);
    setValue(4, '2024-05', 5);
    setValue(1, '2024-05', 5);
    // Moving a value into a locked month is refused too.
    expect(() => db.prepare("UPDATE data_value SET period = '2024-05' WHERE unit_id = 3 AND period = '2024-04'").run()).toThrow(MONTH_LOCKED);
    complete(2, '2024-05', 'open');
    setValue(3, '2024-05', 2);
    setNarrative(2, '2024-05', 'b');
    expect(db.prepare("SELECT value FROM data_value WHERE unit_id = 3 AND period = '2024-05'").get()).toEqual({ value: 2 });
  });

  it('a province marked complete locks its whole tree for the month', () => {
    updateToSchemaVersion3(db);
    complete(1, '2024-05');
    expect(() => setValue(3, '2024-05', 1)).toThrow(MONTH_LOCKED);
    expect(() => setValue(4, '2024-05', 1)).toThrow(MONTH_LOCKED);
    setValue(3, '2024-06', 1);
  });

  it('keeps the data of version 2', () => {
    setValue(3, '2024-05', 7);
    complete(2, '2024-05');
    updateToSchemaVersion3(db);
    expect(db.prepare('SELECT value FROM data_value').get()).toEqual({ value: 7 });
    expect(db.prepare('SELECT status FROM month_status').get()).toEqual({ status: 'complete' });
  });
});
