// Small real databases for tests: a province, a district, three communes and a facility.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../db/store';
import { addUnits } from '../../db/units.repo';

export interface TempDir {
  dir: string;
  path: (name: string) => string;
  remove: () => void;
}

export function tempDir(prefix = 'thongke-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const SMALL_UNITS = [
  { code: 'P', name: 'Tỉnh mẫu', level: 'province', parent: null },
  { code: 'D', name: 'Huyện mẫu', level: 'district', parent: 'P' },
  { code: 'C1', name: 'Xã Một', level: 'commune', parent: 'D' },
  { code: 'C2', name: 'Xã Hai', level: 'commune', parent: 'D' },
  { code: 'C3', name: 'Thị trấn Ba', level: 'commune', parent: 'D' },
  { code: 'F1', name: 'Phòng khám đa khoa', level: 'facility', parent: 'D' },
] as const;

/** Creates a database file with the small tree; returns it open. */
export function smallStore(file: string): Store {
  const store = openStore(file, { create: true });
  addUnits(store.db, SMALL_UNITS.map((u) => ({ ...u })));
  store.invalidateUnits();
  return store;
}

/** Every row of the tables that hold user data, for "unchanged" assertions. */
export function snapshot(store: Store): string {
  const tables = ['org_unit', 'data_value', 'audit', 'plan_target', 'narrative', 'setting'];
  return JSON.stringify(tables.map((t) => store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
}

/**
 * A new small-tree database for each test of the file (beforeEach/afterEach registered here),
 * closed and removed after it; `store()` is the current test's.
 */
export function smallStoreEachTest(file = 'huyen.sqlite'): { store: () => Store } {
  let tmp: TempDir | null = null;
  let current: Store | null = null;
  beforeEach(() => {
    tmp = tempDir();
    current = smallStore(tmp.path(file));
  });
  afterEach(() => {
    current?.close();
    tmp?.remove();
    current = null;
    tmp = null;
  });
  return {
    store: () => {
      if (!current) throw new Error('smallStoreEachTest: no test is running');
      return current;
    },
  };
}
