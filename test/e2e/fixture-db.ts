// Small databases for the shell's tests, until and beside the demo district: a province,
// a district, three communes, a facility and a few values for May 2024.
import { openStore, type Store } from '../../db/store';
import { addUnits } from '../../db/units.repo';
import { setSetting } from '../../db/settings.repo';
import { setValues } from '../../db/values.repo';

export const FIXTURE_UNITS = [
  { code: 'P', name: 'Tỉnh Mẫu', level: 'province', parent: null },
  { code: 'D', name: 'Huyện Mẫu', level: 'district', parent: 'P' },
  { code: 'C1', name: 'Xã Một', level: 'commune', parent: 'D' },
  { code: 'C2', name: 'Xã Hai', level: 'commune', parent: 'D' },
  { code: 'C3', name: 'Thị trấn Ba', level: 'commune', parent: 'D' },
  { code: 'F1', name: 'Phòng khám đa khoa khu vực', level: 'facility', parent: 'D' },
] as const;

/** Writes the small district to `file` (created) and closes it. */
export function writeFixtureDatabase(file: string): void {
  const store = fixtureStore(file);
  store.close();
}

/** The small district, open. */
export function fixtureStore(file: string): Store {
  const store = openStore(file, { create: true });
  addUnits(store.db, FIXTURE_UNITS.map((u) => ({ ...u })));
  store.invalidateUnits();
  setSetting(store, 'unit.home', 'D');
  setSetting(store, 'user.name', 'Nguyễn Thị Thống Kê');
  const now = new Date('2024-06-10T08:00:00Z');
  setValues(
    store,
    [
      { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 12 },
      { unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: 9 },
      { unit: 'C3', period: '2024-05', element: 'EPI_FULL_U1', value: 7 },
      { unit: 'C1', period: '2024-04', element: 'EPI_FULL_U1', value: 10 },
    ],
    'fixture',
    'demo',
    now,
  );
  return store;
}
