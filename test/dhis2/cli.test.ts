// The `thongke dhis2` commands as a user runs them: the real executable (bin/thongke.mjs runs
// the esbuild bundle, fast-xml-parser's builder inside it), real files, exit codes 0 / 1 (one sentence) / 2.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../helpers/fixture';
import { demoDistrict, fileState, validateAdx } from './fixtures';
import { addUnits } from '../../db/units.repo';
import { openStore } from '../../db/store';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir('thongke-dhis2-cli-');
  demoDistrict(tmp.path('d.sqlite'));
  // The receiving side as a user makes it: `thongke init` of the same catalogue, then the units
  // it expects (registered in process here: importing units is another command's work).
  expect(thongke('init', tmp.path('e.sqlite'), '--unit', 'TH', '--name', 'Tỉnh Thanh Hóa', '--level', 'province').code).toBe(0);
  const demo = openStore(tmp.path('d.sqlite'));
  const units = demo.units().filter((u) => u.code !== 'TH').map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parent }));
  demo.close();
  const e = openStore(tmp.path('e.sqlite'));
  addUnits(e.db, units);
  e.close();
});
afterAll(() => tmp.remove());

function thongke(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('thongke dhis2', () => {
  it('exports ADX and JSON, imports the JSON (dry run first) into an empty database', async () => {
    const d = tmp.path('d.sqlite');
    const e = tmp.path('e.sqlite');
    const adx = thongke('dhis2', 'export', d, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'adx', '--out', tmp.path('may.adx.xml'));
    expect(adx.code, adx.err).toBe(0);
    expect(adx.out).toMatch(/^Đã xuất 2\.\d{3} giá trị của 40 đơn vị, tháng 5\/2024 \(kỳ 202405 của DHIS2\), ra tệp .*may\.adx\.xml \(ADX, mã CODE\)\./);
    expect((await validateAdx(readFileSync(tmp.path('may.adx.xml'), 'utf8'))).valid).toBe(true);

    const json = thongke('dhis2', 'export', d, '--unit', 'TH_HH', '--period', '202405', '--format', 'json', '--out', tmp.path('may.json'), '--json');
    expect(json.code, json.err).toBe(0);
    const summary = JSON.parse(json.out) as { values: number; period: string; text?: string };
    expect(summary).toMatchObject({ period: '202405', periodType: 'Monthly', idScheme: 'CODE' });
    expect(summary.text).toBeUndefined();

    const before = fileState(e);
    const dry = thongke('dhis2', 'import', e, tmp.path('may.json'), '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/^Kiểm tra may\.json: sẽ nhập 2\.\d{3} giá trị mới.*Chưa ghi gì/);
    expect(fileState(e)).toBe(before);
    const done = thongke('dhis2', 'import', e, tmp.path('may.json'), '--json');
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ dryRun: false, imported: summary.values });
    const fa = thongke('figures', d, '--unit', 'TH_HH', '--period', '2024-05', '--json');
    const fb = thongke('figures', e, '--unit', 'TH_HH', '--period', '2024-05', '--json');
    const vals = (t: string) => (JSON.parse(t) as { figures: { element: string; value: number | null }[] }).figures.map((f) => [f.element, f.value]);
    expect(vals(fb.out)).toEqual(vals(fa.out));
  });

  it('an unmapped code is printed on stderr; a bad file exits 1 with its reasons and leaves the database as it was', () => {
    const d = tmp.path('d.sqlite');
    const e = tmp.path('e.sqlite');
    writeFileSync(tmp.path('map.csv'), 'kind,code,dhis2Id\norgUnit,TH_HH_01,DiszpKrYNg8\ndataElement,EPI_FULL_U1,fbfJHSPpUQD\n');
    const mapped = thongke('dhis2', 'export', d, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'json', '--out', tmp.path('m.json'), '--mapping', tmp.path('map.csv'));
    expect(mapped.code, mapped.err).toBe(0);
    expect(mapped.err).toMatch(/mã không có trong tệp ánh xạ/);
    expect(mapped.err).toMatch(/dataSet THONGKE_MONTHLY/);
    expect(mapped.err).toMatch(/orgUnit TH_HH_02: \d+ giá trị/);

    writeFileSync(tmp.path('bad.json'), JSON.stringify({ dataValues: [{ dataElement: 'EPI_FULL_U1', period: '202405', orgUnit: 'TH_HH_01', value: '1.234,5' }] }));
    const before = fileState(e);
    const bad = thongke('dhis2', 'import', e, tmp.path('bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/^Tệp bad\.json không được nhập: có 1 giá trị lỗi\. Cơ sở dữ liệu không thay đổi\./);
    expect(bad.err).toMatch(/Giá trị thứ 1: giá trị "1\.234,5" không phải là một số\./);
    expect(fileState(e)).toBe(before);

    writeFileSync(tmp.path('badmap.csv'), 'kind,code,dhis2Id\norgUnit,TH_HH_01,not-a-uid\n');
    const badMap = thongke('dhis2', 'export', d, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'adx', '--out', tmp.path('never.xml'), '--mapping', tmp.path('badmap.csv'));
    expect(badMap.code).toBe(1);
    expect(badMap.err).toMatch(/Dòng 2: "not-a-uid" không phải mã định danh DHIS2/);
    expect(existsSync(tmp.path('never.xml'))).toBe(false);

    const usage = thongke('dhis2', 'export', d, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'csv', '--out', tmp.path('x'));
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/thongke dhis2 export/);
  });
});
