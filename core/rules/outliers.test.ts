import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../catalogue-data';
import { checkSeries, median, outlierOf, robustRange } from './outliers';

const catalogue = shippedCatalogue();
const count = { valueType: 'count' as const, kind: 'flow' as const };

/** A series with index 0 = this month, then the months before it; null = not filled. */
function series(...xs: (number | null)[]): Float64Array {
  const s = new Float64Array(13).fill(NaN);
  xs.forEach((x, i) => (s[i] = x ?? NaN));
  return s;
}

describe('outliers', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('needs 6 months of history before flagging anything', () => {
    expect(checkSeries(count, series(5000, 100, 110, 90, 105, 95))).toBeNull();
    expect(checkSeries(count, series(5000, 100, 110, 90, 105, 95, 100))).not.toBeNull();
    expect(checkSeries(count, series(null, 100, 110, 90, 105, 95, 100))).toBeNull();
  });

  it('flags a value far from the median and gives the expected range', () => {
    const r = checkSeries(count, series(1000, 100, 110, 90, 105, 95, 100, 102, 98, null, 101, 99, 100))!;
    expect(r).toMatchObject({ value: 1000, median: 100, n: 11 });
    expect(r.low).toBeGreaterThan(70);
    expect(r.high).toBeLessThan(130);
    expect(checkSeries(count, series(112, 100, 110, 90, 105, 95, 100, 102, 98, null, 101, 99, 100))).toBeNull();
  });

  it('is not thrown off by one earlier slip in the history', () => {
    expect(checkSeries(count, series(104, 100, 10_000, 90, 105, 95, 100, 102))).toBeNull();
    expect(checkSeries(count, series(400, 100, 10_000, 90, 105, 95, 100, 102))).not.toBeNull();
  });

  it('keeps a flat series and rare events quiet for small changes', () => {
    expect(checkSeries(count, series(1, 0, 0, 0, 0, 0, 0, 0, 0))).toBeNull();
    expect(checkSeries(count, series(52, 51, 51, 51, 51, 51, 51))).toBeNull();
    expect(checkSeries(count, series(12, 0, 0, 0, 0, 0, 0, 0))).not.toBeNull();
  });

  it('judges a cumulative total by its monthly increase', () => {
    const cum = { valueType: 'count' as const, kind: 'cumulative' as const };
    expect(checkSeries(cum, series(1100, 1000, 900, 800, 700, 600, 500, 400, 300))).toBeNull();
    const r = checkSeries(cum, series(10_000, 1000, 900, 800, 700, 600, 500, 400, 300))!;
    expect(r).toMatchObject({ value: 10_000, median: 1100 });
    expect(r.low).toBeGreaterThan(1000);
  });

  it('writes the expected range in vi-VN numbers', () => {
    const e = catalogue.byCode.get('CUR_VISITS')!;
    const r = robustRange(21_500, [2100, 2150, 2200, 2120, 2180, 2160, 2140], e)!;
    const o = outlierOf(e, 'C1', 'Xã Hoằng Lộc', '2024-05', r, 'vi');
    expect(o.message).toMatch(/Xã Hoằng Lộc là 21\.500, .*khoảng dự kiến \d\.\d{3}–\d\.\d{3}, trung vị 2\.150/);
    expect(o).toMatchObject({ element: 'CUR_VISITS', value: 21_500, history: 7 });
    expect(Number.isInteger(o.low) && Number.isInteger(o.high)).toBe(true);
  });
});
