// What an input cell holds, as the reader reports it: numbers (a percentage typed as "8,7%" is
// the 8.7 the commune saw), text, formulas by their result, and what is no number at all.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isPercentFormat, readCell } from './read';

describe('readCell', () => {
  const ws = new ExcelJS.Workbook().addWorksheet('x');
  const cell = (value: ExcelJS.CellValue, numFmt?: string) => {
    const c = ws.getCell('A1');
    c.value = value;
    c.numFmt = numFmt as string;
    return readCell(c);
  };

  it('reads numbers, percentages typed with "%", text, formulas by their result', () => {
    expect(cell(1234, '[$-42A]#,##0')).toEqual({ kind: 'number', value: 1234 });
    expect(cell(0.087, '0.0%')).toEqual({ kind: 'number', value: 8.7 });
    expect(cell(8.7, '0.0"%"')).toEqual({ kind: 'number', value: 8.7 });
    expect(cell('1.234')).toEqual({ kind: 'text', text: '1.234' });
    expect(cell({ richText: [{ text: '1.2' }, { text: '34' }] })).toEqual({ kind: 'text', text: '1.234' });
    expect(cell({ formula: '12+3', result: 15 })).toEqual({ kind: 'number', value: 15 });
    expect(cell('   ')).toEqual({ kind: 'empty' });
    expect(cell(null)).toEqual({ kind: 'empty' });
  });

  it('reports what is no number: a date, a truth value, an error, a formula never calculated', () => {
    expect(cell(new Date('2024-05-01T00:00:00Z')).kind).toBe('other');
    expect(cell(true).kind).toBe('other');
    expect(cell({ error: '#DIV/0!' })).toEqual({ kind: 'other', text: '#DIV/0!' });
    expect(cell({ formula: 'A2+1' })).toEqual({ kind: 'other', text: '=A2+1' });
  });

  it('tells a percentage format from a literal "%" or an escaped one', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('[$-42A]0.0%')).toBe(true);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat('0.0\\%')).toBe(false);
    expect(isPercentFormat('[$-42A]#,##0')).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });
});
