import { describe, expect, it } from 'vitest';
import { parseUserNumber } from './numbers';
import type { ValueType } from './catalogue';

const value = (s: string, type: ValueType | null = 'decimal') => {
  const r = parseUserNumber(s, type);
  return r.ok ? r.value : r.reason;
};

describe('parseUserNumber', () => {
  it('reads plain numbers', () => {
    expect(value('1234')).toBe(1234);
    expect(value('1234.5')).toBe(1234.5);
    expect(value(' 0 ')).toBe(0);
    expect(value('-3')).toBe(-3);
    expect(value('- 3')).toBe(-3);
  });

  it('reads Vietnamese numbers', () => {
    expect(value('1.234,5')).toBe(1234.5);
    expect(value('1.234.567')).toBe(1234567);
    expect(value('8,7')).toBe(8.7);
    expect(value('8,7%')).toBe(8.7);
    expect(value('8,7 %')).toBe(8.7);
    expect(value('49.875.000đ')).toBe(49875000);
    expect(value('0,500')).toBe(0.5);
  });

  it('reads English grouping when it is unambiguous', () => {
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1,234,567')).toBe(1234567);
  });

  it('refuses a number that reads two ways where decimals are allowed', () => {
    for (const type of ['decimal', 'percent', null] as const) {
      expect(value('1.234', type)).toBe('ambiguous');
      expect(value('12,345', type)).toBe('ambiguous');
      expect(value('6.000', type)).toBe('ambiguous');
    }
  });

  it('reads "1.234" as 1234 in a count or money column, where there is no second reading', () => {
    for (const type of ['count', 'money'] as const) {
      expect(value('1.234', type)).toBe(1234);
      expect(value('6.000', type)).toBe(6000);
      expect(value('1,000', type)).toBe(1000);
      expect(value('12,345', type)).toBe(12345);
      expect(value('1.234.567', type)).toBe(1234567);
      expect(value('49.875.000đ', type)).toBe(49875000);
      // Not a thousands group: still the decimal reading, which checkValue refuses for a count.
      expect(value('8,5', type)).toBe(8.5);
      expect(value('1.5', type)).toBe(1.5);
      expect(value('1.2345', type)).toBe(1.2345);
      expect(value('1.234,5', type)).toBe(1234.5);
      expect(value('0.500', type)).toBe(0.5);
    }
  });

  it('reads spaces only as proper thousands groups', () => {
    expect(value('12 345')).toBe(12345);
    expect(value('1 234 567')).toBe(1234567);
    expect(value('1\u00a0234\u00a0567')).toBe(1234567);
    expect(value('1\u202f234,5')).toBe(1234.5);
    expect(value(' 12 345 ', 'count')).toBe(12345);
    expect(value('1 2')).toBe('not-a-number');
    expect(value('1 2', 'count')).toBe('not-a-number');
    expect(value('36 00', 'count')).toBe('not-a-number');
    expect(value('1234 567')).toBe('not-a-number');
    expect(value('12 34 567')).toBe('not-a-number');
    expect(value('0 123')).toBe('not-a-number');
    expect(value('1 234.567')).toBe('ambiguous');
    expect(value('1 234.567', 'count')).toBe(1234567);
  });

  it('reads what Intl prints for vi-VN and en-US', () => {
    for (const n of [0, 7, 1234, 98765, 1234567, 49875000]) {
      for (const locale of ['vi-VN', 'en-US', 'fr-FR']) {
        expect(value(new Intl.NumberFormat(locale).format(n), 'count')).toBe(n);
      }
    }
    expect(value(new Intl.NumberFormat('vi-VN').format(1234.5))).toBe(1234.5);
  });

  it('refuses what is not a number', () => {
    expect(value('')).toBe('empty');
    expect(value('abc')).toBe('not-a-number');
    expect(value('1.2.3')).toBe('not-a-number');
    expect(value('12a')).toBe('not-a-number');
    expect(value('1e5')).toBe('not-a-number');
    expect(value('-')).toBe('not-a-number');
    expect(value('1.23,4.5')).toBe('not-a-number');
    expect(value('1.23', 'count')).toBe(1.23);
  });
});
