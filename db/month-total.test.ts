// The kept month totals (db/figures.repo.ts, in SQLite's temp database) never change a figure: after every kind of change —
// a value set, cleared or moved to another month, a unit added or moved, a rate entered on
// the unit itself — the figures equal those of the grouped query alone (a read-only
// connection, which keeps nothing).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFigures } from './figures.repo';
import { openStore, type Store } from './store';
import { addUnits } from './units.repo';
import { setValue } from './values.repo';
import { smallStore, tempDir, type TempDir } from '../test/helpers/fixture';

let tmp: TempDir;
let store: Store;
const NOW = new Date(2025, 0, 15);

beforeEach(() => {
  tmp = tempDir('thongke-month-total-');
  store = smallStore(tmp.path('db.sqlite'));
  addUnits(store.db, [
    { code: 'D2', name: 'Huyện Hai', level: 'district', parent: 'P' },
    { code: 'C4', name: 'Xã Bốn', level: 'commune', parent: 'D2' },
  ]);
  store.invalidateUnits();
});
afterEach(() => {
  store.close();
  tmp.remove();
});

const set = (unit: string, period: string, element: string, value: number | null) => setValue(store, { unit, period, element, value }, 'lan', 'ui', NOW);
const kept = () =>
  store.db.prepare("SELECT 1 FROM sqlite_temp_master WHERE name = 'month_total_done'").get() === undefined
    ? 0
    : (store.db.prepare('SELECT count(*) AS n FROM temp.month_total_done').get() as { n: number }).n;

/** The figures through the kept totals, checked against the grouped query alone. */
function figures(unit: string, period: string) {
  const viaKept = getFigures(store, unit, period);
  const direct = openStore(store.file, { readonly: true });
  try {
    expect(viaKept).toEqual(getFigures(direct, unit, period));
  } finally {
    direct.close();
  }
  return new Map(viaKept.figures.map((f) => [f.element, f]));
}

describe('kept month totals', () => {
  it('keeps a month once computed and forgets it when one of its values changes', () => {
    set('C1', '2024-05', 'RH_LIVE_BIRTHS', 10);
    set('C4', '2024-05', 'RH_LIVE_BIRTHS', 5);
    set('C1', '2024-04', 'RH_LIVE_BIRTHS', 7);
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')).toMatchObject({ value: 15, ytd: 22 });
    const after = kept();
    expect(after).toBeGreaterThan(0);
    figures('P', '2024-05');
    expect(kept()).toBe(after);
    set('C4', '2024-05', 'RH_LIVE_BIRTHS', 6);
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')).toMatchObject({ value: 16, ytd: 23 });
    set('C4', '2024-05', 'RH_LIVE_BIRTHS', null);
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')).toMatchObject({ value: 10, ytd: 17 });
    store.db.prepare("DELETE FROM data_value WHERE period = '2024-04'").run();
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')).toMatchObject({ value: 10, ytd: 10 });
    store.db.prepare("UPDATE data_value SET period = '2024-03' WHERE period = '2024-05'").run();
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')).toMatchObject({ value: null, ytd: 10 });
  });

  it('forgets everything when the tree changes', () => {
    set('C1', '2024-05', 'RH_LIVE_BIRTHS', 10);
    set('C4', '2024-05', 'RH_LIVE_BIRTHS', 5);
    expect(figures('D', '2024-05').get('RH_LIVE_BIRTHS')!.value).toBe(10);
    expect(figures('D2', '2024-05').get('RH_LIVE_BIRTHS')!.value).toBe(5);
    // C1 moves to D2.
    store.db.prepare("UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = 'D2') WHERE code = 'C1'").run();
    store.invalidateUnits();
    expect(kept()).toBe(0);
    expect(figures('D', '2024-05').get('RH_LIVE_BIRTHS')!.value).toBeNull();
    expect(figures('D2', '2024-05').get('RH_LIVE_BIRTHS')!.value).toBe(15);
    addUnits(store.db, [{ code: 'C5', name: 'Xã Năm', level: 'commune', parent: 'D2' }]);
    store.invalidateUnits();
    expect(kept()).toBe(0);
  });

  it('a rate counts only the unit’s own value, kept or not', () => {
    set('D', '2024-05', 'SAN_LATRINE_PCT', 80);
    set('D2', '2024-05', 'SAN_LATRINE_PCT', 60);
    expect(figures('D', '2024-05').get('SAN_LATRINE_PCT')!.value).toBe(80);
    expect(figures('P', '2024-05').get('SAN_LATRINE_PCT')!.value).toBeNull();
  });

  it('forgets everything after another connection commits', () => {
    set('C1', '2024-05', 'RH_LIVE_BIRTHS', 10);
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')!.value).toBe(10);
    const other = openStore(store.file);
    try {
      setValue(other, { unit: 'C4', period: '2024-05', element: 'RH_LIVE_BIRTHS', value: 4 }, 'lan', 'ui', NOW);
    } finally {
      other.close();
    }
    expect(figures('P', '2024-05').get('RH_LIVE_BIRTHS')!.value).toBe(14);
  });

  it('reading figures leaves the database file byte for byte as it was', () => {
    set('C1', '2024-05', 'RH_LIVE_BIRTHS', 10);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const hash = () => createHash('sha256').update(readFileSync(store.file)).digest('hex');
    const before = hash();
    getFigures(store, 'P', '2024');
    getFigures(store, 'D', '2024-05');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(kept()).toBeGreaterThan(0);
    expect(hash()).toBe(before);
  });

  it('a read-only connection keeps nothing and writes nothing', () => {
    set('C1', '2024-05', 'RH_LIVE_BIRTHS', 10);
    const direct = openStore(store.file, { readonly: true });
    try {
      expect(getFigures(direct, 'P', '2024').figures.find((f) => f.element === 'RH_LIVE_BIRTHS')!.value).toBe(10);
    } finally {
      direct.close();
    }
    expect(kept()).toBe(0);
  });
});
