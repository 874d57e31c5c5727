// The first run's setup makes unit codes from names: whatever the names, every code is one the
// API takes and no two are the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argSchemas, CODE_MAX, type Envelope } from '../core/api';
import { Host } from './host';
import { codeFromName, communeCodes, unitCodes } from '../service/setup';

let dir: string;
let host: Host | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-setup-'));
});
afterEach(async () => {
  await host?.quit();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

function ok<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.key}: ${env.error.message}`);
  return env.value as T;
}

const LONG = 'Xã Hoằng Đức Thượng Hạ Đông Tây Nam Bắc Trung Tiền Hậu Tả Hữu Nội Ngoại Thượng Lưu Hạ Lưu Sông Núi Rừng Biển Đảo';

describe('setup codes', () => {
  it('keeps the short codes of ordinary names', () => {
    expect(unitCodes('Tỉnh Thanh Hóa', 'Huyện Hoằng Hóa')).toEqual({ province: 'THANH_HOA', district: 'THANH_HOA_HOANG_HOA' });
    expect(communeCodes('TH_HH', ['Xã Hoằng Đức', 'Thị trấn Bút Sơn', 'Xã Hoằng Đức'])).toEqual(['TH_HH_HOANG_DUC', 'TH_HH_BUT_SON', 'TH_HH_HOANG_DUC_2']);
    expect(codeFromName('123')).toBe('DV_123');
  });

  it('makes codes the API takes, all different, from the longest names the form accepts', async () => {
    const province = `Tỉnh ${'Thanh Hóa '.repeat(12)}`.slice(0, 120).trim();
    const unitName = `Huyện ${'Hoằng Hóa '.repeat(12)}`.slice(0, 120).trim();
    // 300 communes whose names differ only in their last characters (or not at all).
    const communes = Array.from({ length: 300 }, (_, i) => `${LONG} ${i % 150}`.slice(-120));
    host = new Host({ userData: join(dir, 'userData'), appVersion: 'test', now: () => new Date('2024-06-10T08:00:00') });
    host.start();
    const status = ok<{ homeUnit: string }>(
      await host.call('setup.createUnit', { province, unitName, communes, userName: 'Lan', directorName: 'An', directorTitle: 'Giám đốc' }),
    );
    const units = ok<{ code: string; level: string }[]>(await host.call('units.list', {}));
    expect(units).toHaveLength(302);
    expect(new Set(units.map((u) => u.code)).size).toBe(302);
    for (const u of units) {
      expect(u.code.length).toBeLessThanOrEqual(CODE_MAX);
      expect(argSchemas['values.get'].safeParse({ unit: u.code, period: '2024-05' }).success, u.code).toBe(true);
    }
    // And the API really takes them: a value saved and read back on the last commune, a plan on the district.
    const last = units.filter((u) => u.level === 'commune').at(-1)!.code;
    ok(await host.call('values.set', { unit: last, period: '2024-05', element: 'EPI_FULL_U1', value: 3 }));
    expect(ok<{ value: number }[]>(await host.call('values.get', { unit: last, period: '2024-05' }))).toMatchObject([{ value: 3 }]);
    const plans = `unit,year,element,target\n${status.homeUnit},2024,EPI_FULL_U1,100\n`;
    expect(ok(await host.call('plans.importCsvText', { text: plans, fileName: 'kh.csv' }))).toEqual({ count: 1 });
  });
});
