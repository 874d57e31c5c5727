// The entry grid's model, kept free of React and ag-grid so it is tested on its own: which
// rows a programme has in a month, the totals row, how typed and pasted text become values.
import type { CatalogueElement } from '../../core/catalogue';
import { sumsOverUnits, takesEntry, type ValueType } from '../../core/catalogue-kinds';
import { clipText } from '../../core/errors';
import { parseUserNumber } from '../../core/numbers';
import type { OrgUnit } from '../../core/orgunit';

export interface EntryRow {
  unit: string;
  name: string;
  level: OrgUnit['level'];
  /** element code → value; a missing key means nothing entered. */
  values: Record<string, number | null>;
  /** The row's own month is complete (a commune marked on its own): nothing can be typed in it. */
  locked?: boolean;
  /** Shown beside the name: e.g. whose bundle the row's data came from (then read-only). */
  note?: string;
}

export const TOTAL_ROW_UNIT = '__total__';

/** The elements a statistician types for a programme: everything but the computed ones. */
export function entryElements(elements: readonly CatalogueElement[], programme: string): CatalogueElement[] {
  return elements.filter((e) => e.programme === programme && e.kind !== 'derived');
}

export { entryUnits, monthUnitCodes } from '../../core/entry-units';

/** Whether a cell takes a value: commune elements on communes, district ones on the district and facilities. */
export function cellEditable(e: Pick<CatalogueElement, 'entryLevel' | 'kind'>, level: OrgUnit['level']): boolean {
  return takesEntry(e, level);
}

/**
 * The totals row: flows, stocks and cumulative totals add up over the rows; a rate is never
 * summed (it shows the district's own value when it has one). Empty when nothing was entered.
 */
export function totalsOf(rows: readonly EntryRow[], elements: readonly CatalogueElement[], home: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const e of elements) {
    if (!sumsOverUnits(e.kind)) {
      out[e.code] = rows.find((r) => r.unit === home)?.values[e.code] ?? null;
      continue;
    }
    let sum = 0;
    let any = false;
    for (const r of rows) {
      const v = r.values[e.code];
      if (v !== undefined && v !== null) {
        sum += v;
        any = true;
      }
    }
    out[e.code] = any ? sum : null;
  }
  return out;
}

export type CellParse =
  | { ok: true; value: number | null }
  | { ok: false; key: 'error.ambiguousNumber' | 'error.notANumber'; text: string };

/**
 * Text typed into a cell of an element of `valueType`: empty clears it; otherwise a vi-VN or
 * plain number, never a guess. The type decides "1.234": 1234 in a count or money column (as
 * the grid displays it), refused as ambiguous where decimals are allowed.
 */
export function parseCell(raw: unknown, valueType: ValueType | null): CellParse {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, key: 'error.notANumber', text: String(raw) };
  const text = typeof raw === 'string' ? raw : '';
  const parsed = parseUserNumber(text, valueType);
  if (parsed.ok) return { ok: true, value: parsed.value };
  if (parsed.reason === 'empty') return { ok: true, value: null };
  return { ok: false, key: parsed.reason === 'ambiguous' ? 'error.ambiguousNumber' : 'error.notANumber', text: clipText(text.trim()) };
}

/** A block copied from Excel: rows by newline, cells by tab; Excel's trailing newline dropped. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

export interface PasteEntry {
  unit: string;
  element: string;
  value: number | null;
}

export interface PasteProblem {
  /** 1-based row and column inside the pasted block. */
  row: number;
  col: number;
  key: string;
  text: string;
}

/**
 * Maps a pasted block onto the grid from the focused cell. Every cell is parsed first; the
 * caller saves all entries at once, or none when there is a problem (all-or-nothing).
 */
export function pasteEntries(
  block: readonly string[][],
  rows: readonly EntryRow[],
  columns: readonly CatalogueElement[],
  startRow: number,
  startCol: number,
): { entries: PasteEntry[]; problems: PasteProblem[] } {
  const entries: PasteEntry[] = [];
  const problems: PasteProblem[] = [];
  block.forEach((cells, i) => {
    const row = rows[startRow + i];
    cells.forEach((cell, j) => {
      const col = columns[startCol + j];
      if (!row || !col) {
        if (cell.trim() !== '') problems.push({ row: i + 1, col: j + 1, key: 'ui.entry.pasteOutside', text: clipText(cell.trim()) });
        return;
      }
      if (!cellEditable(col, row.level)) {
        if (cell.trim() !== '') problems.push({ row: i + 1, col: j + 1, key: 'ui.entry.pasteNotEditable', text: clipText(cell.trim()) });
        return;
      }
      const parsed = parseCell(cell, col.valueType);
      if (!parsed.ok) problems.push({ row: i + 1, col: j + 1, key: parsed.key, text: parsed.text });
      else entries.push({ unit: row.unit, element: col.code, value: parsed.value });
    });
  });
  return { entries, problems };
}

/**
 * A column pasted into the "Theo xã" form: one unit, its fields in form order, the block's lines
 * going down the fields from the focused one. It is the grid's paste turned on its side (the
 * form's fields are the grid's columns of one row), so the same parsing and problems apply; a
 * problem names its line and column in the block as it was copied. A second column, or lines
 * past the last field, are "outside the table".
 */
export function formPasteEntries(
  block: readonly string[][],
  unit: Pick<EntryRow, 'unit' | 'level'>,
  fields: readonly CatalogueElement[],
  start: number,
): { entries: PasteEntry[]; problems: PasteProblem[] } {
  const width = Math.max(0, ...block.map((line) => line.length));
  const turned = Array.from({ length: width }, (_, j) => block.map((line) => line[j] ?? ''));
  const { entries, problems } = pasteEntries(turned, [{ ...unit, name: '', values: {} }], fields, 0, start);
  return { entries, problems: problems.map((p) => ({ ...p, row: p.col, col: p.row })).sort((a, b) => a.row - b.row || a.col - b.col) };
}
