import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../core/format';
import { parseCommuneList } from '../setup-model';
import type { CatalogueElement } from '../../core/catalogue';
import { cellEditable, entryUnits, formPasteEntries, parseCell, parseClipboardBlock, pasteEntries, totalsOf, type EntryRow } from './entry-model';

const el = (
  code: string,
  kind: CatalogueElement['kind'],
  entryLevel: CatalogueElement['entryLevel'] = 'commune',
  valueType: CatalogueElement['valueType'] = 'count',
) => ({ code, kind, entryLevel, valueType }) as CatalogueElement;
const rows: EntryRow[] = [
  { unit: 'C1', name: 'Xã Một', level: 'commune', values: { A: 1, S: 10, R: 50 } },
  { unit: 'C2', name: 'Xã Hai', level: 'commune', values: { A: 2, S: null } },
  { unit: 'D', name: 'Huyện', level: 'district', values: { R: 40 } },
];

describe('the entry grid model', () => {
  it('reads typed numbers vi-VN style and refuses ambiguous ones', () => {
    expect(parseCell('8,7', 'decimal')).toEqual({ ok: true, value: 8.7 });
    expect(parseCell('1.234.567', 'decimal')).toEqual({ ok: true, value: 1234567 });
    expect(parseCell('  ', 'decimal')).toEqual({ ok: true, value: null });
    expect(parseCell('1.234', 'decimal')).toMatchObject({ ok: false, key: 'error.ambiguousNumber' });
    expect(parseCell('1.234', 'percent')).toMatchObject({ ok: false, key: 'error.ambiguousNumber' });
    expect(parseCell('mười', 'count')).toMatchObject({ ok: false, key: 'error.notANumber' });
    expect(parseCell('1 2', 'count')).toMatchObject({ ok: false, key: 'error.notANumber' });
  });

  it('accepts in a count or money cell what the grid displays for it', () => {
    for (const n of [1234, 56789, 1234567]) {
      for (const lang of ['vi', 'en'] as const) {
        expect(parseCell(formatNumber(n, lang, 2), 'count')).toEqual({ ok: true, value: n });
        expect(parseCell(formatNumber(n, lang, 2), 'money')).toEqual({ ok: true, value: n });
      }
    }
    expect(parseCell('1.234', 'count')).toEqual({ ok: true, value: 1234 });
  });

  it('adds flows and stocks over the rows, never a rate', () => {
    expect(totalsOf(rows, [el('A', 'flow'), el('S', 'stock'), el('R', 'rate')], 'D')).toEqual({ A: 3, S: 10, R: 40 });
    expect(totalsOf(rows, [el('Z', 'flow')], 'D')).toEqual({ Z: null });
  });

  it('maps an Excel block onto cells from the focused one, all or nothing', () => {
    const cols = [el('A', 'flow'), el('B', 'flow'), el('X', 'flow', 'district')];
    const ok = pasteEntries(parseClipboardBlock('5\t6\r\n7\t8\r\n'), rows, cols, 0, 0);
    expect(ok.problems).toEqual([]);
    expect(ok.entries).toEqual([
      { unit: 'C1', element: 'A', value: 5 },
      { unit: 'C1', element: 'B', value: 6 },
      { unit: 'C2', element: 'A', value: 7 },
      { unit: 'C2', element: 'B', value: 8 },
    ]);
    const bad = pasteEntries(parseClipboardBlock('5\t6\t9\n1 2\t8\t\n'), rows, cols, 0, 0);
    expect(bad.problems.map((p) => [p.row, p.col, p.key])).toEqual([
      [1, 3, 'ui.entry.pasteNotEditable'],
      [2, 1, 'error.notANumber'],
    ]);
    // Each pasted cell is read with its own column's type: 1.234 is 1234 in a count, ambiguous in a rate.
    const typed = pasteEntries([['1.234', '1.234']], rows, [el('A', 'flow'), el('R', 'rate', 'commune', 'percent')], 0, 0);
    expect(typed.entries).toEqual([{ unit: 'C1', element: 'A', value: 1234 }]);
    expect(typed.problems.map((p) => [p.col, p.key])).toEqual([[2, 'error.ambiguousNumber']]);
    const long = pasteEntries([['x'.repeat(1_000_000), '1', '2', 'y'.repeat(1_000_000)]], rows, cols, 0, 0);
    expect(long.problems.map((p) => [p.key, p.text.length <= 80])).toEqual([['error.notANumber', true], ['ui.entry.pasteNotEditable', true], ['ui.entry.pasteOutside', true]]);
    expect(pasteEntries([['1', '2', '3', '4']], rows, cols, 0, 1).problems.map((p) => p.key)).toEqual(['ui.entry.pasteNotEditable', 'ui.entry.pasteOutside', 'ui.entry.pasteOutside']);
  });

  it('lets commune elements be typed on communes only, district ones on the district', () => {
    expect(cellEditable(el('A', 'flow'), 'commune')).toBe(true);
    expect(cellEditable(el('A', 'flow'), 'district')).toBe(false);
    expect(cellEditable(el('X', 'flow', 'district'), 'facility')).toBe(true);
    expect(cellEditable(el('Q', 'derived'), 'commune')).toBe(false);
  });

  it('cleans a pasted commune list', () => {
    expect(parseCommuneList('1. Xã Hoằng Đức\n2\tXã Hoằng Hà\n\nxã hoằng hà\nThị trấn Bút Sơn\t123\n')).toEqual([
      'Xã Hoằng Đức',
      'Xã Hoằng Hà',
      'Thị trấn Bút Sơn',
    ]);
  });
});

describe('the rows of a programme', () => {
  const units = [
    { code: 'D', name: 'Huyện', level: 'district' as const, parent: 'P' },
    { code: 'C1', name: 'Xã 1', level: 'commune' as const, parent: 'D' },
    { code: 'C2', name: 'Xã 2', level: 'commune' as const, parent: 'D' },
    { code: 'F1', name: 'PKĐKKV', level: 'facility' as const, parent: 'D' },
  ];
  const lv = (entryLevel: 'commune' | 'district') => ({ entryLevel }) as CatalogueElement;
  it('a commune programme: the communes', () => {
    expect(entryUnits(units, 'D', '2024-05', [lv('commune')]).map((u) => u.code)).toEqual(['C1', 'C2']);
  });
  it('a programme entered at district level only: the district and its facilities, no grey commune rows', () => {
    expect(entryUnits(units, 'D', '2024-05', [lv('district')]).map((u) => u.code)).toEqual(['D', 'F1']);
  });
  it('a mixed programme: the communes, then the district and its facilities', () => {
    expect(entryUnits(units, 'D', '2024-05', [lv('commune'), lv('district')]).map((u) => u.code)).toEqual(['C1', 'C2', 'D', 'F1']);
  });

  it('pastes a column into the form down its fields from the focused one, with the grid\'s checks', () => {
    const fields = [el('A', 'flow'), el('B', 'flow', 'commune', 'percent'), el('C', 'flow'), el('D', 'flow')];
    const unit = { unit: 'C1', level: 'commune' as const };
    expect(formPasteEntries(parseClipboardBlock('5\r\n8,5\r\n\r\n'), unit, fields, 0)).toEqual({
      entries: [
        { unit: 'C1', element: 'A', value: 5 },
        { unit: 'C1', element: 'B', value: 8.5 },
        { unit: 'C1', element: 'C', value: null },
      ],
      problems: [],
    });
    expect(formPasteEntries(parseClipboardBlock('7\n9\n'), unit, fields, 2).entries).toEqual([
      { unit: 'C1', element: 'C', value: 7 },
      { unit: 'C1', element: 'D', value: 9 },
    ]);
    // Named by line and column of the copied block: a bad number, a second column, a line past the last field.
    const bad = formPasteEntries(parseClipboardBlock('1\tx\nmười\n3\n4\n'), unit, fields, 1);
    expect(bad.problems.map((p) => [p.row, p.col, p.key])).toEqual([
      [1, 2, 'ui.entry.pasteOutside'],
      [2, 1, 'error.notANumber'],
      [4, 1, 'ui.entry.pasteOutside'],
    ]);
  });
});
