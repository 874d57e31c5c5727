import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads comma and semicolon files, with or without a byte-order mark', () => {
    const a = parseCsv('unit,period,element,value\nC1,2024-05,EPI_FULL_U1,12\n');
    expect(a.delimiter).toBe(',');
    expect(a.header).toEqual(['unit', 'period', 'element', 'value']);
    expect(a.rows).toEqual([{ line: 2, fields: ['C1', '2024-05', 'EPI_FULL_U1', '12'] }]);
    const b = parseCsv('\uFEFFUnit;Period;Element;Value\r\nC1;2024-05;CUR_FEES;1.234.567\r\n\r\nC2;2024-05;CUR_FEES;8,5\r\n');
    expect(b.delimiter).toBe(';');
    expect(b.header).toEqual(['unit', 'period', 'element', 'value']);
    expect(b.rows.map((r) => [r.line, r.fields[3]])).toEqual([[2, '1.234.567'], [4, '8,5']]);
  });

  it('keeps line numbers right after a quoted field with a line break', () => {
    const p = parseCsv('unit,period,element,value,comment\nC1,2024-05,X,1,"two\nlines"\nC2,2024-05,X,2,\n');
    expect(p.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('keeps line numbers right in CR-only (old Mac) and CRLF files with quoted line breaks', () => {
    const mac = parseCsv('unit;period;element;value;comment\rC1;2024-05;X;1;"two\rlines"\rC2;2024-05;X;2;\r\rC3;2024-05;X;3;"three\r\rlines"\rC4;2024-05;X;4;"open\r');
    expect(mac.delimiter).toBe(';');
    expect(mac.header).toEqual(['unit', 'period', 'element', 'value', 'comment']);
    expect(mac.rows.map((r) => [r.line, r.fields[0]])).toEqual([[2, 'C1'], [4, 'C2'], [6, 'C3'], [9, 'C4']]);
    expect(mac.broken).toEqual([{ line: 9, reason: 'unterminatedQuote' }]);
    const windows = parseCsv('unit,period,element,value,comment\r\nC1,2024-05,X,1,"two\r\nlines"\r\nC2,2024-05,X,2,"a\rb\nc"\r\nC3,2024-05,X,3,\r\n');
    expect(windows.rows.map((r) => [r.line, r.fields[0]])).toEqual([[2, 'C1'], [4, 'C2'], [7, 'C3']]);
  });

  it('reports an unclosed quote', () => {
    const p = parseCsv('unit,period,element,value,comment\nC1,2024-05,X,1,"open\n');
    expect(p.broken.length).toBeGreaterThan(0);
  });

  it('writes what it reads', () => {
    const text = toCsv(['unit', 'value', 'comment'], [['C1', 1234.5, 'a, "b"'], ['C2', null, null]]);
    const p = parseCsv(text);
    expect(p.rows.map((r) => r.fields)).toEqual([['C1', '1234.5', 'a, "b"'], ['C2', '', '']]);
  });

  it('reads record by record and stops at the first exception a callback throws', () => {
    const seen: number[] = [];
    const stop = new Error('stop');
    expect(() =>
      readCsv(
        'unit,period,element,value\nC1,2024-05,X,1\nC2,2024-05,X,2\nC3,2024-05,X,3\n',
        () => undefined,
        (row) => {
          seen.push(row.line);
          if (row.line === 3) throw stop;
        },
      ),
    ).toThrow(stop);
    expect(seen).toEqual([2, 3]);
    expect(() => readCsv('a;b\n1;2\n', () => { throw stop; }, () => seen.push(-1))).toThrow(stop);
    expect(seen).toEqual([2, 3]);
  });
});
