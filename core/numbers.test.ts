import { describe, expect, it } from 'vitest';
import { parseUserNumber } from './numbers';

const value = (s: string) => {
  const r = parseUserNumber(s);
  return r.ok ? r.value : r.reason;
};

describe('parseUserNumber', () => {
  it('reads plain numbers', () => {
    expect(value('1234')).toBe(1234);
    expect(value('1234.5')).toBe(1234.5);
    expect(value(' 0 ')).toBe(0);
    expect(value('-3')).toBe(-3);
  });

  it('reads Vietnamese numbers', () => {
    expect(value('1.234,5')).toBe(1234.5);
    expect(value('1.234.567')).toBe(1234567);
    expect(value('8,7')).toBe(8.7);
    expect(value('8,7%')).toBe(8.7);
    expect(value('49.875.000đ')).toBe(49875000);
    expect(value('0,500')).toBe(0.5);
  });

  it('reads English grouping when it is unambiguous', () => {
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1,234,567')).toBe(1234567);
  });

  it('refuses a number that reads two ways', () => {
    expect(value('1.234')).toBe('ambiguous');
    expect(value('12,345')).toBe('ambiguous');
    expect(value('6.000')).toBe('ambiguous');
  });

  it('refuses what is not a number', () => {
    expect(value('')).toBe('empty');
    expect(value('abc')).toBe('not-a-number');
    expect(value('1.2.3')).toBe('not-a-number');
    expect(value('12a')).toBe('not-a-number');
    expect(value('1e5')).toBe('not-a-number');
    expect(value('-')).toBe('not-a-number');
    expect(value('1.23,4.5')).toBe('not-a-number');
  });
});
