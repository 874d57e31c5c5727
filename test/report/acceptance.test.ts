// Acceptance of issue 5 on the demo database: the district's May 2024 report in DOCX, PDF and
// XLSX, read back by real readers (LibreOffice, pdftotext, exceljs), holds every figure of seed
// 004 in its sentence as the seed prints it, and the workbook's totals are the figures model.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/demo';
import { getFigures } from '../../db/figures.repo';
import { getSetting } from '../../db/settings.repo';
import { openStore, type Store } from '../../db/store';
import { closePdfBrowser } from '../../export/report/pdf';
import { renderReport } from '../../export/report/render';
import { sheetValue } from '../../export/report/xlsx';
import { FRAME_PHRASES, SEED_PHRASES, flatten } from './seed-phrases';
import { libreOfficeToPdf, pdfInfo, pdfText } from './tools';

let dir: string;
let store: Store;
const files: Record<'docx' | 'pdf' | 'xlsx', string> = { docx: '', pdf: '', xlsx: '' };
let docxPdf = '';
let xlsxPdf = '';
const now = new Date(2024, 5, 10);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-report-'));
  store = openStore(join(dir, 'demo.sqlite'), { create: true });
  seedDemo(store);
  for (const format of ['docx', 'pdf', 'xlsx'] as const) {
    const r = await renderReport(store, { unit: 'TH_HH', period: '2024-05', format, date: '2024-06-10' }, now);
    // Distinct base names: LibreOffice names each PDF after its source file.
    files[format] = join(dir, `${format}-${r.fileName}`);
    writeFileSync(files[format], r.bytes);
  }
  // One LibreOffice run for both files: it is the slow part.
  const pdfs = libreOfficeToPdf([files.docx, files.xlsx], join(dir, 'lo'));
  docxPdf = pdfs[0]!;
  xlsxPdf = pdfs[1]!;
}, 120_000);

afterAll(async () => {
  await closePdfBrowser();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the May 2024 district report (seed 004)', () => {
  it('PDF (Chromium): every seed figure in its sentence, header, title and signature', () => {
    const text = flatten(pdfText(files.pdf, { layout: true }));
    for (const p of [...SEED_PHRASES, ...FRAME_PHRASES, getSetting(store, 'report.signerName')!]) expect(text).toContain(p);
    expect(text).not.toMatch(/NaN|undefined|\{[A-Za-z.]+\}/);
  });

  it('DOCX opened by LibreOffice: every seed figure in its sentence', () => {
    const text = flatten(pdfText(docxPdf, { layout: true }));
    for (const p of [...SEED_PHRASES, ...FRAME_PHRASES]) expect(text).toContain(p);
  });

  it('pages are A4, numbered at the top from page 2, with the appendix and landscape commune tables', () => {
    for (const f of [files.pdf, docxPdf]) {
      const info = pdfInfo(f);
      expect(Math.round(info.width)).toBe(595);
      expect(Math.round(info.height)).toBe(842);
      expect(pdfText(f, { first: 1, last: 1 }).trim().split('\n')[0]).not.toMatch(/^\d+$/);
      expect(pdfText(f, { first: 2, last: 2 }).trim().split('\n')[0]!.trim()).toBe('2');
      const last = pdfText(f, { first: info.pages, last: info.pages, layout: true });
      // The last landscape pages: the communes' tables, then the plan indicators by commune (Phụ lục III).
      expect(last).toContain('Toàn huyện');
      expect(flatten(pdfText(f))).toContain('Phụ lục I');
      expect(flatten(pdfText(f))).toContain('Tổng cộng');
    }
    const landscape = pdfInfo(files.pdf);
    expect(landscape.pages).toBeGreaterThan(12);
  });

  it('DOCX names Times New Roman and sets the Decree 30 margins', () => {
    const zip = unzipSync(new Uint8Array(readFileSync(files.docx)));
    const styles = strFromU8(zip['word/styles.xml']!);
    const doc = strFromU8(zip['word/document.xml']!);
    expect(styles).toContain('Times New Roman');
    expect(doc).toMatch(/w:pgMar[^>]*w:left="170[01]"/); // 30 mm
    expect(doc).toMatch(/w:pgMar w:top="113[34]"/); // 20 mm
    expect(doc).toContain('w:titlePg');
    expect(doc).toContain('w:orient="landscape"');
  });

  it('XLSX: one sheet per programme, totals equal the figures model, frozen headers, A4 landscape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.xlsx);
    const figures = new Map(getFigures(store, 'TH_HH', '2024-05').figures.map((f) => [f.element, f]));
    // The summary, one sheet per programme, and the plan indicators' sheet.
    expect(wb.worksheets.length).toBe(store.catalogue.programmes.length + 2);
    let checked = 0;
    for (const ws of wb.worksheets.slice(1, -1)) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 2 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
      let totalRow = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(2).value === 'Tổng cộng') totalRow = n;
      });
      if (totalRow === 0) continue;
      const header = ws.getRow(4);
      for (let c = 4; c <= ws.columnCount; c++) {
        const v = header.getCell(c).value;
        const label = typeof v === 'string' ? v : '';
        if (!label) continue;
        const e = store.catalogue.elements.find((x) => label.startsWith(x.nameVi));
        expect(e, label).toBeDefined();
        const f = figures.get(e!.code)!;
        const want = sheetValue({ text: '', value: f.value, format: e!.format ?? (e!.valueType === 'money' ? 'money' : 'number') });
        const raw = ws.getRow(totalRow).getCell(c).value;
        // A total is a SUM formula with its cached value (issue 13), or the value itself.
        // (exceljs reads a cached 0 back as no result.)
        const got = typeof raw === 'object' && raw !== null && 'formula' in raw ? (raw.result ?? 0) : raw;
        expect(got).toBe(want?.value ?? '—');
        // Commune rows add up to the total for what communes enter.
        let sum = 0;
        for (let r = 5; r < totalRow; r++) sum += Number(ws.getRow(r).getCell(c).value ?? 0) || 0;
        if (e!.kind !== 'rate' && f.value !== null) expect(sum).toBeCloseTo(f.value, 6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('XLSX opened by LibreOffice shows vi-VN numbers', () => {
    const text = flatten(pdfText(xlsxPdf, { layout: true }));
    for (const p of ['509.591', '49.875.000đ', '99,35%', '118,6/100', '8,7%', '92,3%', '3,2', 'Tổng cộng', 'Thị trấn Bút Sơn']) expect(text).toContain(p);
  });
});
