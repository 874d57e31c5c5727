// `entry.progress` on a real SQLite file (the small district of test/e2e/fixture-db.ts: three
// communes, the district and a facility), through the contract's dispatch, with a test clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type EntryProgress } from '../core/api';
import { takesEntry } from '../core/catalogue';
import { setSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { setValues } from '../db/values.repo';
import { fixtureStore } from '../test/e2e/fixture-db';
import { createService } from './index';
import { daysUntil } from './entry';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-progress-'));
  store = fixtureStore(join(dir, 'd.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const vn = (local: string) => new Date(`${local}+07:00`);

async function progress(now: Date, unit = 'D', period = '2024-05'): Promise<EntryProgress> {
  const r = await dispatch(createService({ store, now: () => now }), 'entry.progress', { unit, period }, 'vi');
  if (!r.ok) throw new Error(r.error.message);
  return r.value as EntryProgress;
}

describe('entry.progress', () => {
  it('counts filled / expected cells per programme and per unit by the grid’s entry rule', async () => {
    const p = await progress(vn('2024-06-07T09:00:00'));
    const els = store.catalogue.elements;
    const communeCells = els.filter((e) => takesEntry(e, 'commune')).length;
    const districtCells = els.filter((e) => takesEntry(e, 'district')).length;
    // The district takes district-level elements (once, its facility's included); the three communes the others.
    expect(p.units.map((u) => [u.unit, u.filled, u.expected])).toEqual([
      ['D', 0, districtCells],
      ['C1', 1, communeCells],
      ['C2', 1, communeCells],
      ['C3', 1, communeCells],
    ]);
    expect(p.total).toEqual({ filled: 3, expected: 3 * communeCells + districtCells });
    const epi = p.programmes.find((x) => x.programme === 'EPI')!;
    expect(epi).toEqual({ programme: 'EPI', filled: 3, expected: 3 * els.filter((e) => e.programme === 'EPI' && takesEntry(e, 'commune')).length });
    // Every programme, in report order.
    expect(p.programmes.map((x) => x.programme)).toEqual(store.catalogue.programmes.map((x) => x.code));
    expect(p.programmes.reduce((s, x) => s + x.expected, 0)).toBe(p.total.expected);
  });

  it('a cleared value is not filled; a district-level value counts once, on the district row, whether the district or its facility holds it', async () => {
    setValues(
      store,
      [
        { unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: null },
        { unit: 'D', period: '2024-05', element: 'ST_CENTRE_TOTAL', value: 41 },
        { unit: 'F1', period: '2024-05', element: 'ST_CENTRE_TOTAL', value: 2 },
        { unit: 'F1', period: '2024-05', element: 'ST_CENTRE_PERMANENT', value: 2 },
      ],
      'test',
      'ui',
      new Date('2024-06-10T08:00:00Z'),
    );
    const p = await progress(vn('2024-06-07T09:00:00'));
    expect(p.units.find((u) => u.unit === 'C2')!.filled).toBe(0);
    expect(p.programmes.find((x) => x.programme === 'EPI')!.filled).toBe(2);
    expect(p.units.find((u) => u.unit === 'D')!.filled).toBe(2);
    expect(p.units.some((u) => u.unit === 'F1')).toBe(false);
    expect(p.programmes.find((x) => x.programme === 'STAFFING')!.filled).toBe(2);
  });

  it('the deadline follows the setting the province uses, with days left on Vietnam’s calendar', async () => {
    let p = await progress(vn('2024-06-07T09:00:00'));
    expect(p.deadline).toMatchObject({ rule: { rule: 'dayOfNextMonth', day: 12 }, date: '2024-06-12', daysLeft: 5 });
    expect(p.deadline.ruleText).toMatch(/12/);
    // 23:30 on the 12th in Hà Nội is still the 12th (16:30 UTC); 00:30 on the 13th is past it.
    expect((await progress(vn('2024-06-12T23:30:00'))).deadline.daysLeft).toBe(0);
    expect((await progress(vn('2024-06-13T00:30:00'))).deadline.daysLeft).toBe(-1);
    expect((await progress(vn('2024-06-14T10:00:00'))).deadline.daysLeft).toBe(-2);
    setSetting(store, 'status.deadline', { rule: 'workingDays', days: 5 });
    p = await progress(vn('2024-06-03T09:00:00'));
    // June 2024: the 1st is a Saturday; five working days end on Friday the 7th.
    expect(p.deadline).toMatchObject({ rule: { rule: 'workingDays', days: 5 }, date: '2024-06-07', daysLeft: 4 });
  });

  it('counts as the month’s checks count completeness (the footer under the grid)', async () => {
    const p = await progress(vn('2024-06-07T09:00:00'));
    const r = await dispatch(createService({ store }), 'quality.validate', { unit: 'D', period: '2024-05' }, 'vi');
    if (!r.ok) throw new Error(r.error.message);
    const c = (r.value as { completeness: { filled: number; expected: number; byUnit: { unit: string; filled: number; expected: number }[] } }).completeness;
    expect(p.total).toEqual({ filled: c.filled, expected: c.expected });
    expect(p.units.map((u) => [u.unit, u.filled, u.expected])).toEqual(c.byUnit.map((u) => [u.unit, u.filled, u.expected]));
  });

  it('a commune counts only itself; an unknown unit is a sentence', async () => {
    const p = await progress(vn('2024-06-07T09:00:00'), 'C1');
    expect(p.units.map((u) => u.unit)).toEqual(['C1']);
    const r = await dispatch(createService({ store }), 'entry.progress', { unit: 'NOPE', period: '2024-05' }, 'vi');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/NOPE/);
  });

  it('daysUntil counts calendar days', () => {
    expect(daysUntil('2024-06-12', new Date('2024-06-11T17:00:00Z'))).toBe(0);
    expect(daysUntil('2024-06-12', new Date('2024-06-11T16:59:59Z'))).toBe(1);
  });
});
