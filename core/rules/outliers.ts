// Possible outliers: a value far from the unit's own history for that element. Robust
// statistics (median and median absolute deviation, the "modified z-score" of Iglewicz and
// Hoaglin) so that one earlier slip does not widen the range the way a standard deviation would.
// Flags warn; they never block saving.
import type { CatalogueElement } from '../catalogue';
import { formatNumber, type Lang } from '../format';
import { translator } from '../i18n';

/** Months of history needed before anything is flagged: a short series says little. */
export const OUTLIER_MIN_HISTORY = 6;
/** Modified z-score beyond which a value is flagged (the usual 3.5). */
export const OUTLIER_THRESHOLD = 3.5;
/** MAD / 0.6745 estimates the standard deviation of a normal series. */
const MAD_TO_SIGMA = 1 / 0.6745;

export interface OutlierRange {
  /** The value checked: the month's value, or its increase for a cumulative element. */
  value: number;
  median: number;
  low: number;
  high: number;
  /** Months of history used. */
  n: number;
}

export interface Outlier {
  unit: string;
  period: string;
  element: string;
  value: number;
  /** The expected range of the month's value (for a cumulative element: previous value + usual increase). */
  low: number;
  high: number;
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
const scratch = new Float64Array(16);
const deviations = new Float64Array(16);

/**
 * The spread below which nothing is called unusual. A series of identical values (a stock that
 * never moves, a disease with 0 cases every month) has MAD 0, which would flag any change; a
 * floor of 1 for counts and 5% of the median keeps "0 → 1 case" and "51 → 52 staff" quiet.
 */
function minimumSigma(e: Pick<CatalogueElement, 'valueType'>, med: number): number {
  const absolute = e.valueType === 'count' || e.valueType === 'money' ? 1 : 0.01;
  return Math.max(absolute, 0.05 * Math.abs(med));
}

/** The range for a value given its history; null when the history is too short. */
export function robustRange(value: number, history: readonly number[], e: Pick<CatalogueElement, 'valueType'>): OutlierRange | null {
  scratch.set(history.slice(0, scratch.length));
  return rangeOf(value, Math.min(history.length, scratch.length), e);
}

/** The same, on the first n cells of the scratch buffer. */
function rangeOf(value: number, n: number, e: Pick<CatalogueElement, 'valueType'>): OutlierRange | null {
  if (n < OUTLIER_MIN_HISTORY) return null;
  const med = medianOf(scratch, n);
  for (let i = 0; i < n; i++) deviations[i] = Math.abs(scratch[i]! - med);
  const mad = medianOf(deviations, n);
  const sigma = Math.max(mad * MAD_TO_SIGMA, minimumSigma(e, med));
  const half = OUTLIER_THRESHOLD * sigma;
  return { value, median: med, low: med - half, high: med + half, n };
}

/**
 * Checks one element's series (index = months back, NaN = not filled). A cumulative total is
 * judged by its monthly increase, since its level grows by design.
 */
export function checkSeries(
  e: Pick<CatalogueElement, 'valueType' | 'kind'>,
  series: ArrayLike<number>,
): OutlierRange | null {
  const now = series[0]!;
  if (Number.isNaN(now)) return null;
  let n = 0;
  if (e.kind === 'cumulative') {
    const prev = series[1]!;
    if (Number.isNaN(prev)) return null;
    for (let i = 1; i + 1 < series.length; i++) {
      const a = series[i]!;
      const b = series[i + 1]!;
      if (!Number.isNaN(a) && !Number.isNaN(b)) scratch[n++] = a - b;
    }
    const r = rangeOf(now - prev, n, e);
    if (!r || (r.value >= r.low && r.value <= r.high)) return null;
    return { value: now, median: prev + r.median, low: Math.max(0, prev + r.low), high: prev + r.high, n: r.n };
  }
  for (let i = 1; i < series.length; i++) if (!Number.isNaN(series[i]!)) scratch[n++] = series[i]!;
  const r = rangeOf(now, n, e);
  if (!r || (r.value >= r.low && r.value <= r.high)) return null;
  return { ...r, low: Math.max(0, r.low) };
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
  return { unit, period, element: e.code, value: r.value, low: b.low, high: b.high, median: r.median, history: r.n, message };
}
