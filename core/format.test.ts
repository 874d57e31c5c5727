import { describe, expect, it } from 'vitest';
import { formatFixed, formatMoney, formatNumber, formatPer100, formatPercent, formatPercentFixed } from './format';

describe('vi-VN formatting', () => {
  it('prints the seed figures as the seed does', () => {
    expect(formatNumber(509591)).toBe('509.591');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatPercent((307 / 3521) * 100)).toBe('8,7%');
    expect(formatPercentFixed((243 / 3471) * 100, 1)).toMatch(/^\d+,\d%$/);
    expect(formatPercent(92.3)).toBe('92,3%');
    expect(formatPercentFixed(99.35, 2)).toBe('99,35%');
    expect(formatMoney(49875000)).toBe('49.875.000đ');
    expect(formatPer100((140 / 118) * 100)).toBe('118/100');
    expect(formatFixed(3.2, 1)).toBe('3,2');
  });

  it('prints English as the second language', () => {
    expect(formatNumber(509591, 'en')).toBe('509,591');
    expect(formatPercent(8.72, 'en')).toBe('8.7%');
    expect(formatMoney(49875000, 'en')).toBe('49,875,000 VND');
  });
});

describe('formatPeriod', () => {
  it('words every kind of period, in both languages, and leaves anything else as it is', async () => {
    const { formatPeriod } = await import('./format');
    expect(['2024-05', '2024-Q2', '2024-H1', '2024-9M', '2024'].map((p) => formatPeriod(p))).toEqual([
      'tháng 5/2024',
      'quý II/2024',
      '6 tháng đầu năm 2024',
      '9 tháng năm 2024',
      'năm 2024',
    ]);
    expect(['2024-05', '2024-Q4', '2024-H1', '2024-9M', '2024'].map((p) => formatPeriod(p, 'en'))).toEqual([
      'May 2024',
      'Q4 2024',
      'the first half of 2024',
      'the first nine months of 2024',
      '2024',
    ]);
    expect(formatPeriod('2024-13')).toBe('2024-13');
  });
});
