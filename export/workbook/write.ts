// Writes the commune workbook (exceljs): one sheet per commune with the month's form — programme
// titles and elements in report order, names and units, the month's input column (pre-filled
// with what the database holds) and last month's values for reference — and a very hidden
// sheet that identifies the units, the month, the form version and the element of every row.
// Sheets are protected (no password: it guards against slips, not against people) with only
// the input cells unlocked; each input cell validates its value type as the grid does.
import type ExcelJS from 'exceljs';
import type { CatalogueElement } from '../../core/catalogue';
import { COL, FORM_VERSION, HEADER_ROW, MARKER, META_ROWS, META_SHEET, type FormRow } from './layout';

// The Vietnamese locale tag: LibreOffice shows 1.234 and 8,7 whatever the machine's locale
// (Excel follows the user's regional settings, which on these PCs are Vietnamese).
const VI = '[$-42A]';

export interface WorkbookLabels {
  title: string;
  subtitle: string;
  help: string;
  index: string;
  element: string;
  unit: string;
  input: string;
  previous: string;
  /** Data validation's error box, per value type. */
  errorTitle: string;
  errors: Record<CatalogueElement['valueType'], string>;
  prompts: Record<CatalogueElement['valueType'], string>;
}

export interface WorkbookSheet {
  unit: { code: string; name: string };
  sheet: string;
  /** The month's values held, by element code. */
  values: ReadonlyMap<string, number>;
  /** Last month's values, by element code. */
  previous: ReadonlyMap<string, number>;
  /** The sheet's own title lines (the commune's name in them). */
  labels: WorkbookLabels;
}

export interface WorkbookForm {
  period: string;
  /** The unit asked for: the commune itself, or the district of every sheet. */
  unit: string;
  catalogueStamp: string;
  created: string;
  rows: FormRow[];
  programmeTitles: ReadonlyMap<string, string>;
  sheets: WorkbookSheet[];
  /** The language of names and units (the reader accepts either). */
  lang: 'vi' | 'en';
}

export function numberFormat(valueType: CatalogueElement['valueType']): string {
  switch (valueType) {
    case 'count':
    case 'money':
      return `${VI}#,##0`;
    case 'percent':
      return `${VI}0.0#`;
    case 'decimal':
      return `${VI}#,##0.0#`;
  }
}

/** Excel's data validation for an element: whole numbers ≥ 0, decimals ≥ 0, or 0–100. */
function validation(e: CatalogueElement, labels: WorkbookLabels): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: labels.errorTitle,
    error: labels.errors[e.valueType],
    showInputMessage: true,
    prompt: labels.prompts[e.valueType],
  };
  switch (e.valueType) {
    case 'count':
    case 'money':
      return { ...common, type: 'whole', operator: 'between', formulae: [0, 1e13] };
    case 'percent':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100] };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 1e13] };
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const FONT = { name: 'Times New Roman', size: 11 };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7CC' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function communeSheet(wb: ExcelJS.Workbook, form: WorkbookForm, s: WorkbookSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }] });
  const l = s.labels;
  ws.getColumn(COL.index).width = 6;
  ws.getColumn(COL.name).width = 58;
  ws.getColumn(COL.unit).width = 12;
  ws.getColumn(COL.input).width = 16;
  ws.getColumn(COL.previous).width = 16;
  ws.getCell(1, 1).value = l.title;
  ws.getCell(1, 1).font = { ...FONT, size: 13, bold: true };
  ws.getCell(2, 1).value = l.subtitle;
  ws.getCell(2, 1).font = { ...FONT, italic: true };
  ws.getCell(3, 1).value = l.help;
  ws.getCell(3, 1).font = { ...FONT, size: 10, italic: true };
  const head = [l.index, l.element, l.unit, l.input, l.previous];
  head.forEach((t, i) => {
    const c = ws.getCell(HEADER_ROW, i + 1);
    c.value = t;
    c.font = { ...FONT, bold: true };
    c.border = BOX;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(HEADER_ROW).height = 32;
  for (const r of form.rows) {
    if (r.kind === 'programme') {
      ws.mergeCells(r.row, COL.index, r.row, COL.previous);
      const c = ws.getCell(r.row, COL.index);
      c.value = form.programmeTitles.get(r.programme) ?? r.programme;
      c.font = { ...FONT, bold: true };
      c.fill = SECTION_FILL;
      continue;
    }
    const e = r.element;
    const numFmt = numberFormat(e.valueType);
    const cells: [number, ExcelJS.CellValue][] = [
      [COL.index, r.index],
      [COL.name, form.lang === 'en' ? e.nameEn : e.nameVi],
      [COL.unit, form.lang === 'en' ? e.unitEn : e.unitVi],
      [COL.input, s.values.get(e.code) ?? null],
      [COL.previous, s.previous.get(e.code) ?? null],
    ];
    for (const [col, value] of cells) {
      const c = ws.getCell(r.row, col);
      c.value = value;
      c.font = FONT;
      c.border = BOX;
    }
    ws.getCell(r.row, COL.index).alignment = { horizontal: 'center' };
    ws.getCell(r.row, COL.name).alignment = { wrapText: true, vertical: 'middle' };
    const input = ws.getCell(r.row, COL.input);
    input.numFmt = numFmt;
    input.fill = INPUT_FILL;
    input.protection = { locked: false };
    input.dataValidation = validation(e, l);
    const prev = ws.getCell(r.row, COL.previous);
    prev.numFmt = numFmt;
    prev.font = { ...FONT, color: { argb: 'FF606060' } };
  }
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
  return ws;
}

function metaSheet(wb: ExcelJS.Workbook, form: WorkbookForm): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const put = (row: number, key: string, value: string) => {
    ws.getCell(row, 1).value = key;
    ws.getCell(row, 2).value = value;
  };
  put(META_ROWS.marker, 'marker', MARKER);
  put(META_ROWS.form, 'form', FORM_VERSION);
  put(META_ROWS.catalogue, 'catalogue', form.catalogueStamp);
  put(META_ROWS.period, 'period', form.period);
  put(META_ROWS.unit, 'unit', form.unit);
  put(META_ROWS.created, 'created', form.created);
  ['sheet', 'unit', 'row', 'element'].forEach((h, i) => (ws.getCell(META_ROWS.header, i + 1).value = h));
  let row = META_ROWS.header + 1;
  for (const s of form.sheets) {
    for (const r of form.rows) {
      if (r.kind !== 'element') continue;
      // Text throughout: a converter (LibreOffice) keeps text as it is.
      ws.getRow(row++).values = [s.sheet, s.unit.code, String(r.row), r.element.code];
    }
  }
}

export async function renderWorkbook(form: WorkbookForm): Promise<Uint8Array> {
  // Loaded on first use: exceljs takes a fifth of a second to load.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Thống kê Y tế';
  wb.created = new Date(form.created);
  for (const s of form.sheets) {
    const ws = communeSheet(wb, form, s);
    // No password: the protection keeps labels and last month's figures from slips of the hand.
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  metaSheet(wb, form);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
