// A workbook that went through LibreOffice (a commune without Excel opens, fills and saves it
// there) is still read: here filled by a script, then converted by LibreOffice itself
// (`soffice --headless --convert-to xlsx`), which rewrites every part of the file its own way
// (shared strings, styles, the very hidden sheet as merely hidden).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../helpers/fixture';
import { demoDistrict, openAt, service } from '../bundle/fixtures';
import { formRows } from '../../export/workbook/layout';
import { fillWorkbook, partText } from './fill';

const SOFFICE = '/usr/bin/soffice';
let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir('thongke-workbook-lo-');
});
afterAll(() => tmp.remove());

function convert(file: string): string {
  const out = join(tmp.dir, 'converted');
  mkdirSync(out, { recursive: true });
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${join(tmp.dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const converted = join(out, file.split('/').pop()!);
  if (r.status !== 0 || !existsSync(converted)) throw new Error(`soffice failed: ${r.stderr}`);
  return converted;
}

describe.skipIf(!existsSync(SOFFICE))('a workbook saved by LibreOffice', () => {
  it('is read back: numbers, text numbers and the month, the values land in the database', async () => {
    const db = tmp.path('d.sqlite');
    demoDistrict(db);
    const store = openAt(db);
    try {
      const s = service(store);
      const r = await s['workbook.export']({ unit: 'TH_HH', period: '2025-01' });
      const rowOf = (code: string) => formRows(store.catalogue).find((x) => x.kind === 'element' && x.element.code === code)!.row;
      const [a, b] = r.units;
      const file = tmp.path('hh.xlsx');
      writeFileSync(file, fillWorkbook(r.bytes, {
        [a!.sheet]: { [`D${rowOf('DIS_INFLUENZA')}`]: 21, [`D${rowOf('CUR_VISITS')}`]: '2.345' },
        [b!.sheet]: { [`D${rowOf('AREA_KM2')}`]: 7.25 },
      }));
      const converted = convert(file);
      const bytes = readFileSync(converted);
      // Really rewritten by LibreOffice.
      expect(partText(bytes, 'docProps/app.xml')).toMatch(/LibreOffice/);
      const res = await s['workbook.import']({ files: [{ name: 'hh.xlsx', bytes }], period: '2025-01' });
      expect(res.status, JSON.stringify(res.problems.slice(0, 3))).toBe('imported');
      expect(res.counts.imported).toBe(3);
      const value = (unit: string, element: string) =>
        store.db
          .prepare("SELECT value FROM data_value v JOIN org_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id WHERE u.code = ? AND period = '2025-01' AND e.code = ?")
          .pluck()
          .get(unit, element);
      expect(value(a!.code, 'DIS_INFLUENZA')).toBe(21);
      expect(value(a!.code, 'CUR_VISITS')).toBe(2345);
      expect(value(b!.code, 'AREA_KM2')).toBe(7.25);
    } finally {
      store.close();
    }
  }, 180_000);
});
