import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../catalogue-data';
import { assessSeries, checkSeries, median, outlierOf, robustRange } from './outliers';

const catalogue = shippedCatalogue();
const count = { valueType: 'count' as const, kind: 'flow' as const };
const stock = { valueType: 'count' as const, kind: 'stock' as const };
const cum = { valueType: 'count' as const, kind: 'cumulative' as const };

/** A series with index 0 = this month, then the months before it; null = not filled. */
function series(...xs: (number | null)[]): Float64Array {
  const s = new Float64Array(13).fill(NaN);
  xs.forEach((x, i) => (s[i] = x ?? NaN));
  return s;
}

/** The same from the oldest month to this month (as a statistician reads a row). */
function row(...xs: (number | null)[]): Float64Array {
  return series(...[...xs].reverse());
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
    expect(checkSeries(cum, series(1100, 1000, 900, 800, 700, 600, 500, 400, 300))).toBeNull();
    const r = checkSeries(cum, series(10_000, 1000, 900, 800, 700, 600, 500, 400, 300))!;
    expect(r).toMatchObject({ value: 10_000, median: 1100 });
    expect(r.low).toBeGreaterThan(1000);
  });

  it('does not flag a series that grows steadily, by an amount or by a percentage', () => {
    // Linear growth: +10 a month.
    expect(checkSeries(count, row(100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220))).toBeNull();
    // Cashless payments in the demo district, May 2024: about +25% a month.
    expect(checkSeries(count, row(19, 22, 23, 33, 43, 57, 63, 113, 122, 135, 229, 301, 354))).toBeNull();
    // Health records at one station, growing by ~4% a month with noise.
    expect(checkSeries(count, row(40, 44, 43, 48, 50, 49, 55, 58, 57, 62, 66, 68, 72))).toBeNull();
    // The same series with this month typed ten times too large, or too small, is flagged.
    const big = checkSeries(count, row(19, 22, 23, 33, 43, 57, 63, 113, 122, 135, 229, 301, 3540))!;
    // The trend goes on: about 390 expected after 229 and 301.
    expect(big.expected).toBeGreaterThan(300);
    expect(big.expected).toBeLessThan(450);
    expect(big.low).toBeGreaterThan(150);
    expect(big.high).toBeLessThan(1000);
    expect(checkSeries(count, row(19, 22, 23, 33, 43, 57, 63, 113, 122, 135, 229, 301, 35))).not.toBeNull();
  });

  it('does not flag a seasonal peak that matches last year\'s, but flags one that does not', () => {
    // Influenza: 300 last January, about 100 the rest of the year, 290 this January.
    const flu = (now: number) => row(300, 180, 120, 100, 95, 90, 85, 92, 98, 105, 130, 200, now);
    expect(checkSeries(count, flu(290))).toBeNull();
    expect(checkSeries(count, flu(340))).toBeNull();
    expect(checkSeries(count, flu(2900))).not.toBeNull();
    // A flat series with a one-month peak last year: the same peak this year is expected…
    const peak = (now: number) => row(300, 100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, now);
    expect(checkSeries(count, peak(290))).toBeNull();
    // …but without last year's month, the same 290 stands out.
    expect(checkSeries(count, row(100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, 290))).not.toBeNull();
    // Last year's month does not excuse a value far from it either.
    expect(checkSeries(count, peak(30))).not.toBeNull();
  });

  it('does not flag the noise of small counts', () => {
    expect(checkSeries(count, row(0, 1, 2, 0, 1, 3, 1, 0, 2, 1, 1, 0, 5))).toBeNull();
    expect(checkSeries(count, row(3, 2, 4, 2, 3, 1, 2, 5, 3, 2, 4, 3, 8))).toBeNull();
    expect(checkSeries(count, row(2, 3, 1, 2, 4, 2, 3, 2, 1, 3, 2, 2, 0))).toBeNull();
    // Mostly 0: a 1 or a 2 is no news; an outbreak is.
    for (const x of [1, 2, 3]) expect(checkSeries(count, row(0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, x))).toBeNull();
    const outbreak = checkSeries(count, row(0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 74))!;
    expect(outbreak).toMatchObject({ value: 74, low: 0 });
    expect(outbreak.high).toBeLessThanOrEqual(8);
  });

  it('flags the usual slips with an expected range around the usual level', () => {
    const visits = (now: number) => row(1210, 1185, 1240, 1198, 1225, 1260, 1190, 1230, 1215, 1250, 1205, 1235, now);
    expect(checkSeries(count, visits(1228))).toBeNull();
    for (const slip of [12_280, 123, 128, 1_28, 0]) {
      // ×10, ÷10, a dropped digit (1228 → 128, 1228 → 123), a sudden 0.
      const r = checkSeries(count, visits(slip))!;
      expect(r, `slip ${slip}`).not.toBeNull();
      expect(r.low).toBeGreaterThan(950);
      expect(r.high).toBeLessThan(1500);
      expect(r.expected).toBeGreaterThan(1150);
      expect(r.expected).toBeLessThan(1300);
    }
    // A 0 where there are always dozens.
    const dozens = checkSeries(count, row(31, 27, 35, 29, 33, 26, 30, 34, 28, 32, 25, 30, 0))!;
    expect(dozens.low).toBeGreaterThan(10);
    expect(dozens.high).toBeLessThan(50);
  });

  it('flags a stock that falls by half, not one that drifts slowly', () => {
    expect(checkSeries(stock, row(510, 512, 515, 514, 518, 520, 521, 523, 525, 526, 528, 530, 532))).toBeNull();
    const r = checkSeries(stock, row(510, 512, 515, 514, 518, 520, 521, 523, 525, 526, 528, 530, 266))!;
    expect(r.low).toBeGreaterThan(420);
    expect(r.high).toBeLessThan(650);
    expect(r.expected).toBeGreaterThan(520);
    // Staff: 37 doctors all year, 39 since January, 20 now.
    expect(checkSeries(stock, row(37, 37, 37, 37, 37, 37, 37, 37, 39, 39, 39, 39, 39))).toBeNull();
    expect(checkSeries(stock, row(37, 37, 37, 37, 37, 37, 37, 37, 39, 39, 39, 39, 20))).not.toBeNull();
  });

  it('does not flag a slower month in a running total, but flags a stalled or a far larger one', () => {
    const records = (now: number) => row(8974, 9004, 9039, 9050, 9071, 9089, 9121, 9148, 9183, 9206, 9232, 9266, now);
    expect(checkSeries(cum, records(9295))).toBeNull();
    expect(checkSeries(cum, records(9270))).toBeNull();
    const stalled = checkSeries(cum, records(9266))!;
    expect(stalled.low).toBeGreaterThan(9266);
    expect(checkSeries(cum, records(92_950))).not.toBeNull();
  });

  it('keeps the history median and the expected value apart', () => {
    const ok = assessSeries(count, row(100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220))!;
    expect(ok).toMatchObject({ median: 155, flagged: false });
    const slip = assessSeries(count, row(100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 2200))!;
    expect(slip).toMatchObject({ median: 155, flagged: true });
    expect(Math.abs(slip.expected - 220)).toBeLessThan(5);
    expect(slip.low).toBeGreaterThan(180);
    expect(slip.high).toBeLessThan(270);
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
