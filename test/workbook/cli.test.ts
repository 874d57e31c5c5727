// The workbook commands as a user runs them: the real executable (bin/thongke.mjs runs the
// bundle `npm run build:cli` made), real files, exit codes 0 / 1 / 2.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../helpers/fixture';
import { demoDistrict, fileState } from '../bundle/fixtures';
import { shippedCatalogue } from '../../core/catalogue-data';
import { formRows } from '../../export/workbook/layout';
import { fillWorkbook } from './fill';

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir('thongke-workbook-cli-');
});
afterAll(() => tmp.remove());

function thongke(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rowOf = (code: string) => formRows(shippedCatalogue()).find((x) => x.kind === 'element' && x.element.code === code)!.row;

describe('thongke workbook', () => {
  it('export, a refused import naming the cell (database untouched), a dry run, the import, --json', () => {
    const db = tmp.path('d.sqlite');
    demoDistrict(db);
    const file = tmp.path('kim.xlsx');
    const exp = thongke('workbook', 'export', db, '--unit', 'TH_HH_07', '--period', '2024-05', '--out', file);
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out).toMatch(/Đã ghi biểu nhập tháng 5\/2024 vào ".*kim.xlsx": 1 trang tính \(Xã Hoằng Kim\), 70 chỉ tiêu mỗi trang/);
    const bytes = readFileSync(file);

    const bad = tmp.path('bad.xlsx');
    writeFileSync(bad, fillWorkbook(bytes, { 'Xã Hoằng Kim': { [`D${rowOf('DIS_INFLUENZA')}`]: 'mười hai' } }));
    const before = fileState(db);
    const refused = thongke('workbook', 'import', db, bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Xã Hoằng Kim!D${rowOf('DIS_INFLUENZA')}: "mười hai" không phải là một số.`);
    expect(refused.err).toMatch(/^Không nhập gì cả, cơ sở dữ liệu giữ nguyên/);
    expect(fileState(db)).toBe(before);

    const good = tmp.path('good.xlsx');
    writeFileSync(good, fillWorkbook(bytes, { 'Xã Hoằng Kim': { [`D${rowOf('DIS_INFLUENZA')}`]: '1.234' } }));
    const dry = thongke('workbook', 'import', db, good, '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/^Kiểm tra xong, chưa ghi gì: 1 tệp, 1 xã, tháng 5\/2024 — sẽ có 0 giá trị mới, 1 giá trị sửa/);
    expect(fileState(db)).toBe(before);

    const ok = thongke('workbook', 'import', db, good, '--json', '--period', '2024-05', '--unit', 'TH_HH');
    expect(ok.code, ok.err).toBe(0);
    const r = JSON.parse(ok.out) as { status: string; counts: { updated: number } };
    expect(r).toMatchObject({ status: 'imported', counts: { updated: 1 } });
    const values = JSON.parse(thongke('values', 'export', db, '--period', '2024-05', '--unit', 'TH_HH_07', '--json').out) as { element: string; value: number }[];
    expect(values.find((v) => v.element === 'DIS_INFLUENZA')?.value).toBe(1234);
    const wrongMonth = thongke('workbook', 'import', db, good, '--period', '2024-06', '--lang', 'en');
    expect(wrongMonth.code).toBe(1);
    expect(wrongMonth.err).toContain('File "good.xlsx": this workbook is for May 2024, not June 2024 being entered.');
  });

  it('a district: one sheet per commune; usage errors exit 2; a missing file is one sentence', () => {
    const db = tmp.path('e.sqlite');
    demoDistrict(db);
    const file = tmp.path('hh.xlsx');
    const exp = thongke('workbook', 'export', db, '--unit', 'TH_HH', '--period', '2024-05', '--out', file, '--json');
    expect(exp.code, exp.err).toBe(0);
    expect((JSON.parse(exp.out) as { units: unknown[] }).units).toHaveLength(37);
    expect(thongke('workbook', 'import', db).code).toBe(2);
    expect(thongke('workbook', 'export', db, '--unit', 'TH_HH').code).toBe(2);
    const missing = thongke('workbook', 'import', db, tmp.path('nope.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
  });
});
