// The sync bundle end to end on real files: the demo district exports, an empty province
// database imports, through the service operations the app and the CLI call.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleExportResult, ImportFileSummary } from '../../core/api';
import { importValuesCsv } from '../../db/csv.repo';
import { setMonthStatus } from '../../db/quality.repo';
import type { Store } from '../../db/store';
import { setValue } from '../../db/values.repo';
import { renameUnit } from '../../db/units.repo';
import { dispatch } from '../../core/api';
import { keyFileOf } from '../../export/bundle/key';
import { importLogOf } from '../../service/bundle';
import { NOW, dropPair, fileState, freshPair, service } from './fixtures';

let dir: string;
let district: Store;
let province: Store;
const dFile = () => join(dir, 'district.sqlite');
const pFile = () => join(dir, 'province.sqlite');

beforeEach(() => ({ dir, district, province } = freshPair('thongke-bundle-')));
afterEach(() => dropPair({ dir, district, province }));

const exportOf = async (from: string, to?: string): Promise<BundleExportResult> =>
  service(district)['bundle.export']({ unit: 'TH_HH', from, ...(to ? { to } : {}) });
const importInto = async (store: Store, b: BundleExportResult, opts: { dryRun?: boolean; trust?: boolean } = {}): Promise<ImportFileSummary> =>
  (await service(store)['bundle.import']({ files: [{ name: b.fileName, bytes: b.bytes }], ...opts })).files[0]!;
const figures = async (store: Store, unit: string) => (await service(store)['figures.get']({ unit, period: '2024-05' })).figures;

describe('sync bundle', () => {
  it('a district month travels to an empty province: trust on first use, dry run, apply, same figures', async () => {
    const may = await exportOf('2024-05');
    expect(may.fileName).toBe('TH_HH_2024-05_r1.tkb');
    expect(may.bytes.length).toBeLessThan(50 * 1024);
    expect(may.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    // The key sits beside the database, readable by its owner only.
    expect(statSync(keyFileOf(dFile())).mode & 0o777).toBe(0o600);
    const before = fileState(pFile());
    const first = await importInto(province, may);
    expect(first.status).toBe('refused');
    expect(first.reason).toBe('bundle.refused.untrusted');
    expect(first.message).toContain(may.fingerprint);
    expect(first.message).toMatch(/gói đầu tiên/);
    const dry = await importInto(province, may, { dryRun: true, trust: true });
    expect(dry.status).toBe('dryRun');
    expect(dry.counts.imported).toBeGreaterThan(2000);
    expect(dry.newUnits).toContain('TH_HH_01');
    expect(fileState(pFile())).toBe(before);
    const done = await importInto(province, may, { trust: true });
    expect(done.status).toBe('imported');
    expect(done.counts).toEqual(dry.counts);
    const d = await figures(district, 'TH_HH');
    // The month's figures (not year-to-date: only May travelled) equal the district's own.
    expect((await figures(province, 'TH_HH')).map((f) => [f.element, f.value])).toEqual(d.map((f) => [f.element, f.value]));
    // The province (one district so far) adds up to the district; district-only figures such as
    // percentages entered at the district do not roll up (core/figures.ts) and stay empty.
    const th = (await figures(province, 'TH')).filter((f) => f.value !== null);
    expect(th.length).toBeGreaterThan(100);
    const byElement = new Map(d.map((f) => [f.element, f.value]));
    for (const f of th) expect([f.element, f.value]).toEqual([f.element, byElement.get(f.element)]);
    // The same file again changes nothing in the database; the log beside it says so.
    const again = fileState(pFile());
    expect((await importInto(province, may)).status).toBe('unchanged');
    expect(fileState(pFile())).toBe(again);
    const log = await service(province)['bundle.log']({});
    // (One fixed clock here: the order of equal times is not asserted.)
    expect(log.map((l) => l.result).sort()).toEqual(['imported', 'refused', 'unchanged']);
    expect(readFileSync(importLogOf(pFile()), 'utf8').trim().split('\n')).toHaveLength(2);
    expect((await service(district)['bundle.sent']({})).map((s) => [s.period, s.revision, s.fileName])).toEqual([['2024-05', 1, may.fileName]]);
  });

  it('received values keep their sender, who and when; the audit names the bundle; the receiver cannot edit them', async () => {
    const may = await exportOf('2024-05');
    await importInto(province, may, { trust: true });
    const sent = (await service(district)['values.get']({ unit: 'TH_HH_01', period: '2024-05' }))[0]!;
    const got = (await service(province)['values.get']({ unit: 'TH_HH_01', period: '2024-05' })).find((v) => v.element === sent.element)!;
    expect([got.value, got.updatedBy, got.updatedAt]).toEqual([sent.value, sent.updatedBy, sent.updatedAt]);
    const history = await service(province)['values.history']({ unit: 'TH_HH_01', period: '2024-05', element: sent.element });
    expect(history[0]!.source).toBe('bundle:TH_HH:r1');
    expect(province.units().find((u) => u.code === 'TH_HH_01')!.receivedFrom).toBe('TH_HH');
    // One audit row per received value, exactly as the triggers write them; the triggers the
    // import set aside for its bulk write are back, unchanged.
    const n = (sql: string) => (province.db.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM audit WHERE source = 'bundle:TH_HH:r1'")).toBe(n("SELECT count(*) AS n FROM data_value WHERE source = 'bundle:TH_HH:r1'"));
    expect(n("SELECT count(*) AS n FROM audit a JOIN data_value v USING (unit_id, period, element_id, revision) WHERE a.new_value IS v.value AND a.old_value IS NULL AND a.changed_by = v.updated_by AND a.changed_at = v.updated_at")).toBeGreaterThan(2000);
    const triggers = (db: Store) => db.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
    expect(triggers(province)).toEqual(triggers(district));
    // The per-row foreign key checks the bulk write set aside are back on, and the once-per-file
    // check left nothing pointing nowhere.
    expect(province.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(province.db.pragma('foreign_key_check')).toEqual([]);
    const s = service(province);
    const before = fileState(pFile());
    const writes: (() => unknown)[] = [
      () => s['values.set']({ unit: 'TH_HH_01', period: '2024-05', element: sent.element, value: 1 }),
      () => s['values.setComment']({ unit: 'TH_HH_01', period: '2024-05', element: sent.element, comment: 'x' }),
      () => s['narrative.set']({ unit: 'TH_HH', period: '2024-05', section: 'epi', body: 'x' }),
      () => s['period.reopen']({ unit: 'TH_HH', period: '2024-05' }),
      () => s['period.markComplete']({ unit: 'TH_HH_01', period: '2024-05' }),
    ];
    for (const op of writes) {
      await expect(Promise.resolve().then(op)).rejects.toMatchObject({ key: 'bundle.readOnly', params: { sender: 'Huyện Hoằng Hóa' } });
    }
    // A CSV line for a received unit is refused like any bad line: the file is not imported.
    expect(() => importValuesCsv(province, `unit,period,element,value\nTH_HH_01,2024-05,${sent.element},5\n`, 'x.csv', 'an', NOW)).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ key: 'bundle.readOnly' })] }),
    );
    expect(fileState(pFile())).toBe(before);
  });

  it('a correction travels as a higher revision; the older file is then refused, naming the revision held', async () => {
    const r1 = await exportOf('2024-05');
    const v = (await service(district)['values.get']({ unit: 'TH_HH_01', period: '2024-05' })).find((x) => x.value !== null)!;
    setValue(district, { unit: 'TH_HH_01', period: '2024-05', element: v.element, value: v.value! + 1 }, 'lan', 'ui', NOW);
    const r2 = await exportOf('2024-05');
    expect(r2.fileName).toBe('TH_HH_2024-05_r2.tkb');
    expect((await importInto(province, r1, { trust: true })).status).toBe('imported');
    const up = await importInto(province, r2);
    expect(up.status).toBe('imported');
    expect(up.counts.updated).toBe(1);
    expect((await service(province)['values.get']({ unit: 'TH_HH_01', period: '2024-05' })).find((x) => x.element === v.element)!.value).toBe(v.value! + 1);
    const before = fileState(pFile());
    const old = await importInto(province, r1);
    expect(old.status).toBe('refused');
    expect(old.reason).toBe('bundle.refused.older');
    expect(old.message).toMatch(/phiên bản 1, cũ hơn phiên bản 2/);
    expect(fileState(pFile())).toBe(before);
  });

  it('a multi-month bundle, a completed month (locked here too), and a re-sent completed month', async () => {
    setMonthStatus(district, 'TH_HH', '2024-02', 'complete', 0, 'lan', NOW);
    const q = await exportOf('2024-01', '2024-03');
    expect(q.fileName).toBe('TH_HH_2024-01_2024-03_r1.tkb');
    const r = await importInto(province, q, { trust: true });
    expect(r.status).toBe('imported');
    expect(r.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect((await service(province)['period.status']({ unit: 'TH_HH', period: '2024-02' })).status).toBe('complete');
    expect((await service(province)['period.status']({ unit: 'TH_HH', period: '2024-03' })).status).toBe('open');
    // Sent again (higher revision) while complete on both sides: applied in one transaction.
    const again = await exportOf('2024-02');
    expect((await importInto(province, again)).status).toBe('imported');
    expect((await service(province)['bundle.log']({})).filter((l) => l.result === 'imported')).toHaveLength(2);
  });

  it('a month the province completed itself is not overwritten until reopened', async () => {
    const may = await exportOf('2024-05');
    await importInto(province, may, { trust: true });
    setMonthStatus(province, 'TH', '2024-05', 'complete', 0, 'an', NOW);
    const v = (await service(district)['values.get']({ unit: 'TH_HH_01', period: '2024-05' })).find((x) => x.value !== null)!;
    setValue(district, { unit: 'TH_HH_01', period: '2024-05', element: v.element, value: v.value! + 1 }, 'lan', 'ui', NOW);
    const r2 = await exportOf('2024-05');
    const before = fileState(pFile());
    const r = await importInto(province, r2);
    expect(r.reason).toBe('bundle.refused.locked');
    expect(fileState(pFile())).toBe(before);
  });

  it('a re-installed sender (new key) is refused naming both fingerprints until re-trusted', async () => {
    const r1 = await exportOf('2024-04');
    await importInto(province, r1, { trust: true });
    rmSync(keyFileOf(dFile()));
    const r2 = await exportOf('2024-05');
    expect(r2.fingerprint).not.toBe(r1.fingerprint);
    const before = fileState(pFile());
    const refused = await importInto(province, r2);
    expect(refused.reason).toBe('bundle.refused.keyChanged');
    expect(refused.message).toContain(r1.fingerprint);
    expect(refused.message).toContain(r2.fingerprint);
    expect(fileState(pFile())).toBe(before);
    expect((await importInto(province, r2, { trust: true })).status).toBe('imported');
  });

  it('renames travel with their history; the service checks the arguments of every call', async () => {
    renameUnit(district.db, 'TH_HH_01', 'Xã Hoằng Giang mới', 'lan', '2024-05');
    district.invalidateUnits();
    await importInto(province, await exportOf('2024-05'), { trust: true });
    expect(province.units().find((u) => u.code === 'TH_HH_01')!.name).toBe('Xã Hoằng Giang mới');
    expect(province.db.prepare("SELECT change, new_value FROM org_unit_history h JOIN org_unit u ON u.id = h.unit_id WHERE u.code = 'TH_HH_01'").all()).toEqual([
      { change: 'rename', new_value: 'Xã Hoằng Giang mới' },
    ]);
    const r = await dispatch(service(province), 'bundle.import', { files: [{ name: 'a.tkb', bytes: 'not bytes' }] }, 'vi');
    expect(r).toMatchObject({ ok: false, error: { key: 'error.badArgument' } });
    const tooMany = await dispatch(service(district), 'bundle.export', { unit: 'TH_HH', from: '2022-01', to: '2024-12' }, 'vi');
    expect(tooMany).toMatchObject({ ok: false, error: { key: 'bundle.export.tooManyMonths' } });
  });

  it('a district never imports its own bundle, and the province refuses one for itself', async () => {
    const may = await exportOf('2024-05');
    const before = fileState(dFile());
    const own = await importInto(district, may, { trust: true });
    expect(own.reason).toBe('bundle.refused.own');
    expect(own.message).toMatch(/chính đơn vị này/);
    expect(fileState(dFile())).toBe(before);
  });
});
