import { describe, expect, it } from 'vitest';
import { guardCell, unguardCell } from './csv-guard';

describe('guardCell / unguardCell (OWASP CSV injection)', () => {
  it('prefixes every formula start with an apostrophe and leaves other text as it is', () => {
    for (const s of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-', '=']) {
      expect(guardCell(s)).toBe(`'${s}`);
    }
    for (const s of ['Tăng - giảm', 'đã kiểm tra, đúng', "'quote", '', '5 ca', 'a=b']) expect(guardCell(s)).toBe(s);
  });

  it('reads back exactly what was guarded, whatever the text', () => {
    const texts = ["=cmd|' /C calc'!A0", '-', "'", "''", "'=x", "''=x", "'-5", 'Tăng - giảm', '@', '\t', "'\t", 'x'];
    for (const s of texts) expect(unguardCell(guardCell(s))).toBe(s);
    // No guarded cell starts with a formula character.
    for (const s of texts) expect(guardCell(s)).not.toMatch(/^[=+\-@\t\r]/);
  });
});
