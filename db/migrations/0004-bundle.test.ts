import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-month-status';
import { updateToSchemaVersion3 } from './0003-month-lock';
import { updateToSchemaVersion4 } from './0004-bundle';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [updateToSchemaVersion1, updateToSchemaVersion2, updateToSchemaVersion3]) m(db);
  db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES ('D', 'Huyện', 'district', NULL, 0, 'x')").run();
});
afterEach(() => db.close());

describe('migration 4: sync bundle', () => {
  it('adds strict tables for sent and received revisions, trusted keys and the import log', () => {
    updateToSchemaVersion4(db);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'bundle_%'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['bundle_import', 'bundle_received', 'bundle_sent', 'bundle_trust']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    const sent = db.prepare("INSERT INTO bundle_sent VALUES (1, ?, ?, 'f.tkb', 'h', 'lan', 't')");
    sent.run('2024-05', 1);
    sent.run('2024-05', 2);
    expect(() => sent.run('2024-05', 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => sent.run('2024-5', 3)).toThrow(/CHECK/);
    expect(() => sent.run('2024-05', 0)).toThrow(/CHECK/);
  });

  it('never lets the accepted revision go back', () => {
    updateToSchemaVersion4(db);
    db.prepare("INSERT INTO bundle_received VALUES (1, '2024-05', 3, 'fp', 'h', 'an', 't')").run();
    expect(() => db.prepare('UPDATE bundle_received SET revision = 2').run()).toThrow(/must not go back/);
    db.prepare('UPDATE bundle_received SET revision = 4').run();
    expect(db.prepare('SELECT revision FROM bundle_received').get()).toEqual({ revision: 4 });
  });

  it('keeps the units of version 3, none of them marked as received', () => {
    updateToSchemaVersion4(db);
    expect(db.prepare('SELECT code, received_from FROM org_unit').all()).toEqual([{ code: 'D', received_from: null }]);
  });
});
