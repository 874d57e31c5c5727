// Reads a filled commune workbook back (exceljs), after the zip guard: the hidden sheet's
// identity, and for every row it names the label and the input cell as found. Judging the
// values (types, ranges, units, locks) is the service's: this only reports what is there.
import type ExcelJS from 'exceljs';
import { COL, META_ROWS, META_SHEET } from './layout';
import { checkZip } from './zip-guard';

/** What an input cell holds, before any judgement. */
export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  /** A date, a truth value, an error (#DIV/0!) or a formula without a result. */
  | { kind: 'other'; text: string };

export interface WorkbookEntry {
  sheet: string;
  unit: string;
  row: number;
  element: string;
  /** The element's name as the sheet shows it (column B), to see that rows were not moved. */
  label: string;
  input: CellReading;
}

export interface WorkbookMeta {
  marker: string;
  form: string;
  catalogue: string;
  period: string;
  unit: string;
}

export type ReadResult =
  | { ok: true; meta: WorkbookMeta; entries: WorkbookEntry[]; missingSheets: string[] }
  | { ok: false; reason: 'notZip' | 'tooLarge' | 'corrupt' | 'notOurs' };

/** Whole 37-commune workbooks expand to about 3 MB; far more is not a form of ours. */
const LIMITS = { maxEntries: 2000, maxTotalBytes: 100 * 1024 * 1024 };
/** Most rows the hidden sheet may list (200 sheets × 500 elements). */
const MAX_ROWS = 100_000;

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v && v.result !== undefined) return text(v.result);
  if ('error' in v) return String(v.error);
  return '';
}

/** Whether a number format shows the value as a percentage (an unquoted, unescaped "%"). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /%/.test(numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));
}

export function readCell(cell: ExcelJS.Cell): CellReading {
  let v: ExcelJS.CellValue = cell.value;
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { kind: 'other', text: `=${(v as ExcelJS.CellFormulaValue).formula ?? ''}` };
    v = result;
  }
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') {
    // Typed as "8,7%" in Excel: the cell holds 0.087 and shows 8,7%, which is what the commune meant.
    return { kind: 'number', value: isPercentFormat(cell.numFmt) ? Math.round(v * 100 * 1e9) / 1e9 : v };
  }
  if (typeof v === 'string' || (typeof v === 'object' && !(v instanceof Date) && ('richText' in v || 'text' in v))) {
    const s = text(v);
    return s.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: s };
  }
  return { kind: 'other', text: text(v) };
}

export async function readWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  const zip = checkZip(bytes, LIMITS);
  if (!zip.ok) return zip;
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    // A zip that is not a spreadsheet (a .docx, a zipped folder) or a damaged one.
    return { ok: false, reason: 'notOurs' };
  }
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta) return { ok: false, reason: 'notOurs' };
  const value = (row: number) => text(meta.getCell(row, 2).value).trim();
  const m: WorkbookMeta = {
    marker: value(META_ROWS.marker),
    form: value(META_ROWS.form),
    catalogue: value(META_ROWS.catalogue),
    period: value(META_ROWS.period),
    unit: value(META_ROWS.unit),
  };
  const entries: WorkbookEntry[] = [];
  const missing = new Set<string>();
  const sheets = new Map<string, ExcelJS.Worksheet | undefined>();
  for (let r = META_ROWS.header + 1; r <= META_ROWS.header + MAX_ROWS; r++) {
    const row = meta.getRow(r);
    const sheet = text(row.getCell(1).value);
    if (sheet === '') break;
    const unit = text(row.getCell(2).value).trim();
    const at = Number(text(row.getCell(3).value).trim());
    const element = text(row.getCell(4).value).trim();
    if (!Number.isInteger(at) || at < 1 || at > 1_048_576) return { ok: false, reason: 'notOurs' };
    if (!sheets.has(sheet)) sheets.set(sheet, wb.getWorksheet(sheet));
    const ws = sheets.get(sheet);
    if (!ws) {
      missing.add(sheet);
      continue;
    }
    entries.push({ sheet, unit, row: at, element, label: text(ws.getCell(at, COL.name).value).trim(), input: readCell(ws.getCell(at, COL.input)) });
  }
  return { ok: true, meta: m, entries, missingSheets: [...missing] };
}
