// Commune workbooks end to end on real files: exported by the service (exceljs), filled by a
// script with another library (fflate), imported back; values in the database and the figures.
// Every refusal leaves the database byte for byte as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { tempDir, type TempDir } from '../helpers/fixture';
import { demoDistrict, emptyProvince, fileState, openAt, service } from '../bundle/fixtures';
import { catalogueStamp, formRows } from '../../export/workbook/layout';
import type { Store } from '../../db/store';
import { fillWorkbook, partText, sheetPaths } from './fill';

let tmp: TempDir;
let store: Store;
let db: string;
beforeEach(() => {
  tmp = tempDir('thongke-workbook-');
  db = tmp.path('d.sqlite');
  demoDistrict(db);
  store = openAt(db);
});
afterEach(() => {
  store.close();
  tmp.remove();
});

/** The input row of an element on every sheet. */
function rowOf(element: string): number {
  const r = formRows(store.catalogue).find((x) => x.kind === 'element' && x.element.code === element);
  if (!r) throw new Error(element);
  return r.row;
}

const value = (unit: string, period: string, element: string) =>
  store.db
    .prepare('SELECT value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = ? AND period = ? AND e.code = ?')
    .pluck()
    .get(unit, period, element) as number | null | undefined;

async function exportOf(unit: string, period: string) {
  return service(store)['workbook.export']({ unit, period });
}

async function importOf(files: { name: string; bytes: Uint8Array; size?: number }[], extra: { dryRun?: boolean; unit?: string; period?: string } = {}) {
  return service(store)['workbook.import']({ files, ...extra });
}

describe('workbook export', () => {
  it('a district: one sheet per commune, named by the commune, a very hidden identity sheet, protection and validation', async () => {
    const r = await exportOf('TH_HH', '2024-05');
    expect(r.units).toHaveLength(37);
    expect(r.fileName).toBe('TH_HH_2024-05_bieu-nhap.xlsx');
    expect(r.units.every((u) => u.sheet.length <= 31 && !/[\\/?*[\]:]/.test(u.sheet))).toBe(true);
    expect(new Set(r.units.map((u) => u.sheet.toLowerCase())).size).toBe(37);
    const files = unzipSync(r.bytes);
    const paths = sheetPaths(files);
    expect([...paths.keys()]).toEqual([...r.units.map((u) => u.sheet), '_thongke']);
    expect(partText(r.bytes, 'xl/workbook.xml')).toMatch(/<sheet [^>]*name="_thongke"[^>]*state="veryHidden"/);
    const first = partText(r.bytes, paths.get(r.units[0]!.sheet)!);
    expect(first).toMatch(/<sheetProtection[^>]*sheet="1"/);
    // Counts: whole numbers ≥ 0; the area (decimal): decimals.
    expect(first).toMatch(new RegExp(`<dataValidation[^>]*type="whole"[^>]*sqref="[^"]*D${rowOf('DIS_INFLUENZA')}\\b`));
    expect(first).toMatch(new RegExp(`<dataValidation[^>]*type="decimal"[^>]*sqref="[^"]*D${rowOf('AREA_KM2')}\\b`));
    expect(partText(r.bytes, 'xl/styles.xml')).toContain('[$-42A]#,##0');
    // The month's values are pre-filled, last month's beside them.
    const code = r.units[0]!.code;
    const may = value(code, '2024-05', 'DIS_INFLUENZA');
    const april = value(code, '2024-04', 'DIS_INFLUENZA');
    const row = rowOf('DIS_INFLUENZA');
    expect(first).toContain(`<c r="D${row}" s="`);
    expect(first).toMatch(new RegExp(`<c r="D${row}"[^>]*><v>${may}</v>`));
    expect(first).toMatch(new RegExp(`<c r="E${row}"[^>]*><v>${april}</v>`));
  });

  it('a long or odd commune name makes a valid, unique sheet name', async () => {
    const { sheetName } = await import('../../export/workbook/layout');
    const used = new Set<string>();
    const long = 'Xã Hoằng Phượng / Hoằng Phú [sáp nhập]: tên rất dài';
    const a = sheetName(long, used);
    const b = sheetName(long, used);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(a).not.toMatch(/[\\/?*[\]:]/);
    expect(a).not.toBe(b);
    expect(sheetName('History', used)).not.toBe('History');
  });

  it('in English: English names and units, read back like the Vietnamese one', async () => {
    const r = await service(store)['workbook.export']({ unit: 'TH_HH_05', period: '2024-05', lang: 'en' });
    const sheet = r.units[0]!.sheet;
    const filled = fillWorkbook(r.bytes, { [sheet]: { [`D${rowOf('DIS_INFLUENZA')}`]: 4321 } });
    const strings = partText(r.bytes, 'xl/sharedStrings.xml');
    expect(strings).toContain('Influenza cases');
    expect(strings).toContain('DATA ENTRY FORM May 2024');
    const res = await importOf([{ name: 'en.xlsx', bytes: filled }]);
    expect(res.status, res.problems[0]?.message).toBe('imported');
    expect(value('TH_HH_05', '2024-05', 'DIS_INFLUENZA')).toBe(4321);
  });

  it('refuses a province, a future month', async () => {
    await expect(exportOf('TH', '2024-05')).rejects.toMatchObject({ key: 'workbook.export.level' });
    await expect(exportOf('TH_HH', '2025-03')).rejects.toMatchObject({ key: 'error.futureMonth' });
  });
});

describe('workbook import', () => {
  it('filled by fflate: new values land in the database and the district figures; text "1.234" reads 1234', async () => {
    const r = await exportOf('TH_HH', '2025-01');
    const [a, b] = r.units;
    const filled = fillWorkbook(r.bytes, {
      [a!.sheet]: { [`D${rowOf('DIS_INFLUENZA')}`]: 12, [`D${rowOf('CUR_VISITS')}`]: '1.234', [`D${rowOf('AREA_KM2')}`]: '5,75' },
      [b!.sheet]: { [`D${rowOf('DIS_INFLUENZA')}`]: 30 },
    });
    const before = fileState(db);
    const dry = await importOf([{ name: 'hh.xlsx', bytes: filled }], { dryRun: true });
    expect(dry.status, JSON.stringify(dry.problems)).toBe('dryRun');
    expect(dry.counts.imported).toBe(4);
    expect(fileState(db)).toBe(before);
    const ok = await importOf([{ name: 'hh.xlsx', bytes: filled }], { period: '2025-01', unit: 'TH_HH' });
    expect(ok.status).toBe('imported');
    expect(ok.counts).toMatchObject({ imported: 4, updated: 0 });
    expect(ok.message).toMatch(/Đã nhập 1 tệp, 37 xã, tháng 1\/2025: 4 giá trị mới/);
    expect(value(a!.code, '2025-01', 'DIS_INFLUENZA')).toBe(12);
    expect(value(a!.code, '2025-01', 'CUR_VISITS')).toBe(1234);
    expect(value(a!.code, '2025-01', 'AREA_KM2')).toBe(5.75);
    const figures = service(store)['figures.get']({ unit: 'TH_HH', period: '2025-01' });
    const flu = (await figures).figures.find((f) => f.element === 'DIS_INFLUENZA');
    expect(flu?.value).toBe(42);
    const audit = store.db.prepare("SELECT count(*) FROM audit WHERE source = 'workbook'").pluck().get();
    expect(audit).toBe(4);
    // The same file again changes nothing.
    const again = await importOf([{ name: 'hh.xlsx', bytes: filled }]);
    expect(again.counts).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
  });

  it('an empty input cell keeps the value held (not entered is not zero, nor a deletion); a changed one updates', async () => {
    const r = await exportOf('TH_HH_05', '2024-05');
    const sheet = r.units[0]!.sheet;
    const held = value('TH_HH_05', '2024-05', 'DIS_INFLUENZA');
    expect(held).toBeTypeOf('number');
    const filled = fillWorkbook(r.bytes, { [sheet]: { [`D${rowOf('DIS_INFLUENZA')}`]: null, [`D${rowOf('DIS_DIARRHOEA')}`]: 999 } });
    const ok = await importOf([{ name: 'x.xlsx', bytes: filled }]);
    expect(ok.status).toBe('imported');
    expect(ok.counts).toMatchObject({ updated: 1, keptNotCleared: 1 });
    expect(value('TH_HH_05', '2024-05', 'DIS_INFLUENZA')).toBe(held);
    expect(value('TH_HH_05', '2024-05', 'DIS_DIARRHOEA')).toBe(999);
  });

  it('bad cells are named by sheet and address, in Vietnamese; nothing is written from any file', async () => {
    const r = await exportOf('TH_HH', '2025-01');
    const good = fillWorkbook(r.bytes, { [r.units[0]!.sheet]: { [`D${rowOf('DIS_INFLUENZA')}`]: 5 } });
    const one = await exportOf('TH_HH_20', '2025-01');
    const bad = fillWorkbook(one.bytes, {
      [one.units[0]!.sheet]: {
        [`D${rowOf('DIS_INFLUENZA')}`]: -3,
        [`D${rowOf('DIS_DIARRHOEA')}`]: '8,5',
        [`D${rowOf('CUR_VISITS')}`]: 'mười',
        [`D${rowOf('AREA_KM2')}`]: '1.234',
      },
    });
    const before = fileState(db);
    const res = await importOf([
      { name: 'good.xlsx', bytes: good },
      { name: 'bad.xlsx', bytes: bad },
    ]);
    expect(res.status).toBe('refused');
    expect(fileState(db)).toBe(before);
    expect(value(r.units[0]!.code, '2025-01', 'DIS_INFLUENZA')).toBeUndefined();
    const sheet = one.units[0]!.sheet;
    const messages = res.problems.map((p) => p.message);
    // The district file's sheet for TH_HH_20 duplicates the single-commune file.
    expect(messages.some((m) => /đã có trong tệp "good.xlsx"/.test(m))).toBe(true);
    expect(res.problems.filter((p) => p.cell).map((p) => p.cell)).toEqual([
      `${sheet}!D${rowOf('AREA_KM2')}`,
      `${sheet}!D${rowOf('DIS_INFLUENZA')}`,
      `${sheet}!D${rowOf('DIS_DIARRHOEA')}`,
      `${sheet}!D${rowOf('CUR_VISITS')}`,
    ]);
    expect(messages.join('\n')).toMatch(new RegExp(`bad.xlsx — ${sheet}!D${rowOf('DIS_INFLUENZA')}: Chỉ tiêu ".*" không nhận số âm`));
    expect(messages.join('\n')).toMatch(/là số đếm, không nhận số thập phân \(8,5\)/);
    expect(messages.join('\n')).toMatch(/"mười" không phải là một số/);
    expect(messages.join('\n')).toMatch(/"1.234" có thể hiểu theo hai cách/);
    expect(res.message).toMatch(/^Không nhập gì cả, cơ sở dữ liệu giữ nguyên/);
  });

  it('refuses another month, another district, another form version, a moved row; the database untouched', async () => {
    const r = await exportOf('TH_HH_05', '2024-05');
    const sheet = r.units[0]!.sheet;
    const before = fileState(db);
    const period = await importOf([{ name: 'a.xlsx', bytes: r.bytes }], { period: '2024-06' });
    expect(period.problems[0]!.message).toBe('Tệp "a.xlsx": biểu này là của tháng 5/2024, không phải tháng 6/2024 đang nhập.');
    const unit = await importOf([{ name: 'a.xlsx', bytes: r.bytes }], { unit: 'TH_HH_06' });
    expect(unit.problems[0]!.key).toBe('workbook.refused.unit');
    const version = fillWorkbook(r.bytes, { _thongke: { B2: '2' } });
    const v = await importOf([{ name: 'v.xlsx', bytes: version }]);
    expect(v.problems[0]!.message).toMatch(/mẫu phiên bản 2, phần mềm đang dùng mẫu phiên bản 1/);
    // Another district's database (here a province's that knows none of these communes).
    const province = tmp.path('p.sqlite');
    emptyProvince(province);
    const ps = openAt(province);
    const provinceBefore = fileState(province);
    const o = await service(ps)['workbook.import']({ files: [{ name: 'o.xlsx', bytes: r.bytes }] });
    expect(o.problems[0]!.message).toBe(`Tệp "o.xlsx": trang tính "${sheet}" là của đơn vị mã TH_HH_05, không có trong cơ sở dữ liệu này (biểu của huyện khác?).`);
    expect(fileState(province)).toBe(provinceBefore);
    ps.close();
    const moved = fillWorkbook(r.bytes, { [sheet]: { [`B${rowOf('DIS_INFLUENZA')}`]: 'Tiêu chảy' } });
    const m = await importOf([{ name: 'm.xlsx', bytes: moved }]);
    expect(m.problems[0]!.cell).toBe(`${sheet}!D${rowOf('DIS_INFLUENZA')}`);
    expect(m.problems[0]!.key).toBe('workbook.refused.layout');
    for (const x of [period, unit, v, o, m]) expect(x.status).toBe('refused');
    expect(fileState(db)).toBe(before);
  });

  it('refuses what is not a workbook of ours: text, a zip, a damaged file, a zip bomb, an oversized file', async () => {
    const r = await exportOf('TH_HH_05', '2024-05');
    const { zipSync } = await import('fflate');
    const before = fileState(db);
    const cases: [string, Uint8Array, string, number?][] = [
      ['a.csv', new TextEncoder().encode('unit,period\n'), 'workbook.refused.notOurs'],
      ['b.xlsx', zipSync({ 'hello.txt': new TextEncoder().encode('hi') }), 'workbook.refused.notOurs'],
      ['c.xlsx', r.bytes.subarray(0, r.bytes.length - 2000), 'workbook.refused.corrupt'],
      ['e.xlsx', r.bytes.subarray(0, 100), 'workbook.refused.corrupt', 20 * 1024 * 1024],
    ];
    // A real spreadsheet, but not one of ours (no identity sheet), and one whose identity lists nothing.
    const { default: Excel } = await import('exceljs');
    const foreign = new Excel.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 1;
    cases.push(['f.xlsx', new Uint8Array(await foreign.xlsx.writeBuffer()), 'workbook.refused.notOurs']);
    const meta = foreign.addWorksheet('_thongke');
    const identity = [['marker', 'thongke-workbook'], ['form', '1'], ['catalogue', catalogueStamp(store.catalogue)], ['period', '2024-05']];
    identity.forEach((line, i) => (meta.getRow(i + 1).values = line));
    cases.push(['g.xlsx', new Uint8Array(await foreign.xlsx.writeBuffer()), 'workbook.refused.notOurs']);
    // A bomb: 50 MB of zeros declared as 1 KB (the guard stops inflating at the declared size).
    const bomb = Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 }));
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(1024, cd + 24);
    cases.push(['d.xlsx', bomb, 'workbook.refused.bomb']);
    for (const [name, bytes, key, size] of cases) {
      const res = await importOf([{ name, bytes, ...(size ? { size } : {}) }]);
      expect(res.status, name).toBe('refused');
      expect(res.problems[0]!.key, name).toBe(size ? 'workbook.refused.tooLarge' : key);
    }
    expect(fileState(db)).toBe(before);
  });

  it('refuses a commune closed (merged) since the workbook was made, once for its sheet', async () => {
    const r = await exportOf('TH_HH_05', '2024-05');
    store.db.prepare("UPDATE org_unit SET closed_from = '2024-05' WHERE code = 'TH_HH_05'").run();
    store.invalidateUnits();
    const before = fileState(db);
    const res = await importOf([{ name: 'c.xlsx', bytes: r.bytes }]);
    expect(res.status).toBe('refused');
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]!.key).toBe('error.unitClosed');
    expect(fileState(db)).toBe(before);
  });

  it('respects the month lock: a completed month is refused with the reason', async () => {
    const r = await exportOf('TH_HH_05', '2024-05');
    const filled = fillWorkbook(r.bytes, { [r.units[0]!.sheet]: { [`D${rowOf('DIS_DIARRHOEA')}`]: 1 } });
    store.db.prepare("INSERT INTO month_status (unit_id, period, status, changed_by, changed_at) SELECT id, '2024-05', 'complete', 't', 'x' FROM org_unit WHERE code = 'TH_HH'").run();
    const before = fileState(db);
    const res = await importOf([{ name: 'l.xlsx', bytes: filled }]);
    expect(res.status).toBe('refused');
    expect(res.problems[0]!.message).toMatch(/: tháng 5\/2024 đã được đánh dấu hoàn thành \(tại Huyện Hoằng Hóa\)/);
    expect(fileState(db)).toBe(before);
  });
});
