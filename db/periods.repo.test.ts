import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallStore, tempDir, type TempDir } from '../test/helpers/fixture';
import { latestPeriod } from './periods.repo';
import type { Store } from './store';
import { setValues } from './values.repo';

let tmp: TempDir;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = smallStore(tmp.path('db.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

const now = new Date('2024-12-20T08:00:00');
const put = (unit: string, period: string, value: number | null) =>
  setValues(store, [{ unit, period, element: 'EPI_FULL_U1', value }], 'test', 'ui', now);

describe('latestPeriod', () => {
  it('is null without data, then the newest month in the subtree', () => {
    expect(latestPeriod(store, 'D')).toBeNull();
    put('C1', '2024-04', 3);
    put('C2', '2024-09', 4);
    expect(latestPeriod(store, 'D')).toBe('2024-09');
    expect(latestPeriod(store, 'P')).toBe('2024-09');
    expect(latestPeriod(store, 'C1')).toBe('2024-04');
    expect(latestPeriod(store, 'C3')).toBeNull();
  });

  it('does not count a cleared value', () => {
    put('C1', '2024-04', 3);
    put('C1', '2024-10', 5);
    put('C1', '2024-10', null);
    expect(latestPeriod(store, 'D')).toBe('2024-04');
  });

  it('refuses an unknown unit', () => {
    expect(() => latestPeriod(store, 'NOPE')).toThrow();
  });
});
