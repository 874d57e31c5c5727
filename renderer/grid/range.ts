// A block of cells in the entry grid, as in a spreadsheet: chosen with Shift+arrows or the
// mouse, copied as tab-separated text Excel pastes (vi-VN numbers), filled down (Ctrl+D) or
// cleared (Delete) as one step. Kept free of React and ag-grid, so it is tested on its own.
import type { CatalogueElement } from '../../core/catalogue';
import { formatNumber, type Lang } from '../../core/format';
import { cellEditable, type EntryRow, type PasteEntry } from './entry-model';

/** A cell by its position: the row's index among the rows, the column's among the elements. */
export interface CellPos {
  row: number;
  col: number;
}

export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function rangeOf(anchor: CellPos, focus: CellPos): CellRange {
  return { top: Math.min(anchor.row, focus.row), bottom: Math.max(anchor.row, focus.row), left: Math.min(anchor.col, focus.col), right: Math.max(anchor.col, focus.col) };
}

export const rangeSize = (r: CellRange): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

export const inRange = (r: CellRange | null, row: number, col: number): boolean =>
  r !== null && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** Moves a position by one step (Shift+arrow), kept inside the grid. */
export function step(p: CellPos, key: string, rows: number, cols: number): CellPos {
  const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[key] ?? [0, 0];
  return { row: Math.min(Math.max(p.row + d[0]!, 0), rows - 1), col: Math.min(Math.max(p.col + d[1]!, 0), cols - 1) };
}

/** A cell typed in here: an element the row's level enters, and a row that is not read-only. */
const writable = (row: EntryRow, e: CatalogueElement): boolean => row.locked !== true && cellEditable(e, row.level);

/**
 * A value as copied: counts and money grouped as the grid shows them (1.234), decimals and
 * percentages ungrouped with the language's decimal sign (8,7), so that pasting into a decimal
 * column never meets an ambiguous "1.234"; full precision (a copy is data, not a print).
 */
function cellText(v: number, e: CatalogueElement, lang: Lang): string {
  if (e.valueType === 'count' || e.valueType === 'money') return formatNumber(v, lang, 6);
  const plain = String(v);
  return lang === 'vi' ? plain.replace('.', ',') : plain;
}

/**
 * The block as text Excel and LibreOffice paste: cells separated by tabs, rows by CRLF, numbers
 * as the grid shows them in vi-VN (1.234; 8,7), empty cells empty. Pasting it back into the grid
 * gives the same values (the grid reads vi-VN numbers by the column's type).
 */
export function copyText(r: CellRange, rows: readonly EntryRow[], elements: readonly CatalogueElement[], lang: Lang): string {
  const lines: string[] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const row = rows[i];
    const cells: string[] = [];
    for (let j = r.left; j <= r.right; j++) {
      const e = elements[j];
      const v = row && e ? row.values[e.code] : undefined;
      cells.push(typeof v === 'number' && e ? cellText(v, e, lang) : '');
    }
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Ctrl+D: the block's top row copied into every row below it in the block (cells that take a value). */
export function fillDown(r: CellRange, rows: readonly EntryRow[], elements: readonly CatalogueElement[]): PasteEntry[] {
  const out: PasteEntry[] = [];
  const source = rows[r.top];
  if (!source) return out;
  for (let j = r.left; j <= r.right; j++) {
    const e = elements[j];
    if (!e) continue;
    const value = source.values[e.code] ?? null;
    for (let i = r.top + 1; i <= r.bottom; i++) {
      const row = rows[i];
      if (!row || !writable(row, e) || (row.values[e.code] ?? null) === value) continue;
      out.push({ unit: row.unit, element: e.code, value });
    }
  }
  return out;
}

/** Delete: every value of the block cleared (cells that take a value and hold one). */
export function clearRange(r: CellRange, rows: readonly EntryRow[], elements: readonly CatalogueElement[]): PasteEntry[] {
  const out: PasteEntry[] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const row = rows[i];
    if (!row) continue;
    for (let j = r.left; j <= r.right; j++) {
      const e = elements[j];
      if (!e || !writable(row, e) || (row.values[e.code] ?? null) === null) continue;
      out.push({ unit: row.unit, element: e.code, value: null });
    }
  }
  return out;
}
