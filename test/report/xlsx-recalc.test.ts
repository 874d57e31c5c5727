// The report workbook (issue 13): totals are live SUM formulas with cached values, LibreOffice
// recomputes them from the commune rows to the figures model; a commune-code column; whole-word
// sheet names in report order; the sex ratio stored unrounded with its format.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFigures } from '../../db/figures.repo';
import type { Store } from '../../db/store';
import { renderReport } from '../../export/report/render';
import { makeFixture } from './fixture';

let dir: string;
let store: Store;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-xlsx-recalc-'));
  store = makeFixture(join(dir, 'f.sqlite'));
  const r = await renderReport(store, { unit: 'TH_HH', period: '2024-05', format: 'xlsx' });
  file = join(dir, r.fileName);
  writeFileSync(file, r.bytes);
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = async (f: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
};

type Formula = { formula: string; result?: number };
const isFormula = (v: unknown): v is Formula => typeof v === 'object' && v !== null && 'formula' in v;

/** Every total cell: sheet, address, formula, cached result. */
function totals(wb: ExcelJS.Workbook): { sheet: string; address: string; formula: string; result: number | undefined; header: string }[] {
  const out: { sheet: string; address: string; formula: string; result: number | undefined; header: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((c, col) => {
        if (isFormula(c.value)) out.push({ sheet: ws.name, address: c.address, formula: c.value.formula, result: c.value.result, header: ws.getRow(4).getCell(col).text });
      });
    });
  }
  return out;
}

describe('report workbook', () => {
  it('totals are SUM formulas whose cached values are the figures model', async () => {
    const wb = await read(file);
    const all = totals(wb);
    expect(all.length).toBeGreaterThan(40);
    const figures = new Map(getFigures(store, 'TH_HH', '2024-05').figures.map((f) => [f.element, f]));
    for (const t of all) {
      expect(t.formula).toMatch(/^SUM\([A-Z]+5:[A-Z]+7\)$/);
      const e = store.catalogue.elements.find((x) => t.header.startsWith(x.nameVi))!;
      expect(e, t.header).toBeDefined();
      const f = figures.get(e.code)!;
      // The file holds <v>0</v>; exceljs reads a cached 0 back as no result.
      expect(t.result ?? 0, `${t.sheet}!${t.address}`).toBeCloseTo(e.format === 'percent' || e.format === 'percent2' ? f.value! / 100 : f.value!, 9);
    }
  });

  it('LibreOffice recomputes every total from its formula to the same figure', async () => {
    // Spoil the cached values: what LibreOffice writes back can only come from computing the formulas.
    const wb = await read(file);
    const want = new Map(totals(wb).map((t) => [`${t.sheet}!${t.address}`, t.result]));
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        row.eachCell((c) => {
          if (isFormula(c.value)) c.value = { formula: c.value.formula, result: -1 };
        });
      });
    }
    wb.calcProperties = { fullCalcOnLoad: true };
    const spoiled = join(dir, 'spoiled.xlsx');
    await wb.xlsx.writeFile(spoiled);
    const out = join(dir, 'lo');
    mkdirSync(out);
    const profile = mkdtempSync(join(tmpdir(), 'thongke-lo-'));
    // LibreOffice's own setting "recalculate Excel 2007+ files on load: always", in a private profile.
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
    );
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, spoiled], { stdio: 'pipe', timeout: 120_000 });
    rmSync(profile, { recursive: true, force: true });
    const back = totals(await read(join(out, 'spoiled.xlsx')));
    expect(back.length).toBe(want.size);
    for (const t of back) expect(t.result ?? 0, `${t.sheet}!${t.address}`).toBeCloseTo(want.get(`${t.sheet}!${t.address}`) ?? 0, 9);
  }, 120_000);

  it('has a commune-code column, whole-word sheet names in report order, and the sex ratio unrounded', async () => {
    const wb = await read(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Phụ lục I - Tổng hợp');
    // Staffing (section I.4) comes before the disease programme (II.2), as in the report.
    expect(names.findIndex((n) => n.startsWith('I.4.'))).toBeLessThan(names.findIndex((n) => n.startsWith('II.2.')));
    const titles = store.catalogue.programmes.map((p) => `${p.section}. ${p.nameVi}`.replace(/[\\/?*[\]:]/g, '-'));
    // The plan indicators' sheet (Phụ lục III) comes last, after the programmes.
    expect(names.at(-1)).toBe('Phụ lục III - Chỉ tiêu kế hoạch');
    for (const n of names.slice(1, -1)) {
      expect(n.length).toBeLessThanOrEqual(31);
      // A whole-word prefix of its programme's title: never cut inside a word.
      const t = titles.find((x) => x.startsWith(n))!;
      expect(t, n).toBeDefined();
      expect(t.length === n.length || /[\s,;.-]/.test(t.charAt(n.length))).toBe(true);
    }
    const ws = wb.worksheets.find((w) => w.getRow(4).getCell(3).value === 'Mã đơn vị')!;
    expect(ws).toBeDefined();
    expect([5, 6, 7].map((r) => ws.getRow(r).getCell(3).value)).toEqual(['TH_HH_01', 'TH_HH_02', 'TH_HH_03']);
    const summary = wb.worksheets[0]!;
    const ratio = store.catalogue.elements.find((e) => e.code === 'FP_SEX_RATIO')!;
    let found = false;
    summary.eachRow((row) => {
      if (row.getCell(2).value !== ratio.nameVi) return;
      const c = row.getCell(4);
      const f = getFigures(store, 'TH_HH', '2024-05').figures.find((x) => x.element === 'FP_SEX_RATIO')!;
      expect(c.value).toBe(f.value);
      expect(c.numFmt).toContain('"/100"');
      found = true;
    });
    expect(found).toBe(true);
  });
});
