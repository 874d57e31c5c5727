// The commune workbook's layout, shared by its writer and its reader: which columns hold what,
// the hidden sheet that identifies the workbook, the form version and the sheet names.
import { createHash } from 'node:crypto';
import type { Catalogue, CatalogueElement } from '../../core/catalogue';
import { takesEntry } from '../../core/catalogue';

/** The form's layout version: a workbook of another version is refused on import. */
export const FORM_VERSION = '1';
/** The very hidden sheet that identifies the workbook (never shown in Excel's "Unhide"). */
export const META_SHEET = '_thongke';
/** The marker in the hidden sheet's first cell: this workbook is one of ours. */
export const MARKER = 'thongke-workbook';

/** Columns of a commune's sheet: index, element, unit of measure, the month's input, last month. */
export const COL = { index: 1, name: 2, unit: 3, input: 4, previous: 5 } as const;
export const INPUT_COLUMN_LETTER = 'D';
/** The header row; rows below it are programme titles and elements. */
export const HEADER_ROW = 4;

/** Rows of the hidden sheet: key/value lines, then one line per input row of every sheet. */
export const META_ROWS = { marker: 1, form: 2, catalogue: 3, period: 4, unit: 5, created: 6, header: 8 } as const;

/**
 * The catalogue's fingerprint as the form sees it: the elements a commune enters, in order, with
 * their value types. A workbook made against another catalogue (an element added, a type
 * changed) is refused rather than read into the wrong rows.
 */
export function catalogueStamp(catalogue: Catalogue): string {
  const lines = communeElements(catalogue).map((e) => `${e.code}:${e.valueType}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** The elements a commune enters, in report order (programme, then element). */
export function communeElements(catalogue: Catalogue): CatalogueElement[] {
  const order = new Map(catalogue.programmes.map((p) => [p.code, p.sort]));
  return catalogue.elements
    .filter((e) => takesEntry(e, 'commune'))
    .sort((a, b) => (order.get(a.programme)! - order.get(b.programme)!) || a.sort - b.sort);
}

export type FormRow =
  | { kind: 'programme'; row: number; programme: string }
  | { kind: 'element'; row: number; element: CatalogueElement; index: number };

/** Where each programme title and element goes, the same on every sheet. */
export function formRows(catalogue: Catalogue): FormRow[] {
  const out: FormRow[] = [];
  let row = HEADER_ROW + 1;
  let last: string | null = null;
  let index = 0;
  for (const e of communeElements(catalogue)) {
    if (e.programme !== last) {
      out.push({ kind: 'programme', row: row++, programme: e.programme });
      last = e.programme;
      index = 0;
    }
    out.push({ kind: 'element', row: row++, element: e, index: ++index });
  }
  return out;
}

// Excel refuses these in a sheet name; "History" is reserved by Excel itself.
const FORBIDDEN = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/** A sheet name Excel takes: ≤ 31 characters, no \ / ? * [ ] :, not quoted, unique (case-insensitively). */
export function sheetName(title: string, used: Set<string>): string {
  let base = title.replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').trim();
  if (base === '' || base.toLowerCase() === 'history' || base.toLowerCase() === META_SHEET) base = `${base || 'Sheet'} 1`;
  base = [...base].slice(0, MAX_SHEET_NAME).join('').trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('').trim() + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** A cell's address as people read it in messages: `Xã Hoằng Kim!D14`. */
export function cellAddress(sheet: string, row: number, column: string = INPUT_COLUMN_LETTER): string {
  return `${sheet}!${column}${row}`;
}
