import { describe, expect, it } from 'vitest';
import type { CatalogueElement } from '../../core/catalogue';
import { parseClipboardBlock, pasteEntries, type EntryRow } from './entry-model';
import { clearRange, copyText, fillDown, inRange, rangeOf, step } from './range';

const el = (code: string, valueType: CatalogueElement['valueType'], entryLevel: 'commune' | 'district' = 'commune') =>
  ({ code, valueType, entryLevel, kind: 'flow' }) as CatalogueElement;
const elements = [el('A', 'count'), el('B', 'decimal'), el('C', 'count', 'district')];
const rows: EntryRow[] = [
  { unit: 'C1', name: 'Xã 1', level: 'commune', values: { A: 1234, B: 8.7, C: null } },
  { unit: 'C2', name: 'Xã 2', level: 'commune', values: { A: 5 } },
  { unit: 'C3', name: 'Xã 3', level: 'commune', values: { A: 7, B: 1234 }, locked: true },
  { unit: 'C4', name: 'Xã 4', level: 'commune', values: { A: 9, B: 0.5 } },
];

describe('a block of cells', () => {
  it('is the rectangle between the anchor and the focus, whichever way it was drawn', () => {
    expect(rangeOf({ row: 3, col: 0 }, { row: 1, col: 2 })).toEqual({ top: 1, bottom: 3, left: 0, right: 2 });
    expect(inRange(rangeOf({ row: 0, col: 0 }, { row: 1, col: 1 }), 1, 1)).toBe(true);
    expect(inRange(null, 0, 0)).toBe(false);
    expect(step({ row: 0, col: 0 }, 'ArrowUp', 4, 3)).toEqual({ row: 0, col: 0 });
    expect(step({ row: 0, col: 2 }, 'ArrowRight', 4, 3)).toEqual({ row: 0, col: 2 });
    expect(step({ row: 1, col: 1 }, 'ArrowDown', 4, 3)).toEqual({ row: 2, col: 1 });
  });

  it('copies as text Excel pastes (vi-VN numbers, tabs, CRLF), and pastes back to the same values', () => {
    const r = rangeOf({ row: 0, col: 0 }, { row: 1, col: 1 });
    const text = copyText(r, rows, elements, 'vi');
    expect(text).toBe('1.234\t8,7\r\n5\t\r\n');
    const back = pasteEntries(parseClipboardBlock(text), rows, elements, 0, 0);
    expect(back.problems).toEqual([]);
    expect(back.entries).toEqual([
      { unit: 'C1', element: 'A', value: 1234 },
      { unit: 'C1', element: 'B', value: 8.7 },
      { unit: 'C2', element: 'A', value: 5 },
      { unit: 'C2', element: 'B', value: null },
    ]);
    // A decimal 1234 is copied ungrouped: "1.234" would be ambiguous in a decimal column.
    expect(copyText(rangeOf({ row: 2, col: 1 }, { row: 2, col: 1 }), rows, elements, 'vi')).toBe('1234\r\n');
    expect(copyText(rangeOf({ row: 0, col: 0 }, { row: 0, col: 1 }), rows, elements, 'en')).toBe('1,234\t8.7\r\n');
  });

  it('fills down the top row, skipping read-only rows, cells of another level and equal values', () => {
    const r = rangeOf({ row: 0, col: 0 }, { row: 3, col: 2 });
    expect(fillDown(r, rows, elements)).toEqual([
      { unit: 'C2', element: 'A', value: 1234 },
      { unit: 'C4', element: 'A', value: 1234 },
      { unit: 'C2', element: 'B', value: 8.7 },
      { unit: 'C4', element: 'B', value: 8.7 },
    ]);
  });

  it('clears the values of the block, skipping read-only rows and empty cells', () => {
    expect(clearRange(rangeOf({ row: 1, col: 0 }, { row: 3, col: 1 }), rows, elements)).toEqual([
      { unit: 'C2', element: 'A', value: null },
      { unit: 'C4', element: 'A', value: null },
      { unit: 'C4', element: 'B', value: null },
    ]);
  });
});
