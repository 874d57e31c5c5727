import { describe, expect, it } from 'vitest';
import { messages } from './i18n';
import {
  addMonths,
  FIRST_YEAR,
  isPeriodSpec,
  LAST_YEAR,
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

  it('refuses years before the catalogue history and absurd ones, as a user may name them', () => {
    for (const bad of ['0000-01', '0001-01', '1024-05', '1999-12', '2101-01', '9999-12']) expect(isMonth(bad), bad).toBe(false);
    for (const bad of ['0000', '1999', '0000-01', '1999-Q4', '1999-H1', '0100-9M', '2101']) expect(isPeriodSpec(bad), bad).toBe(false);
    expect(isMonth(`${FIRST_YEAR}-01`)).toBe(true);
    expect(isMonth(`${LAST_YEAR}-12`)).toBe(true);
    expect(isPeriodSpec(`${FIRST_YEAR}`)).toBe(true);
    expect(isPeriodSpec('2024-Q2')).toBe(true);
    // Months the app computes may still lie before it (last year of January 2000).
    expect(resolvePeriod(samePeriodLastYear(`${FIRST_YEAR}`)).months[0]).toBe('1999-01');
    // The messages name the same years as the code.
    for (const lang of ['vi', 'en'] as const) {
      for (const key of ['badPeriod', 'badPeriodSpec', 'badYear'] as const) {
        expect(messages[lang].error[key]).toContain(String(FIRST_YEAR));
        expect(messages[lang].error[key]).toContain(String(LAST_YEAR));
      }
    }
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
