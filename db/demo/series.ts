// Monthly series for the demo district: 24 months (2023-01 .. 2024-12) pinned to the seed's
// May 2024 figure, with seasonality, a trend and noise for the other months.
import { addMonths, monthParts, type Month } from '../../core/period';
import { apportion, normal, poisson, type Rng } from './random';

export const FIRST_MONTH: Month = '2023-01';
export const MONTH_COUNT = 24;
/** The month the seed report describes; every series passes exactly through its figure. */
export const ANCHOR_MONTH: Month = '2024-05';
export const MONTHS: readonly Month[] = Array.from({ length: MONTH_COUNT }, (_, i) => addMonths(FIRST_MONTH, i));
export const ANCHOR = MONTHS.indexOf(ANCHOR_MONTH);

/** Multipliers by calendar month (January first). */
export const PROFILES = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  // Influenza peaks in the cold, damp northern winter and spring.
  influenza: [1.9, 1.7, 1.3, 1.0, 0.85, 0.75, 0.8, 0.85, 0.95, 1.1, 1.3, 1.6],
  // Diarrhoea peaks in the hot rainy season.
  diarrhoea: [0.6, 0.6, 0.7, 0.9, 1.15, 1.4, 1.5, 1.4, 1.1, 0.9, 0.7, 0.6],
  // Station visits dip in the Tết month and rise with winter respiratory illness.
  visits: [1.1, 0.85, 1.0, 1.0, 1.0, 0.95, 0.95, 1.0, 1.0, 1.05, 1.05, 1.1],
  // Births: fewer around Tết, more in late summer and autumn.
  births: [0.95, 0.85, 0.95, 1.0, 1.0, 1.0, 1.05, 1.1, 1.1, 1.05, 1.0, 1.0],
  // Communication and outreach slow down around Tết.
  outreach: [0.9, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.05, 1.1],
} as const;
export type Profile = keyof typeof PROFILES;

export function seasonOf(profile: Profile, monthIndex: number): number {
  return PROFILES[profile][monthParts(MONTHS[monthIndex]!).month - 1]!;
}

export interface FlowShape {
  profile: Profile;
  /** Relative standard deviation of the month-to-month noise. */
  noise: number;
  /** Monthly growth rate (0.02 = +2% a month) up to the anchor month. */
  growth?: number;
  /** Growth after the anchor month, when a new service levels off (defaults to `growth`). */
  growthAfter?: number;
  /** For events the seed reports as 0: the monthly mean in other months. */
  rareMean?: number;
}

/** A district monthly flow series equal to `anchorValue` in May 2024. */
export function flowSeries(anchorValue: number, shape: FlowShape, rng: Rng): number[] {
  const base = anchorValue / seasonOf(shape.profile, ANCHOR);
  return MONTHS.map((_, m) => {
    if (m === ANCHOR) return anchorValue;
    const rate = m > ANCHOR ? shape.growthAfter ?? shape.growth ?? 0 : shape.growth ?? 0;
    const expected = base * seasonOf(shape.profile, m) * Math.exp(rate * (m - ANCHOR));
    if (shape.rareMean !== undefined) return poisson(rng, shape.rareMean * seasonOf(shape.profile, m));
    if (expected < 30) return poisson(rng, expected);
    return Math.max(0, Math.round(expected * (1 + shape.noise * normal(rng))));
  });
}

/** A district stock series: a slow drift (fraction per month) plus a little noise. */
export function stockSeries(anchorValue: number, drift: number, noise: number, rng: Rng): number[] {
  return MONTHS.map((_, m) => {
    if (m === ANCHOR) return anchorValue;
    const expected = anchorValue * (1 + drift * (m - ANCHOR));
    if (expected < 30) return Math.max(0, Math.round(expected + normal(rng) * Math.sqrt(expected) * 0.5));
    return Math.max(0, Math.round(expected * (1 + noise * normal(rng))));
  });
}

/** A rate (percentage or ratio) series rounded to `decimals`, clamped to [lo, hi]. */
export function rateSeries(anchorValue: number, slope: number, noise: number, decimals: number, lo: number, hi: number, rng: Rng): number[] {
  const f = 10 ** decimals;
  return MONTHS.map((_, m) => {
    if (m === ANCHOR) return anchorValue;
    const v = anchorValue + slope * (m - ANCHOR) + noise * normal(rng);
    return Math.round(Math.min(hi, Math.max(lo, v)) * f) / f;
  });
}

/**
 * Per-commune running totals that never decrease, summing to `districtTotals` every month.
 * The anchor month is split by `weights`; each month's increase is split the same way and
 * added forward or taken off going back. `districtTotals` must not decrease.
 */
export function cumulativeByCommune(districtTotals: readonly number[], weights: readonly number[]): number[][] {
  const out: number[][] = new Array<number[]>(MONTH_COUNT);
  out[ANCHOR] = apportion(districtTotals[ANCHOR]!, weights);
  for (let m = ANCHOR + 1; m < MONTH_COUNT; m++) {
    const inc = apportion(districtTotals[m]! - districtTotals[m - 1]!, weights);
    out[m] = out[m - 1]!.map((v, c) => v + inc[c]!);
  }
  for (let m = ANCHOR - 1; m >= 0; m--) {
    const inc = apportion(districtTotals[m + 1]! - districtTotals[m]!, weights);
    out[m] = out[m + 1]!.map((v, c) => v - inc[c]!);
  }
  return out;
}

/**
 * Per-commune gaps that never increase (records still missing, say), summing to
 * `districtGaps` every month. Going forward a decrease is taken from each commune in
 * proportion to what it still has, so no gap goes below zero.
 */
export function shrinkingGapsByCommune(districtGaps: readonly number[], weights: readonly number[]): number[][] {
  const out: number[][] = new Array<number[]>(MONTH_COUNT);
  out[ANCHOR] = apportion(districtGaps[ANCHOR]!, weights);
  for (let m = ANCHOR + 1; m < MONTH_COUNT; m++) {
    const prev = out[m - 1]!;
    const dec = apportion(districtGaps[m - 1]! - districtGaps[m]!, prev.some((g) => g > 0) ? prev : weights);
    out[m] = prev.map((g, c) => g - dec[c]!);
  }
  for (let m = ANCHOR - 1; m >= 0; m--) {
    const add = apportion(districtGaps[m]! - districtGaps[m + 1]!, weights);
    out[m] = out[m + 1]!.map((g, c) => g + add[c]!);
  }
  return out;
}

/** A series that only moves one way: each month's step is taken from `steps`, ending at the anchor value. */
export function monotoneSeries(anchorValue: number, stepsBefore: (m: number) => number, stepsAfter: (m: number) => number): number[] {
  const out = new Array<number>(MONTH_COUNT);
  out[ANCHOR] = anchorValue;
  for (let m = ANCHOR + 1; m < MONTH_COUNT; m++) out[m] = out[m - 1]! + stepsAfter(m);
  for (let m = ANCHOR - 1; m >= 0; m--) out[m] = out[m + 1]! - stepsBefore(m + 1);
  return out;
}
