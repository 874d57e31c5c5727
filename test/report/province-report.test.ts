// The province's printed report (issue 11) on a real SQLite file: a province of two districts,
// two communes each, with districts' bundles received on time and late. One model makes the
// DOCX (opened by LibreOffice, read by pdftotext), the PDF (Chromium, read by pdftotext) and the
// XLSX (read by exceljs): the indicators table with ratios of sums (never the mean of the
// districts' ratios), the districts × elements appendix, the charts with their captions.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store';
import { openStore } from '../../db/store';
import { addUnits } from '../../db/units.repo';
import { closePdfBrowser } from '../../export/report/pdf';
import { renderReports, type RenderedReport } from '../../export/report/render';
import { service } from '../bundle/fixtures';
import { tempDir } from '../helpers/fixture';
import { flatten } from './seed-phrases';
import { libreOfficeToPdf, pdfText } from './tools';

const tmp = tempDir('thongke-preport-');
let store: Store;
let docx: RenderedReport;
let pdf: RenderedReport;
let xlsx: RenderedReport;
let docxText = '';
let docxPdf = '';
let pdfTextAll = '';

const UNITS = [
  { code: 'P', name: 'Tỉnh Thanh Hóa', level: 'province', parent: null },
  { code: 'DA', name: 'Huyện Hoằng Hóa', level: 'district', parent: 'P' },
  { code: 'A1', name: 'Xã Hoằng Giang', level: 'commune', parent: 'DA' },
  { code: 'A2', name: 'Xã Hoằng Xuân', level: 'commune', parent: 'DA' },
  { code: 'DB', name: 'Huyện Bá Thước', level: 'district', parent: 'P' },
  { code: 'B1', name: 'Xã Điền Quang', level: 'commune', parent: 'DB' },
  { code: 'B2', name: 'Xã Lũng Niêm', level: 'commune', parent: 'DB' },
] as const;

type Entry = [unit: string, element: string, value: number];
const ENTRIES: Entry[] = [
  // Infant deaths per 1,000 live births: DA 1 / 50 = 20‰, DB 1 / 200 = 5‰; the province
  // 2 / 250 = 8‰ (not < 8: off track), while the mean of the districts' ratios is 12.5‰.
  ['A1', 'RH_INFANT_DEATHS', 1],
  ['A1', 'RH_LIVE_BIRTHS', 20],
  ['A2', 'RH_INFANT_DEATHS', 0],
  ['A2', 'RH_LIVE_BIRTHS', 30],
  ['B1', 'RH_INFANT_DEATHS', 1],
  ['B1', 'RH_LIVE_BIRTHS', 120],
  ['B2', 'RH_INFANT_DEATHS', 0],
  ['B2', 'RH_LIVE_BIRTHS', 80],
  // HIV/AIDS prevalence: DA 3 / 2,000 = 0.15%, DB 9 / 2,000 = 0.45%; province 12 / 4,000 = 0.3% (not < 0.3).
  ['A1', 'POP_TOTAL', 1000],
  ['A2', 'POP_TOTAL', 1000],
  ['B1', 'POP_TOTAL', 1500],
  ['B2', 'POP_TOTAL', 500],
  ['A1', 'HIV_LIVING', 2],
  ['A2', 'AIDS_LIVING', 1],
  ['B1', 'HIV_LIVING', 8],
  ['B1', 'AIDS_LIVING', 1],
];

/** A district's month as a bundle import records it (db/bundle.repo.ts): first sent and received. */
function received(unit: string, period: string, sentAt: string): void {
  store.db
    .prepare(
      `INSERT INTO bundle_received (unit_id, period, revision, fingerprint, file_hash, received_by, received_at, sent_at, first_sent_at, first_received_at, unexplained)
       VALUES ((SELECT id FROM org_unit WHERE code = ?), ?, 1, 'fp', 'hash', 'test', ?, ?, ?, ?, 0)`,
    )
    .run(unit, period, sentAt, sentAt, sentAt, sentAt);
}

beforeAll(async () => {
  store = openStore(tmp.path('province.sqlite'), { create: true });
  addUnits(store.db, UNITS.map((u) => ({ ...u })));
  store.invalidateUnits();
  await service(store)['values.setMany']({ entries: ENTRIES.map(([unit, element, value]) => ({ unit, period: '2024-05', element, value })) });
  // Deadline: the 12th of the next month. DA on time every month; DB late in March, none in April.
  for (const m of ['01', '02', '03', '04', '05']) received('DA', `2024-${m}`, `2024-${String(Number(m) + 1).padStart(2, '0')}-05T03:00:00Z`);
  received('DB', '2024-01', '2024-02-10T03:00:00Z');
  received('DB', '2024-02', '2024-03-11T03:00:00Z');
  received('DB', '2024-03', '2024-04-20T03:00:00Z');
  received('DB', '2024-05', '2024-06-12T03:00:00Z');
  const made = await renderReports(store, { unit: 'P', period: '2024-05', date: '2024-06-15' }, ['docx', 'xlsx', 'pdf'], new Date('2024-06-20T00:00:00Z'));
  [docx, xlsx, pdf] = [made[0]!, made[1]!, made[2]!];
  const files = [docx, pdf].map((r) => {
    const f = tmp.path(`${r.fileName}`);
    writeFileSync(f, r.bytes);
    return f;
  });
  const [fromDocx] = libreOfficeToPdf([files[0]!], tmp.path('lo'));
  docxPdf = fromDocx!;
  docxText = flatten(pdfText(docxPdf, { layout: true }));
  if (process.env.PREPORT_DUMP) writeFileSync(process.env.PREPORT_DUMP, docxText);
  pdfTextAll = flatten(pdfText(files[1]!));
}, 180_000);

afterAll(async () => {
  await closePdfBrowser();
  store.close();
  tmp.remove();
});

describe("the province's report", () => {
  it('is built once for the three formats', () => {
    expect(docx.model).toBe(xlsx.model);
    expect(pdf.model).toBe(docx.model);
    expect(docx.model.charts.every((c) => c.svg)).toBe(true);
  });

  it("prints the province's header and area words, and the districts × elements appendix (DOCX via LibreOffice)", () => {
    for (const p of ['SỞ Y TẾ', '/BC-SYT', 'trên địa bàn tỉnh', 'Phụ lục II', 'SỐ LIỆU THÁNG 5 NĂM 2024 THEO HUYỆN, THỊ XÃ, THÀNH PHỐ', 'Huyện Hoằng Hóa', 'Huyện Bá Thước'])
      expect(docxText).toContain(p);
    expect(docxText).toContain('số liệu theo từng huyện, thị xã, thành phố tại Phụ lục II');
    expect(docxText).not.toContain('THEO XÃ, THỊ TRẤN');
  });

  it('prints the indicators table: target with its direction, the ratio of sums, on track in words (DOCX via LibreOffice)', () => {
    expect(docxText).toContain('Bảng 1. Các chỉ tiêu kế hoạch năm 2024, tháng 5 năm 2024');
    // Table rows wrap their long names over lines: the row's short cells stay together.
    expect(docxText).toMatch(/Tỷ suất tử vong trẻ em dưới .{0,60}‰ < 8‰ 8 Chưa đạt 1\/2/);
    // HIV: 12 / 4,000 = 0,3% for the province; 0,15% and 0,45% for the districts.
    expect(docxText).toMatch(/Tỷ lệ người nhiễm .{0,60}% < 0,3% 0,3 Chưa đạt 1\/2/);
    // Phụ lục III: each district's value and the province's, in words too.
    expect(docxText).toContain('Phụ lục III');
    expect(docxText).toContain('CÁC CHỈ TIÊU KẾ HOẠCH THÁNG 5 NĂM 2024 THEO HUYỆN, THỊ XÃ, THÀNH PHỐ');
    expect(docxText).toMatch(/Huyện Hoằng Hóa.*20 \(chưa đạt\)/);
    expect(docxText).toMatch(/Huyện Bá Thước.*5 \(đạt\)/);
    expect(docxText).toMatch(/Toàn tỉnh.*8 \(chưa đạt\)/);
    // Never the mean of the districts' ratios.
    expect(docxText).not.toContain('12,5');
    // An indicator the catalogue cannot compute says why.
    expect(docxText).toMatch(/Giường bệnh\/ vạn dân.*Chưa tính được: danh mục chưa có/);
  });

  it('puts the charts in the DOCX as SVG pictures with a PNG fallback, captioned', () => {
    const files = Object.keys(unzipSync(docx.bytes));
    expect(files.filter((f) => /^word\/media\/.+\.svg$/.test(f))).toHaveLength(docx.model.charts.length);
    expect(files.filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(docx.model.charts.length);
    expect(docxText).toContain('Biểu đồ 1. Tỷ suất tử vong trẻ em dưới 1 tuổi');
    // LibreOffice draws each picture at the text width (165 mm: 960 px at ≈ 148 ppi) …
    const images = execFileSync('pdfimages', ['-list', docxPdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[2] === 'image');
    expect(images).toHaveLength(docx.model.charts.length);
    for (const c of images) expect(Math.abs(Number(c[12]) - 148)).toBeLessThanOrEqual(2);
    // … whole: single automatic line spacing (under the body's 1.3 lines it clipped them to one line).
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml']!);
    const pictures = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:drawing>/gs)].map((m) => m[0]);
    expect(pictures).toHaveLength(docx.model.charts.length);
    for (const p of pictures) expect(p).toMatch(/<w:spacing [^>]*w:line="240" w:lineRule="auto"/);
  });

  it('draws the charts in the PDF with their captions and Vietnamese text', () => {
    const captions = pdf.model.charts.map((c) => c.caption);
    expect(captions).toHaveLength(3);
    expect(captions[0]).toMatch(/^Biểu đồ 1\. Tỷ suất tử vong trẻ em dưới 1 tuổi .*theo huyện, tháng 5 năm 2024 \(kế hoạch: < 8‰\)$/);
    expect(captions[1]).toMatch(/^Biểu đồ 2\. Tỷ lệ người nhiễm HIV\/AIDS/);
    expect(captions[2]).toBe('Biểu đồ 3. Tình hình gửi báo cáo tháng của các huyện năm 2024 (số đơn vị)');
    for (const c of captions) expect(pdfTextAll).toContain(c);
    // The charts' own text (inline SVG): legends, the target line, the district names.
    for (const p of ['Đạt kế hoạch', 'Chưa đạt kế hoạch', 'Kế hoạch < 8‰', 'Đúng hạn', 'Muộn', 'Chưa gửi', 'Huyện Hoằng Hóa'])
      expect(pdfTextAll).toContain(p);
    expect(pdfTextAll).toContain('KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ');
  });

  it('counts the districts on time, late and missing per month from the received bundles', () => {
    const spec = pdf.model.charts[2]!.spec;
    expect(spec.kind).toBe('timeliness');
    if (spec.kind !== 'timeliness') return;
    const by = Object.fromEntries(spec.series.map((s) => [s.state, s.values]));
    expect(spec.categories).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(by['on-time']).toEqual([2, 2, 1, 1, 2]);
    expect(by.late).toEqual([0, 0, 1, 0, 0]);
    expect(by.missing).toEqual([0, 0, 0, 1, 0]);
  });

  it('prints the indicators for a quarter, a half year, nine months and the year too', async () => {
    for (const [period, label] of [['2024-Q2', 'quý II năm 2024'], ['2024-H1', '6 tháng đầu năm 2024'], ['2024-9M', '9 tháng đầu năm 2024'], ['2024', 'năm 2024']] as const) {
      const [r] = await renderReports(store, { unit: 'P', period }, ['html'], new Date('2025-01-20T00:00:00Z'));
      const html = new TextDecoder().decode(r!.bytes);
      expect(html).toContain(`Bảng 1. Các chỉ tiêu kế hoạch năm 2024, ${label}`);
      expect(html).toContain('Phụ lục III');
      // The values are the period's sums: May's infant deaths are in every period that holds May.
      const infant = r!.model.indicators!.rows.find((x) => x.code === 'IND10_INFANT_MORTALITY')!;
      expect(infant.value.value).toBeCloseTo(8, 12);
      expect(html).toMatch(/<svg role="img" aria-label="Biểu đồ 1\. /);
    }
  });

  it('holds the indicators as numbers in their own XLSX sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.at(-1)).toBe('Phụ lục III - Chỉ tiêu kế hoạch');
    const ws = wb.getWorksheet('Phụ lục III - Chỉ tiêu kế hoạch')!;
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(5, 6)).toEqual(['Toàn tỉnh']);
    expect(header.slice(8)).toEqual(['Huyện Hoằng Hóa', 'Huyện Bá Thước']);
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === 'Tỷ suất tử vong trẻ em dưới 1 tuổi (trên 1.000 trẻ đẻ sống)') row = n;
    });
    expect(row).toBeGreaterThan(4);
    const r = ws.getRow(row);
    expect(r.getCell(4).value).toBe('<');
    expect(r.getCell(5).value).toBe(8);
    expect(r.getCell(6).value).toBeCloseTo(8, 12);
    expect(r.getCell(7).value).toBe('Chưa đạt');
    expect(r.getCell(9).value).toBeCloseTo(20, 12);
    expect(r.getCell(10).value).toBeCloseTo(5, 12);
    expect(typeof r.getCell(9).value).toBe('number');
  });
});
