import { describe, expect, it } from 'vitest';
import {
  addMonths,
  isFutureMonth,
  isMonth,
  resolvePeriod,
  samePeriodLastYear,
  sameMonthLastYear,
  yearToDateMonths,
} from './period';

describe('periods', () => {
  it('recognises months', () => {
    expect(isMonth('2024-05')).toBe(true);
    expect(isMonth('2024-13')).toBe(false);
    expect(isMonth('2024-5')).toBe(false);
    expect(isMonth('24-05')).toBe(false);
  });

  it('moves across year ends', () => {
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(sameMonthLastYear('2024-05')).toBe('2023-05');
  });

  it('lists year-to-date months', () => {
    expect(yearToDateMonths('2024-03')).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('resolves the review calendar periods', () => {
    expect(resolvePeriod('2024-05').months).toEqual(['2024-05']);
    expect(resolvePeriod('2024-Q2').months).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(resolvePeriod('2024-H1').end).toBe('2024-06');
    expect(resolvePeriod('2024-9M').months).toHaveLength(9);
    expect(resolvePeriod('2024').months).toHaveLength(12);
    expect(resolvePeriod('2024-Q4').kind).toBe('quarter');
    expect(() => resolvePeriod('2024-Q5')).toThrow(RangeError);
    expect(samePeriodLastYear('2024-Q2')).toBe('2023-Q2');
  });

  it('knows a future month', () => {
    const now = new Date(2024, 5, 10);
    expect(isFutureMonth('2024-06', now)).toBe(false);
    expect(isFutureMonth('2024-07', now)).toBe(true);
  });
});
