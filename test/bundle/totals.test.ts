// Stored totals at the province (migration 7): importing a district's bundle stores, in the same
// transaction, the month totals of the district and of the province; the province's figures
// read them and equal the figures summed from the values; the same file again changes nothing;
// a refused file leaves the database byte for byte as it was; a correction and a second
// district bring the stored totals up to date.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleExportResult, ImportFileSummary } from '../../core/api';
import { getFigures } from '../../db/figures.repo';
import { openStore, type Store } from '../../db/store';
import { ignoreStoredTotals } from '../../db/unit-total.repo';
import { setValue } from '../../db/values.repo';
import { runCli } from '../helpers/cli';
import { NOW, dropPair, fileState, freshPair, newKey, openAt, renamedBundle, service } from './fixtures';

let dir: string;
let district: Store;
let province: Store;
const pFile = () => join(dir, 'province.sqlite');

beforeEach(() => ({ dir, district, province } = freshPair('thongke-totals-')));
afterEach(() => dropPair({ dir, district, province }));

const exportOf = async (from: string, to?: string): Promise<BundleExportResult> =>
  service(district)['bundle.export']({ unit: 'TH_HH', from, ...(to ? { to } : {}) });
const importInto = async (store: Store, name: string, bytes: Uint8Array, opts: { dryRun?: boolean; trust?: boolean } = {}): Promise<ImportFileSummary> =>
  (await service(store)['bundle.import']({ files: [{ name, bytes }], ...opts })).files[0]!;
const stored = (store: Store) =>
  (store.db.prepare('SELECT u.code, d.period FROM unit_total_done d JOIN org_unit u ON u.id = d.unit_id ORDER BY 1, 2').all() as { code: string; period: string }[]).map(
    (r) => `${r.code}@${r.period}`,
  );

/** The province's figures read through stored totals, and summed from the values (a second connection). */
function sameAsSummed(store: Store, units: readonly string[], periods: readonly string[]): void {
  const summed = openStore(store.file);
  ignoreStoredTotals(summed.db);
  try {
    for (const u of units) for (const p of periods) expect(JSON.stringify(getFigures(store, u, p)), `${u} ${p}`).toBe(JSON.stringify(getFigures(summed, u, p)));
  } finally {
    summed.close();
  }
}

describe('stored totals at the province', () => {
  it('a district bundle stores the district and province months; same figures; the same file again changes nothing', async () => {
    const b = await exportOf('2024-04', '2024-05');
    const dry = await importInto(province, b.fileName, b.bytes, { dryRun: true, trust: true });
    expect(dry.status).toBe('dryRun');
    expect(stored(province)).toEqual([]);
    expect((await importInto(province, b.fileName, b.bytes, { trust: true })).status).toBe('imported');
    expect(stored(province)).toEqual(['TH@2024-04', 'TH@2024-05', 'TH_HH@2024-04', 'TH_HH@2024-05']);
    // The stored rows are what the figures read: the province's May has rows for the elements.
    const rows = (province.db.prepare("SELECT count(*) AS n FROM unit_total WHERE period = '2024-05' AND unit_id = (SELECT id FROM org_unit WHERE code = 'TH')").get() as { n: number }).n;
    expect(rows).toBeGreaterThan(50);
    sameAsSummed(province, ['TH', 'TH_HH', 'TH_HH_01'], ['2024-05', '2024-Q2', '2024']);
    const again = fileState(pFile());
    expect((await importInto(province, b.fileName, b.bytes)).status).toBe('unchanged');
    expect(fileState(pFile())).toBe(again);
  });

  it('a refused file leaves the database byte for byte as it was, stored totals included', async () => {
    const b = await exportOf('2024-05');
    expect((await importInto(province, b.fileName, b.bytes, { trust: true })).status).toBe('imported');
    province.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileState(pFile());
    // Signed by another key: refused after reading; and a file cut short.
    const other = renamedBundle(b.bytes, 'TH_HH', 'Huyện Hoằng Hóa', newKey());
    expect((await importInto(province, 'x.tkb', other)).status).toBe('refused');
    expect((await importInto(province, 'y.tkb', b.bytes.slice(0, 200))).status).toBe('refused');
    expect(fileState(pFile())).toBe(before);
    expect(stored(province)).toEqual(['TH@2024-05', 'TH_HH@2024-05']);
  });

  it('a correction and a second district bring the province’s stored totals up to date', async () => {
    const r1 = await exportOf('2024-05');
    expect((await importInto(province, r1.fileName, r1.bytes, { trust: true })).status).toBe('imported');
    const v = (await service(district)['values.get']({ unit: 'TH_HH_01', period: '2024-05' })).find((x) => x.value !== null && Number.isInteger(x.value))!;
    const before = getFigures(province, 'TH', '2024-05').figures.find((f) => f.element === v.element)!.value!;
    setValue(district, { unit: 'TH_HH_01', period: '2024-05', element: v.element, value: v.value! + 5 }, 'lan', 'ui', NOW);
    const r2 = await exportOf('2024-05');
    expect((await importInto(province, r2.fileName, r2.bytes)).status).toBe('imported');
    expect(stored(province)).toEqual(['TH@2024-05', 'TH_HH@2024-05']);
    expect(getFigures(province, 'TH', '2024-05').figures.find((f) => f.element === v.element)!.value).toBe(before + 5);
    // A second district (the same content under other codes): the province adds both.
    const second = renamedBundle(r2.bytes, 'TH_QX', 'Huyện Quảng Xương', newKey());
    expect((await importInto(province, 'TH_QX.tkb', second, { trust: true })).status).toBe('imported');
    expect(stored(province)).toEqual(['TH@2024-05', 'TH_HH@2024-05', 'TH_QX@2024-05']);
    expect(getFigures(province, 'TH', '2024-05').figures.find((f) => f.element === v.element)!.value).toBe(2 * (before + 5));
    sameAsSummed(province, ['TH', 'TH_HH', 'TH_QX'], ['2024-05', '2024']);
    // A value written here by hand (the province's own) forgets the province's month only.
    const own = province.db.prepare("INSERT INTO data_value (unit_id, period, element_id, value, revision, updated_by, updated_at) VALUES ((SELECT id FROM org_unit WHERE code = 'TH'), '2024-05', (SELECT id FROM data_element WHERE code = ?), 1, 1, 'lan', 't')");
    own.run(v.element);
    expect(stored(province)).toEqual(['TH_HH@2024-05', 'TH_QX@2024-05']);
    sameAsSummed(province, ['TH'], ['2024-05']);
  });

  it('several files in one import: each district stored with its file, the province once after them', async () => {
    const b = await exportOf('2024-05');
    const second = renamedBundle(b.bytes, 'TH_QX', 'Huyện Quảng Xương', newKey());
    const writes: string[] = [];
    // Which unit's month is stored when: the province's row comes after both districts' rows.
    province.db.function('note_store', (unit: number) => {
      writes.push(String(unit));
      return null;
    });
    province.db.exec('CREATE TEMP TRIGGER note_done AFTER INSERT ON main.unit_total_done BEGIN SELECT note_store(NEW.unit_id); END');
    const r = await service(province)['bundle.import']({ files: [{ name: b.fileName, bytes: b.bytes }, { name: 'TH_QX.tkb', bytes: second }], trust: true });
    expect(r.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    const code = (id: string) => (province.db.prepare('SELECT code FROM org_unit WHERE id = ?').get(Number(id)) as { code: string }).code;
    expect(writes.map(code)).toEqual(['TH_HH', 'TH_QX', 'TH']);
    expect(stored(province)).toEqual(['TH@2024-05', 'TH_HH@2024-05', 'TH_QX@2024-05']);
    sameAsSummed(province, ['TH', 'TH_HH', 'TH_QX'], ['2024-05', '2024']);
  });

  it('an old database (nothing stored) reads summed figures until `thongke totals rebuild` stores them', async () => {
    const b = await exportOf('2024-04', '2024-05');
    expect((await importInto(province, b.fileName, b.bytes, { trust: true })).status).toBe('imported');
    const expected = JSON.stringify(getFigures(province, 'TH', '2024'));
    // As a database migrated from version 6: the tables are there, empty.
    province.db.exec('DELETE FROM unit_total_done; DELETE FROM unit_total;');
    expect(JSON.stringify(getFigures(province, 'TH', '2024'))).toBe(expected);
    province.close();
    const r = await runCli(['totals', 'rebuild', pFile()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Đã tính lại và lưu tổng số của 2 tháng/);
    province = openAt(pFile());
    expect(stored(province)).toEqual(['TH@2024-04', 'TH@2024-05', 'TH_HH@2024-04', 'TH_HH@2024-05']);
    expect(JSON.stringify(getFigures(province, 'TH', '2024'))).toBe(expected);
    expect((await runCli(['totals', 'rebuild'])).code).not.toBe(0);
  });
});
