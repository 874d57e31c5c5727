import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { parseMapping } from './mapping';
import { decimalText } from './model';
import { dhis2Period, monthOfDhis2Id, specOfDhis2Id } from './period';

describe('DHIS2 periods', () => {
  it('writes each period type as DHIS2 and ADX do, from our form or DHIS2’s', () => {
    const cases = [
      ['2024-05', '202405', '2024-05-01/P1M', 'Monthly'],
      ['202412', '202412', '2024-12-01/P1M', 'Monthly'],
      ['2024-Q3', '2024Q3', '2024-07-01/P3M', 'Quarterly'],
      ['2024Q1', '2024Q1', '2024-01-01/P3M', 'Quarterly'],
      ['2024-H1', '2024S1', '2024-01-01/P6M', 'SixMonthly'],
      ['2024S1', '2024S1', '2024-01-01/P6M', 'SixMonthly'],
      ['2024', '2024', '2024-01-01/P1Y', 'Yearly'],
    ] as const;
    for (const [text, id, adx, type] of cases) expect(dhis2Period(text), text).toMatchObject({ id, adx, type });
    expect(dhis2Period('2024-Q3').resolved.months).toEqual(['2024-07', '2024-08', '2024-09']);
  });

  it('refuses what DHIS2 cannot name, and imports months only', () => {
    for (const bad of ['2024-9M', '2024S2', '2024W05', '20240501', '1999-05', '2024-13', '']) {
      expect(() => dhis2Period(bad), bad).toThrow(UserError);
    }
    expect(() => dhis2Period('2024-9M')).toThrow(/nineMonths/);
    expect(monthOfDhis2Id('202405')).toBe('2024-05');
    expect(monthOfDhis2Id('2024Q2')).toBeNull();
    expect(specOfDhis2Id('2024Q2')).toBe('2024-Q2');
    expect(monthOfDhis2Id('209913')).toBeNull();
  });
});

describe('decimals as xs:decimal', () => {
  it('never writes an exponent or a thousands separator', () => {
    expect(decimalText(1234567)).toBe('1234567');
    expect(decimalText(96.43)).toBe('96.43');
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(0)).toBe('0');
    expect(decimalText(9_999_999_999_999)).toBe('9999999999999');
  });
});

describe('mapping CSV', () => {
  it('reads comma or semicolon files both ways', () => {
    const m = parseMapping('\uFEFFkind;code;dhis2Id\r\norgUnit;TH_HH;ImspTQPwCqd\r\ndataElement;EPI_FULL_U1;fbfJHSPpUQD\r\n', 'm.csv');
    expect(m.count).toBe(2);
    expect(m.toUid.get('orgUnit')?.get('TH_HH')).toBe('ImspTQPwCqd');
    expect(m.toCode.get('dataElement')?.get('fbfJHSPpUQD')).toBe('EPI_FULL_U1');
  });

  it('refuses an empty file and a header-only file', () => {
    expect(() => parseMapping('', 'm.csv')).toThrow(/emptyFile/);
    expect(() => parseMapping('kind,code,dhis2Id\n', 'm.csv')).toThrow(/emptyFile/);
  });
});
