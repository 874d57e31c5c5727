// The provincial office's reporting status on real files: district databases export signed
// bundles at chosen clocks, a province database registers its districts and imports them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type BundleExportResult, type StatusResult } from '../../core/api';
import { decodeBundle, encodeBundle, type BundleKey } from '../../export/bundle/format';
import type { BundleContent } from '../../core/bundle';
import { setSetting } from '../../db/settings.repo';
import type { Store } from '../../db/store';
import { demoDistrict, emptyProvince, fileState, newKey, openAt, renamedBundle, service } from '../bundle/fixtures';

let dir: string;
let district: Store;
let province: Store;
const pFile = () => join(dir, 'province.sqlite');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-status-'));
  demoDistrict(join(dir, 'district.sqlite'));
  emptyProvince(pFile());
  district = openAt(join(dir, 'district.sqlite'));
  province = openAt(pFile());
});
afterEach(() => {
  district.close();
  province.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A moment in Vietnam's time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

const exportAt = (period: string, at: Date): Promise<BundleExportResult> => Promise.resolve(service(district, at)['bundle.export']({ unit: 'TH_HH', from: period }));

async function importAt(b: { fileName: string; bytes: Uint8Array }, at: Date) {
  const r = (await service(province, at)['bundle.import']({ files: [{ name: b.fileName, bytes: b.bytes }], trust: true })).files[0]!;
  expect(r.status, r.message).toBe('imported');
  return r;
}

/** The same bundle, as another district (its own key) that signed it at `created`. */
function asDistrict(bytes: Uint8Array, code: string, name: string, key: BundleKey, created?: Date): { fileName: string; bytes: Uint8Array } {
  let out = renamedBundle(bytes, code, name, key);
  if (created) {
    const { header, content } = decodeBundle(out);
    const { format: _f, key: _k, content: _c, ...rest } = header;
    out = encodeBundle({ ...rest, created: created.toISOString() }, content as BundleContent, key);
  }
  return { fileName: `${code}.tkb`, bytes: out };
}

const REGISTER = [
  'code,name,level,parent',
  'TH_HH,Huyện Hoằng Hóa,district,TH',
  'TH_QX,Huyện Quảng Xương,district,TH',
  'TH_NS,Huyện Nông Cống,district,TH',
].join('\n');

const status = async (at: Date, year: number, month?: number): Promise<StatusResult> =>
  service(province, at)['status.get']({ year, ...(month ? { month } : {}) });
const cell = (r: StatusResult, unit: string, period: string) => r.units.find((u) => u.unit === unit)!.months.find((m) => m.period === period)!;

describe('reporting status', () => {
  it('judges on the signed send time: on time, late, missing, not yet due; totals as reporting rates', async () => {
    const hhName = district.unit('TH_HH').name;
    await service(province)['units.importCsvText']({ text: REGISTER.replace('Huyện Hoằng Hóa', hhName), fileName: 'units.csv' });
    // Hoằng Hóa: April sent on 11/05 (on time), received on 20/06 (the stick travelled);
    // May sent on 13/06 at 00:30 (late: the 12th ended half an hour before).
    const april = await exportAt('2024-04', vn('2024-05-11T16:00:00'));
    const may = await exportAt('2024-05', vn('2024-06-13T00:30:00'));
    await importAt(april, vn('2024-06-20T09:00:00'));
    await importAt(may, vn('2024-06-20T09:05:00'));
    // Quảng Xương: April signed at 23:59 on the 12th: on time.
    const qx = asDistrict(april.bytes, 'TH_QX', 'Huyện Quảng Xương', newKey(), vn('2024-05-12T23:59:00'));
    await importAt(qx, vn('2024-06-20T10:00:00'));

    const r = await status(vn('2024-06-20T12:00:00'), 2024);
    expect(r.home).toBe('TH');
    expect(r.ruleText).toMatch(/ngày 12 của tháng sau/);
    expect(r.units.map((u) => u.unit)).toEqual(['TH_HH', 'TH_QX', 'TH_NS']);
    expect(r.units.every((u) => u.registered)).toBe(true);
    const a = cell(r, 'TH_HH', '2024-04');
    expect(a).toMatchObject({ state: 'on-time', label: 'Đúng hạn', deadline: '2024-05-12', revision: 1, sentAt: vn('2024-05-11T16:00:00').toISOString() });
    expect(a.receivedAt).toBe(vn('2024-06-20T09:00:00').toISOString());
    expect(a.complete).toBe(false);
    expect(typeof a.unexplained).toBe('number');
    expect(cell(r, 'TH_HH', '2024-05')).toMatchObject({ state: 'late', label: 'Muộn', revision: 1 });
    expect(cell(r, 'TH_QX', '2024-04').state).toBe('on-time');
    expect(cell(r, 'TH_QX', '2024-05').state).toBe('missing');
    expect(cell(r, 'TH_NS', '2024-04')).toMatchObject({ state: 'missing', revision: null, sentAt: null, receivedAt: null, complete: null });
    // June is due on 12/07: not yet due on 20/06; so is every later month.
    expect(cell(r, 'TH_NS', '2024-06').state).toBe('not-due');
    expect(cell(r, 'TH_NS', '2024-12').state).toBe('not-due');
    const april_ = r.totals.find((t) => t.period === '2024-04')!;
    expect(april_).toMatchObject({ expected: 3, received: 2, onTime: 2, late: 0, missing: 1, reportingRate: 66.7, onTimeRate: 66.7 });
    expect(r.totals.find((t) => t.period === '2024-05')).toMatchObject({ expected: 3, received: 1, onTime: 0, late: 1, missing: 2, reportingRate: 33.3, onTimeRate: 0 });
    expect(r.totals.find((t) => t.period === '2024-06')).toMatchObject({ expected: 3, received: 0, notDue: 3 });

    // A correction of April sent late does not make April late; its own send time is shown.
    const april2 = await exportAt('2024-04', vn('2024-06-25T08:00:00'));
    await importAt(april2, vn('2024-06-26T08:00:00'));
    const r2 = await status(vn('2024-06-26T12:00:00'), 2024, 4);
    expect(r2.totals).toHaveLength(1);
    expect(cell(r2, 'TH_HH', '2024-04')).toMatchObject({
      state: 'on-time', revision: 2, sentAt: vn('2024-05-11T16:00:00').toISOString(), lastSentAt: vn('2024-06-25T08:00:00').toISOString(),
    });
  });

  it('another day, or working days across 30/4 and Tết, as a typed setting', async () => {
    await service(province)['units.importCsvText']({ text: REGISTER, fileName: 'units.csv' });
    const set = (value: unknown) => dispatch(service(province), 'settings.set', { key: 'status.deadline', value }, 'vi');
    expect((await set({ rule: 'dayOfNextMonth', day: 40 })).ok).toBe(false);
    expect((await set({ rule: 'weekly' })).ok).toBe(false);
    expect((await set({ rule: 'dayOfNextMonth', day: 5 })).ok).toBe(true);
    expect((await status(vn('2024-06-20T12:00:00'), 2024, 5)).totals[0]!.deadline).toBe('2024-06-05');
    // 3 working days after April 2024: 01/05 is a holiday, 02/05 and 03/05, then Saturday 04/05 worked in exchange for 29/04.
    setSetting(province, 'status.deadline', { rule: 'workingDays', days: 3 });
    const april = await status(vn('2024-05-04T12:00:00'), 2024, 4);
    expect(april.totals[0]!.deadline).toBe('2024-05-04');
    expect(april.ruleText).toMatch(/3 ngày làm việc/);
    expect(april.units[0]!.months[0]!.state).toBe('not-due');
    expect((await status(vn('2024-05-05T00:00:01'), 2024, 4)).units[0]!.months[0]!.state).toBe('missing');
    // 5 working days after January 2025: Tết ran to 02/02, so 03/02 … 07/02.
    setSetting(province, 'status.deadline', { rule: 'workingDays', days: 5 });
    expect((await status(vn('2025-02-01T12:00:00'), 2025, 1)).totals[0]!.deadline).toBe('2025-02-07');
    // No holiday list for 2030: weekends only, and said.
    const far = await status(vn('2030-02-01T12:00:00'), 2030, 1);
    expect(far.warnings.join(' ')).toMatch(/2030/);
  });

  it('lists units learned from bundles too, without closed ones, and refuses without a home unit', async () => {
    const april = await exportAt('2024-04', vn('2024-05-02T08:00:00'));
    await importAt(april, vn('2024-05-03T08:00:00'));
    const r = await status(vn('2024-05-20T12:00:00'), 2024, 4);
    expect(r.units).toHaveLength(1);
    expect(r.units[0]).toMatchObject({ unit: 'TH_HH', registered: false });
    province.db.prepare("UPDATE org_unit SET closed_from = '2024-04' WHERE code = 'TH_HH'").run();
    province.invalidateUnits();
    expect((await status(vn('2024-05-20T12:00:00'), 2024, 4)).totals[0]!.expected).toBe(0);
    const other = join(dir, 'plain.sqlite');
    demoDistrict(other);
    const plain = openAt(other);
    try {
      plain.db.prepare("DELETE FROM setting WHERE key = 'unit.home'").run();
      const e = await dispatch(service(plain), 'status.get', { year: 2024 }, 'vi');
      expect(e.ok).toBe(false);
      if (!e.ok) expect(e.error.message).toMatch(/unit.home/);
    } finally {
      plain.close();
    }
  });

  it("keeps the bundle's unexplained count; a month received before version 5 is judged on its receive time", async () => {
    const april = await exportAt('2024-04', vn('2024-05-02T08:00:00'));
    const sent = decodeBundle(april.bytes);
    const count = (sent.content as BundleContent).months[0]!.validation.unexplainedHigh;
    await importAt(april, vn('2024-05-20T08:00:00'));
    expect(cell(await status(vn('2024-05-21T08:00:00'), 2024, 4), 'TH_HH', '2024-04')).toMatchObject({ state: 'on-time', unexplained: count });
    // As migration 5 leaves a row accepted before it: no send time kept.
    province.db.prepare('UPDATE bundle_received SET sent_at = NULL, first_sent_at = NULL, first_received_at = NULL, unexplained = NULL').run();
    expect(cell(await status(vn('2024-05-21T08:00:00'), 2024, 4), 'TH_HH', '2024-04')).toMatchObject({
      state: 'late', sentAt: null, receivedAt: vn('2024-05-20T08:00:00').toISOString(), unexplained: null,
    });
  });

  it('reminders: missing and late units of a month as text to paste', async () => {
    await service(province)['units.importCsvText']({ text: REGISTER, fileName: 'units.csv' });
    const may = await exportAt('2024-05', vn('2024-06-14T08:00:00'));
    await importAt(may, vn('2024-06-14T09:00:00'));
    const r = await service(province, vn('2024-06-15T08:00:00'))['status.reminders']({ year: 2024, month: 5 });
    expect(r.missing.map((u) => u.unit)).toEqual(['TH_QX', 'TH_NS']);
    expect(r.late.map((u) => u.unit)).toEqual(['TH_HH']);
    expect(r.text).toContain('Kính gửi các đơn vị');
    expect(r.text).toContain('tháng 5/2024 (hạn 12/06/2024)');
    expect(r.text).toContain('- Huyện Quảng Xương');
    expect(r.text).toContain('gửi lúc 14/06/2024 08:00');
    expect(r.text).toContain('1/3 (33,3%)');
    expect(r.text).not.toMatch(/TH_QX|on-time|missing/);
    const en = await service(province, vn('2024-06-15T08:00:00'))['status.reminders']({ year: 2024, month: 5, lang: 'en' });
    expect(en.text).toContain('Dear colleagues');
    // June is not due yet: nobody to remind.
    const none = await service(province, vn('2024-06-15T08:00:00'))['status.reminders']({ year: 2024, month: 6 });
    expect(none).toMatchObject({ missing: [], late: [], text: '' });
  });
});

describe('a registered unit and its bundle', () => {
  it('shows a different name or parent as a warning in the dry run and keeps the registered ones', async () => {
    await service(province)['units.importCsvText']({
      text: 'code,name,level,parent\nTH_X,Khu vực X,district,TH\nTH_HH,Huyện Hoằng Hoá (đăng ký),district,TH_X\n',
      fileName: 'u.csv',
    });
    const april = await exportAt('2024-04', vn('2024-05-02T08:00:00'));
    const before = fileState(pFile());
    const dry = (await service(province, vn('2024-05-03T08:00:00'))['bundle.import']({ files: [{ name: april.fileName, bytes: april.bytes }], trust: true, dryRun: true })).files[0]!;
    expect(dry.status).toBe('dryRun');
    expect(fileState(pFile())).toBe(before);
    const keys = dry.warnings.map((w) => w.key);
    expect(keys).toContain('bundle.warn.registeredName');
    const msg = dry.warnings.find((w) => w.key === 'bundle.warn.registeredName')!.message;
    expect(msg).toContain(district.unit('TH_HH').name);
    expect(msg).toContain('Huyện Hoằng Hoá (đăng ký)');
    const done = await importAt(april, vn('2024-05-03T08:00:00'));
    expect(done.warnings.map((w) => w.key)).toContain('bundle.warn.registeredName');
    province.invalidateUnits();
    expect(province.unit('TH_HH')).toMatchObject({ name: 'Huyện Hoằng Hoá (đăng ký)', parent: 'TH_X' });
  });

  it('a bundle whose parent differs from the registered one is warned about', async () => {
    await service(province)['units.importCsvText']({
      text: `code,name,level,parent\nTH_X,Khu vực X,district,TH\nTH_HH,${district.unit('TH_HH').name},district,TH_X\n`,
      fileName: 'u.csv',
    });
    const april = await exportAt('2024-04', vn('2024-05-02T08:00:00'));
    const parentInBundle = decodeBundle(april.bytes).header.units[0]!.parent;
    const dry = (await service(province, vn('2024-05-03T08:00:00'))['bundle.import']({ files: [{ name: april.fileName, bytes: april.bytes }], trust: true, dryRun: true })).files[0]!;
    expect(parentInBundle).toBe('TH');
    const w = dry.warnings.find((x) => x.key === 'bundle.warn.registeredParent');
    expect(w?.message).toContain('Khu vực X');
    expect(dry.warnings.map((w) => w.key)).not.toContain('bundle.warn.registeredName');
  });
});
