// The figures model: an element's value for a unit and period, aggregated by its kind,
// with year-to-date, the annual plan, % of plan and the same period last year.
// Missing data stays missing (null), never 0.
import type { AggregationKind, Catalogue, CatalogueElement } from './catalogue';
import { pctOfPlan, type PlanDirection } from './plan';
import { resolvePeriod, samePeriodLastYear, yearToDateMonths, type Month, type PeriodSpec } from './period';

export interface Figure {
  element: string;
  kind: AggregationKind;
  value: number | null;
  ytd: number | null;
  plan: number | null;
  planDirection: PlanDirection | null;
  /** value / plan × 100 (the report's "đạt x% kế hoạch"). */
  pctOfPlan: number | null;
  /** year-to-date / plan × 100. */
  ytdPctOfPlan: number | null;
  lastYear: number | null;
}

export interface Figures {
  unit: string;
  period: PeriodSpec;
  figures: Figure[];
  /**
   * Present when units merged into this one (or into a unit below it) stand in for it in months
   * before their merger: which columns hold their sums, so the report and the screen can say
   * "cộng các đơn vị cũ" (message `units.predecessorsNote`).
   */
  predecessors?: PredecessorUse;
}

export interface PredecessorUse {
  /** The former units' codes. */
  units: string[];
  value: boolean;
  ytd: boolean;
  lastYear: boolean;
}

/** Aggregated values across the unit's subtree: element code → month → value. */
export type MonthSums = ReadonlyMap<string, ReadonlyMap<Month, number>>;

export interface PlanLookup {
  target: number;
  direction: PlanDirection;
}

/**
 * An element's value over a list of months: flows add up; stocks, cumulative totals and
 * rates take the last month. Null when nothing was entered.
 */
export function valueOverMonths(kind: AggregationKind, months: readonly Month[], byMonth: ReadonlyMap<Month, number> | undefined): number | null {
  if (!byMonth || months.length === 0) return null;
  if (kind === 'flow') {
    let sum = 0;
    let any = false;
    for (const m of months) {
      const v = byMonth.get(m);
      if (v !== undefined) {
        sum += v;
        any = true;
      }
    }
    return any ? sum : null;
  }
  return byMonth.get(months[months.length - 1]!) ?? null;
}

function sumOf(values: (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  return values.reduce<number>((a, b) => a + (b as number), 0);
}

/** numerator / denominator × factor over already-aggregated figures; never an average of ratios. */
export function derive(
  e: CatalogueElement,
  valueOf: (code: string) => number | null,
): number | null {
  if (!e.derived) return null;
  const num = sumOf(e.derived.numerator.map(valueOf));
  const den = sumOf(e.derived.denominator.map(valueOf));
  if (num === null || den === null || den === 0) return null;
  return (num / den) * e.derived.factor;
}

export function computeFigures(
  catalogue: Catalogue,
  unit: string,
  period: PeriodSpec,
  sums: MonthSums,
  plans: ReadonlyMap<string, PlanLookup>,
): Figures {
  const p = resolvePeriod(period);
  const ytdMonths = yearToDateMonths(p.end);
  const lastYearMonths = resolvePeriod(samePeriodLastYear(period)).months;
  const base = (months: readonly Month[]) => {
    const out = new Map<string, number | null>();
    for (const e of catalogue.elements) {
      if (e.kind !== 'derived') out.set(e.code, valueOverMonths(e.kind, months, sums.get(e.code)));
    }
    for (const e of catalogue.elements) {
      if (e.kind === 'derived') out.set(e.code, derive(e, (c) => out.get(c) ?? null));
    }
    return out;
  };
  const now = base(p.months);
  const ytd = base(ytdMonths);
  const lastYear = base(lastYearMonths);
  const figures = catalogue.elements.map((e): Figure => {
    const plan = plans.get(e.code) ?? null;
    const value = now.get(e.code) ?? null;
    const y = ytd.get(e.code) ?? null;
    return {
      element: e.code,
      kind: e.kind,
      value,
      ytd: y,
      plan: plan?.target ?? null,
      planDirection: plan?.direction ?? null,
      pctOfPlan: pctOfPlan(value, plan?.target ?? null),
      ytdPctOfPlan: pctOfPlan(y, plan?.target ?? null),
      lastYear: lastYear.get(e.code) ?? null,
    };
  });
  return { unit, period, figures };
}
