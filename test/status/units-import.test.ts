// units import: a province registers the units it expects, all or nothing, from real files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type UnitsImportResult } from '../../core/api';
import type { Store } from '../../db/store';
import { emptyProvince, fileState, openAt, service } from '../bundle/fixtures';

let dir: string;
let province: Store;
const pFile = () => join(dir, 'province.sqlite');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-units-'));
  emptyProvince(pFile());
  province = openAt(pFile());
});
afterEach(() => {
  province.close();
  rmSync(dir, { recursive: true, force: true });
});

const importText = (text: string, dryRun = false) => dispatch(service(province), 'units.importCsvText', { text, fileName: 'dv.csv', dryRun }, 'vi');

describe('units import', () => {
  it('registers districts and communes (semicolons, BOM, children before parents), dry run first, then again unchanged', async () => {
    const text = '\uFEFFcode;name;level;parent\r\nTH_HH_01;Thị trấn Bút Sơn;commune;TH_HH\r\nTH_HH;Huyện Hoằng Hóa;district;TH\r\n"TH_QX";"Huyện Quảng Xương";District;TH\r\n';
    const before = fileState(pFile());
    const dry = await importText(text, true);
    expect(dry).toMatchObject({ ok: true, value: { dryRun: true, unchanged: 0 } });
    if (dry.ok) expect((dry.value as UnitsImportResult).added.map((u) => u.code)).toEqual(['TH_HH', 'TH_HH_01', 'TH_QX']);
    expect(fileState(pFile())).toBe(before);
    const done = await importText(text);
    expect(done.ok).toBe(true);
    province.invalidateUnits();
    expect(province.unit('TH_HH_01')).toMatchObject({ name: 'Thị trấn Bút Sơn', level: 'commune', parent: 'TH_HH' });
    expect(province.unit('TH_QX').level).toBe('district');
    const again = await importText(text);
    expect(again).toMatchObject({ ok: true, value: { added: [], unchanged: 3 } });
  });

  it('refuses a bad file with every bad line numbered and leaves the database byte for byte as it was', async () => {
    await importText('code,name,level,parent\nTH_HH,Huyện Hoằng Hóa,district,TH\n');
    const before = fileState(pFile());
    const text = [
      'code,name,level,parent',
      'TH_A,Huyện A,district,TH', // 2 good
      'TH_B,Huyện B,huyen,TH', // 3 bad level
      'TH_C,Xã C,commune,TH_ZZ', // 4 unknown parent
      'TH_A,Huyện A lần hai,district,TH', // 5 duplicate
      'TH_HH,Huyện Hoằng Hoá mới,district,TH', // 6 differs from the held one
      'TH_X,Xã X,commune,TH_Y', // 7 cycle
      'TH_Y,Xã Y,commune,TH_X', // 8 cycle
      ',Không mã,district,TH', // 9 no code
      'TH_D,Huyện D,district', // 10 column count
      'TH_E,Huyện E,district,', // 11 no parent
    ].join('\n');
    const r = await importText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key).toBe('error.fileRejected');
    const details = r.error.details!;
    const lines = details.map((d) => Number(/^Dòng (\d+)/.exec(d)![1]));
    expect([...new Set(lines)]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const text_ = details.join('\n');
    expect(text_).toMatch(/Dòng 3: cấp "huyen" không hợp lệ; các cấp có thể dùng: Tỉnh \(province\), Huyện \(district\), Xã \(commune\), Cơ sở \(facility\)/);
    expect(text_).toMatch(/Dòng 4: .*"TH_ZZ"/);
    expect(text_).toMatch(/Dòng 5: mã TH_A trùng với dòng 2/);
    expect(text_).toMatch(/Dòng 6: đơn vị TH_HH đã có với tên "Huyện Hoằng Hóa".*"Huyện Hoằng Hoá mới".*Không tự sửa/);
    expect(text_).toContain('Dòng 7: đơn vị TH_X nằm trong một vòng lặp cấp trên: TH_X → TH_Y → TH_X');
    expect(text_).toContain('Dòng 8: đơn vị TH_Y nằm trong một vòng lặp cấp trên: TH_Y → TH_X → TH_Y');
    expect(fileState(pFile())).toBe(before);
    province.invalidateUnits();
    expect(province.units().map((u) => u.code)).toEqual(['TH', 'TH_HH']);
  });

  it('refuses a wrong header, an empty file and a parent outside this province', async () => {
    const before = fileState(pFile());
    const header = await importText('ma,ten,cap,tren\nA,B,district,TH\n');
    expect(header.ok).toBe(false);
    if (!header.ok) expect(header.error.message).toContain('code,name,level,parent');
    const empty = await importText('');
    expect(empty.ok).toBe(false);
    expect((await importText('code,name,level,parent\n')).ok).toBe(false);
    province.db.prepare("INSERT INTO org_unit (code, name, level, parent_id, sort, created_at) VALUES ('NA', 'Tỉnh Nghệ An', 'province', NULL, 9, 'x')").run();
    province.invalidateUnits();
    const before2 = fileState(pFile());
    const outside = await importText('code,name,level,parent\nNA_01,Huyện Một,district,NA\n');
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.details!.join()).toMatch(/không thuộc Tỉnh Thanh Hóa/);
    expect(fileState(pFile())).toBe(before2);
    expect(before).not.toBe('');
  });
});
