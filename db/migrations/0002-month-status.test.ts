import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-month-status';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  updateToSchemaVersion1(db);
  db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES ('D', 'Huyện', 'district', NULL, 0, 'x')").run();
});

afterEach(() => db.close());

describe('migration 2: month status', () => {
  it('adds a strict month_status table keyed by unit and month', () => {
    updateToSchemaVersion2(db);
    const insert = db.prepare('INSERT INTO month_status (unit_id, period, status, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(1, '2024-05', 'complete', 'lan', '2024-06-10T08:00:00.000Z');
    expect(db.prepare('SELECT status, explained_count FROM month_status').get()).toEqual({ status: 'complete', explained_count: 0 });
    expect(() => insert.run(1, '2024-05', 'open', 'lan', 'x')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(1, '2024-06', 'done', 'lan', 'x')).toThrow(/CHECK/);
    expect(() => insert.run(1, '2024-6', 'open', 'lan', 'x')).toThrow(/CHECK/);
    expect(() => insert.run(99, '2024-06', 'open', 'lan', 'x')).toThrow(/FOREIGN KEY/);
    // STRICT: a value of the wrong type is refused, not silently stored.
    expect(() => db.prepare("INSERT INTO month_status VALUES (1, '2024-07', 'open', 1.5, 'lan', 'x')").run()).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => insert.run(1, '2024-07', 'open', Buffer.from('lan'), 'x')).toThrow(/cannot store BLOB value in TEXT column/);
  });

  it('keeps the data of version 1', () => {
    db.prepare("INSERT INTO setting (key, value) VALUES ('unit.home', '\"D\"')").run();
    updateToSchemaVersion2(db);
    expect(db.prepare('SELECT value FROM setting').get()).toEqual({ value: '"D"' });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'month_status'").get()).toEqual({ n: 1 });
  });
});
