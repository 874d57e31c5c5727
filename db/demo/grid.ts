// Shared shapes and helpers of the demo generator: a grid of commune values per element,
// and the ways a district series is spread over the communes.
import { apportion, apportionCapped, jittered, makeRng, normal, type Rng } from './random';
import { ANCHOR, MONTHS } from './series';

/** element code → [month index][commune index] → value. */
export type CommuneGrid = Map<string, number[][]>;

/** The seed's May 2024 figures by element code (resources/demo/may-2024.json). */
export type AnchorFigures = Readonly<Record<string, number>>;

export function anchorOf(may: AnchorFigures, code: string): number {
  const v = may[code];
  if (v === undefined) throw new Error(`demo: no May 2024 figure for ${code}`);
  return v;
}

/**
 * Each element has its own commune profile: the population weights shaken by ±spread, so that
 * not every programme's largest commune is the same one.
 */
export function elementWeights(base: readonly number[], code: string, spread: number): number[] {
  return jittered(base, makeRng(`${code}:weights`), spread);
}

/** Spreads a district series over the communes; `jitter` varies the split month to month. */
export function spread(series: readonly number[], weights: readonly number[], rng: Rng, jitter: number): number[][] {
  return series.map((total) => apportion(total, jittered(weights, rng, jitter)));
}

/** Spreads a part's series so that in every commune and month it stays within the whole. */
export function spreadCapped(series: readonly number[], whole: readonly (readonly number[])[], rng: Rng, jitter: number): number[][] {
  return series.map((total, m) => apportionCapped(total, whole[m]!, rng, jitter));
}

/** Column sums: the district total of each month. */
export function totals(rows: readonly (readonly number[])[]): number[] {
  return rows.map((r) => r.reduce((a, b) => a + b, 0));
}

/** Adds grids cell by cell (a total from its parts). */
export function sumGrids(grids: readonly (readonly (readonly number[])[])[]): number[][] {
  return grids[0]!.map((row, m) => row.map((_, c) => grids.reduce((a, g) => a + g[m]![c]!, 0)));
}

/**
 * A part's district series that follows its whole: the anchor month is the seed's figure, other
 * months keep the anchor's share (times `shareTrend(m)`) with some noise, never above the whole.
 */
export function partSeries(
  whole: readonly number[],
  anchorPart: number,
  noise: number,
  rng: Rng,
  shareTrend: (m: number) => number = () => 1,
  maxShare = 1,
): number[] {
  const share = anchorPart / whole[ANCHOR]!;
  return MONTHS.map((_, m) => {
    if (m === ANCHOR) return anchorPart;
    const s = Math.min(maxShare, share * shareTrend(m) * (1 + noise * normal(rng)));
    return Math.max(0, Math.min(whole[m]!, Math.round(whole[m]! * s)));
  });
}

/** Binomial thinning per cell: each of `whole` cases counts with probability p (anchor month: `anchorZero` forces 0). */
export function thin(whole: readonly (readonly number[])[], p: number, rng: Rng, anchorZero: boolean): number[][] {
  return whole.map((row, m) =>
    row.map((n) => {
      if (anchorZero && m === ANCHOR) return 0;
      let k = 0;
      for (let i = 0; i < n; i++) if (rng() < p) k++;
      return k;
    }),
  );
}

/** A value held for a whole year (a staffing level, a target group): one split per year. */
export function yearly(byYear: Readonly<Record<string, number>>, weights: readonly number[]): number[][] {
  const splits = new Map(Object.entries(byYear).map(([y, total]) => [y, apportion(total, weights)]));
  return MONTHS.map((m) => {
    const row = splits.get(m.slice(0, 4));
    if (!row) throw new Error(`demo: no yearly value for ${m}`);
    return [...row];
  });
}
