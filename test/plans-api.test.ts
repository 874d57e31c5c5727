// Plan targets through the API contract (plans.set): the same rules as values, all or nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../core/api';
import { createService } from '../export/service';
import { smallStore, snapshot, tempDir, type TempDir } from './helpers/fixture';
import { listPlans } from '../db/plans.repo';
import type { Store } from '../db/store';

let tmp: TempDir;
let store: Store;
const now = new Date(2024, 5, 10);

beforeEach(() => {
  tmp = tempDir();
  store = smallStore(tmp.path('huyen.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

const entry = (element: string, target: number | null, year = 2024) => ({ unit: 'D', year, element, target });

describe('plans.set', () => {
  it('refuses a target its element would refuse as a value, and changes nothing', async () => {
    const service = createService({ store, appVersion: 'test', now: () => now });
    expect((await dispatch(service, 'plans.set', { entries: [entry('EPI_FULL_U1', 3521)] }, 'vi')).ok).toBe(true);
    const before = snapshot(store);
    const cases: [ReturnType<typeof entry>, string][] = [
      [entry('SAN_LATRINE_PCT', 150), 'error.percentOutOfRange'],
      [entry('FP_SEX_RATIO', 110), 'error.derivedNoTarget'],
      [entry('EPI_FULL_U1', 3521.5), 'error.notAnInteger'],
      [entry('CUR_FEES', 0.5), 'error.notAnInteger'],
      [entry('EPI_FULL_U1', -1), 'error.negativeValue'],
      [entry('EPI_FULL_U1', 1e15), 'error.valueTooLarge'],
      [entry('NOPE', 1), 'error.unknownElement'],
      [{ ...entry('EPI_FULL_U1', 1), unit: 'XX' }, 'error.unknownUnit'],
      [entry('EPI_FULL_U1', 1, 1999), 'error.badArgument'],
      [entry('EPI_FULL_U1', 1, 0), 'error.badArgument'],
    ];
    for (const [bad, key] of cases) {
      // The bad entry comes after a good one: nothing of the call is saved.
      const env = await dispatch(service, 'plans.set', { entries: [entry('EPI_FULL_U1', 4000), bad] }, 'vi');
      expect(env.ok, key).toBe(false);
      if (!env.ok) expect(env.error.key).toBe(key);
    }
    expect(snapshot(store)).toBe(before);
    expect(listPlans(store, 'D', 2024).map((p) => p.target)).toEqual([3521]);
  });

  it('takes whole counts, money and percentages up to 100, and removes a target', async () => {
    const service = createService({ store, appVersion: 'test', now: () => now });
    const env = await dispatch(service, 'plans.set', { entries: [entry('EPI_FULL_U1', 3521), entry('CUR_FEES', 12_000_000), entry('SAN_LATRINE_PCT', 100), entry('RH_ANC_AVG', 4.5)] }, 'vi');
    expect(env).toEqual({ ok: true, value: { count: 4 } });
    // Removing a target is always allowed, even one a derived element should never have had.
    expect((await dispatch(service, 'plans.set', { entries: [entry('SAN_LATRINE_PCT', null), entry('FP_SEX_RATIO', null)] }, 'vi')).ok).toBe(true);
    expect(listPlans(store, 'D', 2024).map((p) => p.element).sort()).toEqual(['CUR_FEES', 'EPI_FULL_U1', 'RH_ANC_AVG']);
  });
});
