// The report's figures as a workbook (exceljs): a summary sheet with every programme's table
// (appendix 1), then one sheet per programme with the units below × elements and a totals
// row that is the figures model itself. Cells hold numbers, not text, so users can compute;
// number formats carry the Vietnamese locale tag [$-42A] so that LibreOffice shows 509.591
// and 8,7% whatever the machine's locale (Excel follows the user's regional settings).
import type ExcelJS from 'exceljs';
import type { Cell } from './format';
import type { ReportModel } from './model';

const VI = '[$-42A]';

/** The number stored in the sheet and its format: percentages as fractions, as Excel expects. */
export function sheetValue(c: Cell): { value: number; numFmt: string } | null {
  if (c.value === null) return null;
  const v = c.value;
  switch (c.format) {
    case 'percent':
    case 'pct1':
      return { value: v / 100, numFmt: `${VI}0.0%` };
    case 'percent2':
      return { value: v / 100, numFmt: `${VI}0.00%` };
    case 'money':
      return { value: v, numFmt: `${VI}#,##0"đ"` };
    case 'per100':
      // Stored unrounded (boys per 100 girls, as computed), shown with one decimal: a format cannot
      // truncate as the report's sentence does (118/100), and rounding would print 119/100.
      return { value: v, numFmt: `${VI}0.0"/100"` };
    case 'fixed1':
      return { value: v, numFmt: `${VI}0.0` };
    case 'number':
      return { value: v, numFmt: Number.isInteger(v) ? `${VI}#,##0` : `${VI}#,##0.00` };
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const FONT = { name: 'Times New Roman', size: 11 };

function put(ws: ExcelJS.Worksheet, row: number, col: number, c: Cell | string, bold = false): void {
  const x = ws.getCell(row, col);
  if (typeof c === 'string') x.value = c;
  else {
    const v = sheetValue(c);
    if (v) {
      x.value = v.value;
      x.numFmt = v.numFmt;
    } else {
      x.value = c.text;
      x.alignment = { horizontal: 'center' };
    }
  }
  x.border = BOX;
  x.font = { ...FONT, bold };
}

function headerRow(ws: ExcelJS.Worksheet, row: number, texts: string[]): void {
  texts.forEach((t, i) => {
    const x = ws.getCell(row, i + 1);
    x.value = t;
    x.font = { ...FONT, bold: true };
    x.border = BOX;
    x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 62;
}

function setup(ws: ExcelJS.Worksheet, title: string, sub: string, headerAt: number, columns: number): void {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...FONT, size: 13, bold: true };
  ws.getCell(2, 1).value = sub;
  ws.getCell(2, 1).font = { ...FONT, italic: true };
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerAt }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerAt}:${headerAt}`,
    margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: '&C&P' };
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 34;
  for (let i = 3; i <= columns; i++) ws.getColumn(i).width = 15;
}

/** The longest run of whole words of `text` that fits `max` characters. */
function wholeWords(text: string, max: number): string {
  let out = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    const next = out ? `${out} ${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out || text.slice(0, max);
}

/** Excel sheet names: ≤ 31 characters cut at a word, none of \ / ? * [ ] :, unique. */
export function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(/[\\/?*[\]:]/g, '-').replace(/[\s,;.-]+$/, '');
  const base = wholeWords(clean, 31).replace(/[\s,;.-]+$/, '');
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${wholeWords(clean, 26).replace(/[\s,;.-]+$/, '')} (${i})`;
  used.add(name.toLowerCase());
  return name;
}

/** A column letter: 1 → A, 27 → AA. */
function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function summarySheet(wb: ExcelJS.Workbook, r: ReportModel, name: string): void {
  const a = r.appendix;
  const ws = wb.addWorksheet(name);
  const head = [a.columns.index, a.columns.element, a.columns.unit, ...a.columns.values];
  setup(ws, a.programmesTitle, `${r.header.unitName} — ${a.legend}`, 4, head.length);
  ws.getColumn(2).width = 48;
  ws.getColumn(3).width = 11;
  headerRow(ws, 4, head);
  let row = 5;
  for (const p of a.programmes) {
    ws.mergeCells(row, 1, row, head.length);
    ws.getCell(row, 1).value = p.title;
    ws.getCell(row, 1).font = { ...FONT, bold: true };
    row++;
    for (const x of p.rows) {
      put(ws, row, 1, x.index);
      put(ws, row, 2, x.label);
      put(ws, row, 3, x.unit);
      x.cells.forEach((c, i) => put(ws, row, 4 + i, c));
      row++;
    }
  }
}

/** Phụ lục III as a sheet: each plan indicator, its target and direction, the unit's value and each unit below's, as numbers. */
function indicatorsSheet(wb: ExcelJS.Workbook, r: ReportModel, name: string): void {
  const s = r.indicators!;
  const a = s.appendix;
  const ws = wb.addWorksheet(name);
  const below = a.rows.filter((x) => !x.total);
  const own = a.rows.find((x) => x.total);
  const [cIndex, cIndicator, cUnit, cTarget, , cVerdict, cChildren] = s.columns;
  const head = [cIndex!, cIndicator!, cUnit!, s.directionHeader, cTarget!, own?.name ?? '', cVerdict!, cChildren!, ...below.map((x) => x.name)];
  setup(ws, a.title, `${r.header.unitName} — ${s.tableCaption}`, 4, head.length);
  ws.getColumn(2).width = 48;
  ws.getColumn(4).width = 10;
  ws.getColumn(7).width = 30;
  headerRow(ws, 4, head);
  const num = (v: number | null): Cell => ({ text: v === null ? '—' : '', value: v, format: 'number' });
  const fmt = `${VI}#,##0.00`;
  s.rows.forEach((x, n) => {
    const row = 5 + n;
    put(ws, row, 1, x.index);
    put(ws, row, 2, x.label);
    put(ws, row, 3, x.unit);
    put(ws, row, 4, x.directionText);
    ws.getCell(row, 4).alignment = { horizontal: 'center' };
    put(ws, row, 5, num(x.targetValue));
    put(ws, row, 6, num(x.value.value), true);
    put(ws, row, 7, x.verdict);
    put(ws, row, 8, x.children);
    // Each unit below's value of this indicator (the appendix holds only computable indicators).
    const col = a.columns.findIndex((c) => c.code === x.code);
    below.forEach((u, k) => put(ws, row, 9 + k, num(col < 0 ? null : u.cells[col]!.value)));
    for (let c = 5; c <= head.length; c++) if (c !== 7 && c !== 8 && typeof ws.getCell(row, c).value === 'number') ws.getCell(row, c).numFmt = fmt;
  });
}

export async function renderReportXlsx(r: ReportModel): Promise<Uint8Array> {
  // Loaded on first use: exceljs takes a fifth of a second to load, and the app, the CLI and
  // most commands never write a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Thống kê Y tế';
  wb.title = r.title.join(' ');
  // Readers that honour it (Excel) recompute the SUM totals on opening.
  wb.calcProperties = { fullCalcOnLoad: true };
  const a = r.appendix;
  const used = new Set<string>();
  summarySheet(wb, r, sheetName('Phụ lục I - Tổng hợp', used));
  for (const p of a.programmes) {
    const g = a.communes.find((x) => x.code === p.code);
    const ws = wb.addWorksheet(sheetName(p.title, used));
    if (!g) {
      // Nothing in this programme is entered per commune: its sheet is its summary table.
      const head = [a.columns.index, a.columns.element, a.columns.unit, ...a.columns.values];
      setup(ws, `${p.title} — ${a.communesTitle}`, r.header.unitName, 4, head.length);
      headerRow(ws, 4, head);
      p.rows.forEach((x, n) => {
        put(ws, 5 + n, 1, x.index);
        put(ws, 5 + n, 2, x.label);
        put(ws, 5 + n, 3, x.unit);
        x.cells.forEach((c, i) => put(ws, 5 + n, 4 + i, c));
      });
      continue;
    }
    // TT, the commune's name, its code (for joining with other files), then one column per element.
    const head = [a.columns.index, a.communeHeader, a.codeHeader, ...g.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label))];
    setup(ws, `${p.title} — ${a.communesTitle}`, r.header.unitName, 4, head.length);
    ws.getColumn(3).width = 12;
    headerRow(ws, 4, head);
    g.rows.forEach((x, n) => {
      put(ws, 5 + n, 1, String(n + 1));
      put(ws, 5 + n, 2, x.name);
      put(ws, 5 + n, 3, x.code);
      x.cells.forEach((c, i) => put(ws, 5 + n, 4 + i, c));
    });
    const totalRow = 5 + g.rows.length;
    put(ws, totalRow, 1, '', true);
    put(ws, totalRow, 2, a.totalLabel, true);
    put(ws, totalRow, 3, '', true);
    g.total.forEach((c, i) => {
      const col = 4 + i;
      put(ws, totalRow, col, c, true);
      // The total is a live SUM of the rows above (with its value cached for readers that do not
      // compute) wherever the rows add up to the figures model's total; otherwise the value alone.
      const v = sheetValue(c);
      const rows = g.rows.map((x) => sheetValue(x.cells[i]!)?.value ?? 0);
      const sum = rows.reduce((s, x) => s + x, 0);
      if (v && g.rows.length > 0 && Math.abs(sum - v.value) <= 1e-9 * Math.max(1, Math.abs(v.value))) {
        const L = colName(col);
        ws.getCell(totalRow, col).value = { formula: `SUM(${L}5:${L}${totalRow - 1})`, result: v.value };
      }
    });
  }
  if (r.indicators) indicatorsSheet(wb, r, sheetName(`${r.indicators.appendix.number} - Chỉ tiêu kế hoạch`, used));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
