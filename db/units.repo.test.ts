import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallStore, tempDir, type TempDir } from '../test/helpers/fixture';
import { getFigures } from './figures.repo';
import type { Store } from './store';
import { mergeUnit, renameUnit } from './units.repo';
import { setValue } from './values.repo';

let tmp: TempDir;
let store: Store;
const now = new Date(2025, 6, 1);

beforeEach(() => {
  tmp = tempDir();
  store = smallStore(tmp.path('u.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

describe('org units change without losing history', () => {
  it('renames a unit: its code and values stay, the old name is in the history', () => {
    setValue(store, { unit: 'C1', period: '2024-05', element: 'TB_NEW_ALL', value: 2 }, 'lan', 'ui', now);
    renameUnit(store.db, 'C1', 'Xã Một Mới', 'lan', '2025-07');
    store.invalidateUnits();
    expect(store.unit('C1').name).toBe('Xã Một Mới');
    const history = store.db.prepare('SELECT change, old_value, new_value FROM org_unit_history').all();
    expect(history).toEqual([{ change: 'rename', old_value: 'Xã Một', new_value: 'Xã Một Mới' }]);
    expect(getFigures(store, 'D', '2024-05').figures.find((f) => f.element === 'TB_NEW_ALL')?.value).toBe(2);
  });

  it('merges a commune: its past values still count, it takes no new ones', () => {
    setValue(store, { unit: 'C1', period: '2025-05', element: 'TB_NEW_ALL', value: 2 }, 'lan', 'ui', now);
    setValue(store, { unit: 'C2', period: '2025-05', element: 'TB_NEW_ALL', value: 3 }, 'lan', 'ui', now);
    mergeUnit(store.db, 'C1', 'C2', '2025-07', 'lan');
    store.invalidateUnits();
    expect(store.unit('C1')).toMatchObject({ closedFrom: '2025-07', mergedInto: 'C2' });
    expect(getFigures(store, 'D', '2025-05').figures.find((f) => f.element === 'TB_NEW_ALL')?.value).toBe(5);
    expect(() => setValue(store, { unit: 'C1', period: '2025-07', element: 'TB_NEW_ALL', value: 1 }, 'lan', 'ui', now)).toThrow(/unitClosed/);
    expect(setValue(store, { unit: 'C1', period: '2025-06', element: 'TB_NEW_ALL', value: 1 }, 'lan', 'ui', now).changed).toBe(true);
  });
});
