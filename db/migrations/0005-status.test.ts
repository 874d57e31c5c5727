import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { updateToSchemaVersion5 } from './0005-status';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.slice(0, 4)) m(db);
  db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES ('D', 'Huyện', 'district', NULL, 0, 'x')").run();
  db.prepare("INSERT INTO bundle_received VALUES (1, '2024-05', 3, 'fp', 'h', 'an', '2024-06-20T02:00:00Z')").run();
});
afterEach(() => db.close());

describe('migration 5: reporting status', () => {
  it('keeps received rows (send time unknown) and units (not registered)', () => {
    updateToSchemaVersion5(db);
    expect(db.prepare('SELECT revision, sent_at, first_sent_at, first_received_at, unexplained FROM bundle_received').get()).toEqual({
      revision: 3, sent_at: null, first_sent_at: null, first_received_at: null, unexplained: null,
    });
    expect(db.prepare('SELECT registered_at FROM org_unit').get()).toEqual({ registered_at: null });
    expect(() => db.prepare('UPDATE bundle_received SET unexplained = -1').run()).toThrow(/CHECK/);
    expect(MIGRATIONS[4]).toBe(updateToSchemaVersion5);
  });
});
