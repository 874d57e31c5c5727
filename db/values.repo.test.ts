import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { getFigures } from './figures.repo';
import { setPlans } from './plans.repo';
import { openStore, type Store } from './store';
import { addUnits } from './units.repo';
import { getUnitsValues, getValues, setValue, setValues, valueHistory } from './values.repo';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-'));
  store = openStore(join(dir, 'test.sqlite'), { create: true });
  addUnits(store.db, [
    { code: 'P', name: 'Tỉnh', level: 'province', parent: null },
    { code: 'D', name: 'Huyện', level: 'district', parent: 'P' },
    { code: 'C1', name: 'Xã 1', level: 'commune', parent: 'D' },
    { code: 'C2', name: 'Xã 2', level: 'commune', parent: 'D' },
  ]);
  store.invalidateUnits();
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = new Date(2024, 5, 10);

describe('values', () => {
  it('sets, revises and audits a value', () => {
    const a = setValue(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 10 }, 'lan', 'ui', now);
    expect(a).toMatchObject({ value: 10, revision: 1, changed: true });
    const b = setValue(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 }, 'lan', 'ui', now);
    expect(b).toMatchObject({ value: 12, revision: 2, changed: true });
    const same = setValue(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 }, 'lan', 'ui', now);
    expect(same).toMatchObject({ revision: 2, changed: false });
    const cleared = setValue(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: null }, 'lan', 'ui', now);
    expect(cleared).toMatchObject({ value: null, revision: 3, changed: true });
    const history = valueHistory(store, 'C1', '2024-05', 'EPI_FULL_U1');
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([[12, null], [10, 12], [null, 10]]);
  });

  it('refuses bad values and leaves the data as it was', () => {
    setValue(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 10 }, 'lan', 'ui', now);
    const bad = [
      { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: -1 },
      { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 1.5 },
      { unit: 'C1', period: '2024-07', element: 'EPI_FULL_U1', value: 1 },
      { unit: 'C1', period: '2024-5', element: 'EPI_FULL_U1', value: 1 },
      { unit: 'XX', period: '2024-05', element: 'EPI_FULL_U1', value: 1 },
      { unit: 'C1', period: '2024-05', element: 'NOPE', value: 1 },
      { unit: 'C1', period: '2024-05', element: 'FP_SEX_RATIO', value: 1 },
      { unit: 'D', period: '2024-05', element: 'EPI_FULL_U1', value: 1 },
      { unit: 'C1', period: '2024-05', element: 'SAN_LATRINE_PCT', value: 1 },
    ];
    for (const b of bad) expect(() => setValue(store, b, 'lan', 'ui', now)).toThrow(UserError);
    expect(() => setValues(store, [{ unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: 3 }, bad[0]!], 'lan', 'ui', now)).toThrow(UserError);
    expect(getValues(store, 'D', '2024-05').map((v) => [v.unit, v.value])).toEqual([['C1', 10]]);
  });

  it('reads the listed units’ own values of a month in one call, and refuses an unknown unit', () => {
    setValue(store, { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 10 }, 'lan', 'ui', now);
    setValue(store, { unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: 20 }, 'lan', 'ui', now);
    setValue(store, { unit: 'C2', period: '2024-04', element: 'EPI_FULL_U1', value: 7 }, 'lan', 'ui', now);
    const sorted = (vs: { unit: string; value: number | null }[]) => vs.map((v) => [v.unit, v.value]).sort();
    expect(sorted(getUnitsValues(store, ['C1', 'C2'], '2024-05'))).toEqual([['C1', 10], ['C2', 20]]);
    // The same rows as one values.get per unit (the district's own: none; not its subtree's).
    expect(sorted(getUnitsValues(store, ['D', 'C2', 'C2'], '2024-05'))).toEqual([['C2', 20]]);
    expect(getUnitsValues(store, ['C2'], '2024-04').map((v) => v.value)).toEqual([7]);
    expect(() => getUnitsValues(store, ['C1', 'XX'], '2024-05')).toThrow(UserError);
  });

  it('aggregates figures by kind, with year-to-date, plan and last year', () => {
    const set = (unit: string, period: string, element: string, value: number) =>
      setValue(store, { unit, period, element, value }, 'lan', 'ui', now);
    set('C1', '2024-04', 'EPI_FULL_U1', 5);
    set('C1', '2024-05', 'EPI_FULL_U1', 10);
    set('C2', '2024-05', 'EPI_FULL_U1', 20);
    set('C1', '2023-05', 'EPI_FULL_U1', 7);
    set('C1', '2024-04', 'HIV_LIVING', 100);
    set('C1', '2024-05', 'HIV_LIVING', 101);
    set('C2', '2024-05', 'HIV_LIVING', 50);
    set('C1', '2024-05', 'FP_BIRTHS_BOYS', 140);
    set('C2', '2024-05', 'FP_BIRTHS_GIRLS', 118);
    set('D', '2024-05', 'SAN_LATRINE_PCT', 92.3);
    setPlans(store, [{ unit: 'D', year: 2024, element: 'EPI_FULL_U1', target: 300 }], 'lan', now);
    const f = new Map(getFigures(store, 'D', '2024-05').figures.map((x) => [x.element, x]));
    expect(f.get('EPI_FULL_U1')).toMatchObject({ value: 30, ytd: 35, plan: 300, pctOfPlan: 10, lastYear: 7 });
    expect(f.get('HIV_LIVING')).toMatchObject({ value: 151, ytd: 151 });
    expect(f.get('FP_SEX_RATIO')?.value).toBeCloseTo(118.64, 2);
    expect(f.get('SAN_LATRINE_PCT')?.value).toBe(92.3);
    expect(f.get('TB_NEW_ALL')).toMatchObject({ value: null, ytd: null, pctOfPlan: null });
    const p = new Map(getFigures(store, 'P', '2024-05').figures.map((x) => [x.element, x]));
    expect(p.get('SAN_LATRINE_PCT')?.value).toBeNull();
    expect(p.get('EPI_FULL_U1')?.plan).toBe(300);
  });
});
