// Possible outliers: a value far from what the unit's own history for that element leads one
// to expect. Flags warn; they never block saving.
//
// The aim is few flags, each worth a look: the slips a statistician cares about (a value typed
// ten times too large or small, a dropped digit, a stock that halves, a 0 where there are always
// dozens), not series that simply grow, follow their season or are small counts. A value is
// flagged only when no reasonable reading of the previous 12 months explains it. Each reading
// is an expected value with a range of ± 3.5 robust standard deviations around it:
//
// 1. level: the median (the "modified z-score" of Iglewicz and Hoaglin, as in DHIS2);
// 2. trend: a Theil–Sen line (the median of the pairwise slopes, the median intercept),
//    extended to this month, with the spread of its residuals — cashless payments, e-prescriptions;
// 3. last month plus the usual monthly step, with the spread of the steps — a stock that moves
//    slowly, a series that has just settled on a new level, a smooth season;
// 4. with 13 months, the same month last year, as it was and moved by a year of the trend: a
//    seasonal peak (influenza in winter, diarrhoea in summer) that matches last year's.
//
// Robust spreads: 1.4826 × the median absolute deviation (the mean absolute deviation when more
// than half the points sit on the centre), with the MAD's small-sample correction. Counts and
// money are read on log(1 + x), so growth is a steady percentage, a season a factor and a slip
// by ten as far below as above. Only readings that fit the history about as well as the best
// one count (the level of a series that has tripled is set aside); last year's month explains
// only a value within a factor 1,5 of it. Every range is at least ± 3.5 × a floor (5% of the
// expected value; for counts 1 and, for counts of events, √expected, the Poisson spread) and,
// for counts, ± 5: small counts (0, 1, 2 cases a month, a mostly-zero series) never flag a
// change of a few. A cumulative total is judged by its monthly increase: a far larger increase,
// none at all or a fall is flagged; a slower month is not.
import type { CatalogueElement } from '../catalogue';
import { formatNumber, type Lang } from '../format';
import { translator } from '../i18n';

/** Months of history needed before anything is flagged: a short series says little. */
export const OUTLIER_MIN_HISTORY = 6;
/** Robust standard deviations from the expected value beyond which a value is flagged (the usual 3.5). */
export const OUTLIER_THRESHOLD = 3.5;
/** A count is never flagged closer than this to its expected value. */
export const OUTLIER_MIN_COUNT_GAP = 5;
/** MAD / 0.6745 estimates the standard deviation of a normal series. */
const MAD_TO_SIGMA = 1 / 0.6745;
/** √(π/2): the mean absolute deviation times this estimates the standard deviation. */
const MEANAD_TO_SIGMA = Math.sqrt(Math.PI / 2);
/** The spread is never taken below this fraction of the expected value. */
const RELATIVE_FLOOR = 0.05;
/** The Poisson floor (√expected) matters for low counts; above 25 the data's own spread and 5% take over. */
const POISSON_CAP = 5;
/** Last year's same month explains a value at most this factor away from it. */
const SEASON_FACTOR = 1.5;
const SEASON_FACTOR_LOG = Math.log(SEASON_FACTOR);
/** Readings whose spread is within this factor of the best one's are admissible. */
const ADMIT = 1.5;

type ElementShape = Pick<CatalogueElement, 'valueType' | 'kind'>;

export interface OutlierRange {
  /** The value checked: the month's value (for a cumulative element too; its increase is what is judged). */
  value: number;
  /** The median of the history (of the monthly increases, added to last month's value, for a cumulative element). */
  median: number;
  /** The expected value: the centre of the range below. */
  expected: number;
  low: number;
  high: number;
  /** Months of history used. */
  n: number;
  /** Whether the value lies outside every expected range (an outlier). */
  flagged: boolean;
}

export interface Outlier {
  unit: string;
  period: string;
  element: string;
  value: number;
  /**
   * The expected range of the month's value (for a cumulative element: last month's value + the
   * expected increase), by the reading of the history that fits it best.
   */
  low: number;
  high: number;
  /** The centre of that range. */
  expected: number;
  /** The median of the history (for a cumulative element: last month's value + the median increase). */
  median: number;
  history: number;
  message: string;
}

export function median(xs: readonly number[]): number {
  return medianOf(Float64Array.from(xs), xs.length);
}

/** Median of the first n cells of `buf`; sorts them in place (typed arrays sort numerically, natively). */
function medianOf(buf: Float64Array, n: number): number {
  const s = buf.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// Scratch buffers: a district check looks at thousands of 12-month series; no allocation each.
const ys = new Float64Array(16); // the history's values
const ts = new Float64Array(16); // their months back (1 = last month)
const steps = new Float64Array(16);
const zs = new Float64Array(16); // the history on the scale it is judged on
const work = new Float64Array(16);
const slopes = new Float64Array(16 * 15);

/**
 * The robust spread of the first n cells of `xs` around `centre`: 1.4826 × their median
 * absolute deviation, or 1.2533 × their mean absolute deviation when more than half sit on
 * the centre (a series of mostly 0 with a few cases has MAD 0, yet does vary); times
 * n / (n − 0.8), the small-sample correction of the MAD (Croux and Rousseeuw), since 6 to 12
 * months are few.
 */
function spreadOf(deviations: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += deviations[i]!;
  const mad = medianOf(deviations, n);
  return (mad > 0 ? mad * MAD_TO_SIGMA : (sum / n) * MEANAD_TO_SIGMA) * (n / (n - 0.8));
}

function robustSigma(xs: Float64Array, n: number, centre: number): number {
  for (let i = 0; i < n; i++) work[i] = Math.abs(xs[i]! - centre);
  return spreadOf(work, n);
}

/** Theil–Sen line through (ts, xs): its value this month (t = 0) and the robust spread of the residuals. */
function theilSen(xs: Float64Array, n: number): { at0: number; slope: number; sigma: number } {
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) slopes[k++] = (xs[j]! - xs[i]!) / (ts[j]! - ts[i]!);
  // Slope per month back; the line at t is a + slope × t, so at t = 0 it is the intercept.
  const slope = medianOf(slopes, k);
  for (let i = 0; i < n; i++) work[i] = xs[i]! - slope * ts[i]!;
  const at0 = medianOf(work, n);
  for (let i = 0; i < n; i++) work[i] = Math.abs(xs[i]! - at0 - slope * ts[i]!);
  return { at0, slope, sigma: spreadOf(work, n) };
}

/** What sets the smallest spread of an element: counts of events (flows) also get the Poisson spread. */
interface Floors {
  count: boolean;
  money: boolean;
  poisson: boolean;
}

/** The smallest spread allowed around an expected value `c`. */
function floorSigma(f: Floors, c: number): number {
  const a = Math.abs(c);
  const s = Math.max(RELATIVE_FLOOR * a, f.count || f.money ? 1 : 0.01);
  return f.poisson ? Math.max(s, Math.min(Math.sqrt(a), POISSON_CAP)) : s;
}

/** Half-width of the range around `c` for an (already floored) spread `sigma`. */
function halfWidth(f: Floors, sigma: number): number {
  const h = OUTLIER_THRESHOLD * sigma;
  return f.count ? Math.max(h, OUTLIER_MIN_COUNT_GAP) : h;
}

// The readings of one history (expected value, spread), on the scale the history is judged on.
const centres = new Float64Array(6);
const sigmas = new Float64Array(6);

interface Judgement {
  expected: number;
  low: number;
  high: number;
  median: number;
  flagged: boolean;
}

/**
 * Judges `value` against the history in `ys`/`ts` (n points, most recent first).
 *
 * The readings are made on log(1 + x) when the series never goes below 0 (`log`), so that a
 * trend is a steady percentage, a season a factor, and a slip by ten as far below as above;
 * otherwise on the values themselves. Each reading's range is the data's own (its centre ±
 * 3.5 robust spreads, mapped back) joined with the floor range around the same centre.
 * Readings that fit the history about as well as the best one are admissible (the level of a
 * growing series fits badly and is set aside); the value is explained when it lies in the range
 * of one of them. Otherwise it is flagged, with the range of the best-fitting reading.
 */
function judge(value: number, n: number, f: Floors, seasonal: number, log: boolean): Judgement {
  for (let i = 0; i < n; i++) work[i] = ys[i]!;
  const med = medianOf(work, n);
  const floorHalf = (c: number) => halfWidth(f, floorSigma(f, c));
  const quiet = (c: number): Judgement => ({ expected: c, low: c - floorHalf(c), high: c + floorHalf(c), median: med, flagged: false });
  // Within the narrowest range around the usual level or last month's value: never unusual.
  // Most values stop here, before anything costlier is computed.
  if (Math.abs(value - med) <= floorHalf(med)) return quiet(med);
  const last = ts[0] === 1 ? ys[0]! : NaN;
  if (Math.abs(value - last) <= floorHalf(last)) return quiet(last);

  const noPoisson: Floors = { ...f, poisson: false };
  const to = log ? Math.log1p : (x: number) => x;
  const from = log ? Math.expm1 : (x: number) => x;
  for (let i = 0; i < n; i++) zs[i] = to(ys[i]!);
  let k = 0;
  const add = (c: number, sigma: number) => {
    centres[k] = c;
    sigmas[k++] = sigma;
  };
  // 1. Level: the median (the log is monotone: the median of the logs is the log of the median).
  const level = to(med);
  add(level, robustSigma(zs, n, level));
  // 2. Trend: Theil–Sen.
  const trend = theilSen(zs, n);
  add(trend.at0, trend.sigma);
  // 3. Last month plus the usual step between consecutive months.
  if (!Number.isNaN(last)) {
    let m = 0;
    for (let i = 0; i + 1 < n; i++) if (ts[i + 1]! - ts[i]! === 1) steps[m++] = zs[i]! - zs[i + 1]!;
    if (m >= OUTLIER_MIN_HISTORY - 1) {
      const step = medianOf(steps, m);
      add(zs[0]! + step, robustSigma(steps, m, step));
    }
  }
  let best = Infinity;
  for (let i = 0; i < k; i++) best = Math.min(best, sigmas[i]!);
  const admissible = (i: number) => sigmas[i]! <= ADMIT * best;
  // 4. Same month last year, as it was and moved by a year of the trend when the series follows
  //    one: √2 × the best reading's spread (two months' noise), no Poisson floor nor minimum gap
  //    (the other readings have them), so it only explains a value really close to last year's.
  const readings = k;
  if (!Number.isNaN(seasonal)) {
    const z12 = to(seasonal);
    add(z12, Math.SQRT2 * best);
    if (admissible(1)) add(z12 - 12 * trend.slope, Math.SQRT2 * best);
  }
  const rangeOf = (i: number): [number, number] => {
    const c = from(centres[i]!);
    let h = OUTLIER_THRESHOLD * sigmas[i]!;
    let fh = floorHalf(c);
    if (i >= readings) {
      // Last year's month explains only a value close to it: within a factor 1,5 at most (so a
      // series that has tripled in a year does not excuse a slip by ten back to last year's level).
      h = Math.min(h, log ? SEASON_FACTOR_LOG : (SEASON_FACTOR - 1) * Math.abs(centres[i]!));
      fh = OUTLIER_THRESHOLD * floorSigma(noPoisson, c);
    }
    return [Math.min(from(centres[i]! - h), c - fh), Math.max(from(centres[i]! + h), c + fh)];
  };
  // Explained by an admissible reading: not flagged, with that reading's range.
  let fit = -1;
  for (let i = 0; i < k; i++) {
    if (i < readings && !admissible(i)) continue;
    const [lo, hi] = rangeOf(i);
    if (value >= lo && value <= hi) return { expected: from(centres[i]!), low: lo, high: hi, median: med, flagged: false };
    if (i < readings && (fit < 0 || sigmas[i]! < sigmas[fit]!)) fit = i;
  }
  // Flagged, with the range of the reading that fits the history best.
  const [low, high] = rangeOf(fit);
  return { expected: from(centres[fit]!), low, high, median: med, flagged: true };
}

/** Whether the value and the n history values in `ys` are all ≥ 0. */
function nonNegative(value: number, n: number): boolean {
  if (value < 0) return false;
  for (let i = 0; i < n; i++) if (ys[i]! < 0) return false;
  return true;
}

function floorsOf(e: ElementShape): Floors {
  const count = e.valueType === 'count';
  return { count, money: e.valueType === 'money', poisson: count && (e.kind === 'flow' || e.kind === 'cumulative') };
}

/**
 * Judges one element's series (index = months back, NaN = not filled); null when this month is
 * empty or the history is too short. A cumulative total is judged by its monthly increase.
 */
export function assessSeries(e: ElementShape, series: ArrayLike<number>): OutlierRange | null {
  const now = series[0]!;
  if (Number.isNaN(now)) return null;
  let n = 0;
  if (e.kind === 'cumulative') {
    const prev = series[1]!;
    if (Number.isNaN(prev)) return null;
    for (let i = 1; i + 1 < series.length && n < ys.length; i++) {
      const a = series[i]!;
      const b = series[i + 1]!;
      if (!Number.isNaN(a) && !Number.isNaN(b)) {
        ys[n] = a - b;
        ts[n++] = i;
      }
    }
    if (n < OUTLIER_MIN_HISTORY) return null;
    const increase = now - prev;
    const j = judge(increase, n, floorsOf(e), NaN, nonNegative(increase, n));
    // A slower month is no slip in a running total (a campaign winds down); a far larger
    // increase, or none at all (the total copied from last month) or a fall, is.
    const flagged = j.flagged && (increase > j.expected || increase <= 0);
    return { value: now, median: prev + j.median, expected: prev + j.expected, low: Math.max(prev, prev + j.low), high: prev + j.high, n, flagged };
  }
  for (let i = 1; i < series.length && n < ys.length; i++) {
    const x = series[i]!;
    if (!Number.isNaN(x)) {
      ys[n] = x;
      ts[n++] = i;
    }
  }
  if (n < OUTLIER_MIN_HISTORY) return null;
  const seasonal = series.length > 12 ? series[12]! : NaN;
  const j = judge(now, n, floorsOf(e), seasonal, e.valueType !== 'percent' && e.valueType !== 'decimal' && nonNegative(now, n));
  const low = e.valueType === 'count' || e.valueType === 'money' ? Math.max(0, j.low) : j.low;
  return { value: now, median: j.median, expected: j.expected, low, high: j.high, n, flagged: j.flagged };
}

/** The outlier range when the series' value this month is an outlier; null otherwise. */
export function checkSeries(e: ElementShape, series: ArrayLike<number>): OutlierRange | null {
  const r = assessSeries(e, series);
  return r && r.flagged ? r : null;
}

/**
 * The expected range for a value given its history (most recent month first, as many months as
 * known), whether or not the value falls in it; null when the history is too short.
 */
export function robustRange(value: number, history: readonly number[], e: Pick<CatalogueElement, 'valueType'>): OutlierRange | null {
  return assessSeries({ valueType: e.valueType, kind: 'flow' }, [value, ...history]);
}

/** Whole numbers for counts (the range's inner integers), one decimal otherwise. */
function bounds(e: Pick<CatalogueElement, 'valueType'>, r: OutlierRange): { low: number; high: number } {
  if (e.valueType === 'count' || e.valueType === 'money') return { low: Math.ceil(r.low), high: Math.floor(r.high) };
  return { low: Math.round(r.low * 10) / 10, high: Math.round(r.high * 10) / 10 };
}

export function outlierOf(e: CatalogueElement, unit: string, unitName: string, period: string, r: OutlierRange, lang: Lang): Outlier {
  const b = bounds(e, r);
  const message = translator(lang)(e.kind === 'cumulative' ? 'quality.outlierCumulative' : 'quality.outlier', {
    element: lang === 'vi' ? e.nameVi : e.nameEn,
    unit: unitName,
    value: formatNumber(r.value, lang, 2),
    low: formatNumber(b.low, lang, 2),
    high: formatNumber(b.high, lang, 2),
    median: formatNumber(r.median, lang, 2),
    n: r.n,
  });
  return { unit, period, element: e.code, value: r.value, low: b.low, high: b.high, expected: r.expected, median: r.median, history: r.n, message };
}
