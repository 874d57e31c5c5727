// A district's merger travels up in its sync bundle: the province learns the new commune and the
// closed old ones, and refuses to restructure what it received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api';
import type { Store } from '../../db/store';
import { demoDistrict, emptyProvince, openAt, service } from '../bundle/fixtures';

const NOW = new Date('2025-08-10T08:00:00+07:00');
let dir: string;
let district: Store;
let province: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-units-bundle-'));
  demoDistrict(join(dir, 'd.sqlite'));
  emptyProvince(join(dir, 'p.sqlite'));
  district = openAt(join(dir, 'd.sqlite'));
  province = openAt(join(dir, 'p.sqlite'));
});
afterEach(() => {
  district.close();
  province.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a merger in a sync bundle', () => {
  it('reaches the province with the merge history; the province cannot restructure the sender’s units', async () => {
    const d = service(district, NOW);
    await d['units.merge']({ units: ['TH_HH_01', 'TH_HH_02'], into: 'TH_HH_MOI', name: 'Xã Hoằng Mới', from: '2025-07', keepSites: true });
    await d['values.set']({ unit: 'TH_HH_MOI', period: '2025-07', element: 'DIS_DIARRHOEA', value: 12 });
    const b = await d['bundle.export']({ unit: 'TH_HH', from: '2025-07' });
    const p = service(province, NOW);
    const r = (await p['bundle.import']({ files: [{ name: b.fileName, bytes: b.bytes }], trust: true })).files[0]!;
    expect(r.status).toBe('imported');
    expect(province.unit('TH_HH_MOI')).toMatchObject({ name: 'Xã Hoằng Mới', parent: 'TH_HH', receivedFrom: 'TH_HH' });
    expect(province.unit('TH_HH_01')).toMatchObject({ closedFrom: '2025-07', mergedInto: 'TH_HH_MOI' });
    const f = await p['figures.get']({ unit: 'TH_HH_MOI', period: '2025-07' });
    expect(f.figures.find((x) => x.element === 'DIS_DIARRHOEA')!.value).toBe(12);
    const changes = province.db
      .prepare("SELECT u.code, h.change FROM org_unit_history h JOIN org_unit u ON u.id = h.unit_id WHERE h.change = 'merge' ORDER BY u.code")
      .all();
    expect(changes).toEqual([
      { code: 'TH_HH_01', change: 'merge' },
      { code: 'TH_HH_02', change: 'merge' },
    ]);
    const refused = await dispatch(service(province, NOW), 'units.rename', { unit: 'TH_HH_MOI', name: 'Xã Khác', from: '2025-09' }, 'vi');
    expect(refused).toMatchObject({ ok: false, error: { key: 'units.received' } });
  });
});
